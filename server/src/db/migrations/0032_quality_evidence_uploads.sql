-- Level-assessment evidence becomes uploaded files or links with a name ({name, url}) instead of typed
-- names (issue 12). An old entry keeps its text as the name; it has no file, so its url is null.
UPDATE "level_assessments" SET "evidence" = (
  SELECT COALESCE(jsonb_agg(CASE
    WHEN jsonb_typeof(e) = 'string' THEN jsonb_build_object('name', left(e #>> '{}', 100), 'url', CASE WHEN (e #>> '{}') ~ '^(/api/uploads/[0-9]{1,10}|https://\S+)$' THEN e #>> '{}' END)
    ELSE e END), '[]'::jsonb)
  FROM jsonb_array_elements("evidence") AS e
) WHERE jsonb_typeof("evidence") = 'array' AND EXISTS (SELECT 1 FROM jsonb_array_elements("evidence") AS e WHERE jsonb_typeof(e) = 'string');
