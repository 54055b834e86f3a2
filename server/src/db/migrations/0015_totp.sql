-- placeholder: replace with this change's SQL
SELECT 1;
