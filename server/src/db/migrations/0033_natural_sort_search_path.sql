-- A backup must restore (issue 15): pg_dump runs its restore with an empty search_path, and the
-- generated sort columns call natural_sort_key, whose body named natural_sort_key_tokens without
-- its schema — pg_restore failed on "function natural_sort_key_tokens(text) does not exist". The
-- body now names it with its schema (still an inlinable SQL function; the keys are unchanged).
CREATE OR REPLACE FUNCTION "natural_sort_key"(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN t ~ '^[1-9][0-9]*$' THEN '0' || lpad(to_hex(length(t)), 2, '0') || t ELSE public.natural_sort_key_tokens(t) END
$$;
