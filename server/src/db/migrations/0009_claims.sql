ALTER TYPE "public"."claim_status" ADD VALUE 'revoked';--> statement-breakpoint
ALTER TYPE "public"."claim_status" ADD VALUE 'withdrawn';--> statement-breakpoint
ALTER TABLE "household_claims" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "household_claims" ADD COLUMN "ended_by" integer;--> statement-breakpoint
ALTER TABLE "household_claims" ADD CONSTRAINT "household_claims_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Natural order of room, unit and building names (101, 0101, 101A, 102, …, 1001; 地下室-2 before
-- 地下室-12) as a text key that sorts the same under any collation (only 0-9 and a-f): each digit
-- run becomes '0' + its length (2 hex digits, leading zeros dropped) + its digits, each other
-- character '1' + its code point (6 hex digits); the leading zeros dropped are appended last as
-- '00' + count (2 hex digits), so 101 < 0101 < 101A. Digit runs up to 255 digits.
CREATE OR REPLACE FUNCTION "natural_sort_key_tokens"(t text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  key text := '';
  zeros int := 0;
  run text;
  digits text;
BEGIN
  FOREACH run IN ARRAY regexp_split_to_array(regexp_replace(t, '([0-9]+|[^0-9])', '\1' || chr(1), 'g'), chr(1)) LOOP
    CONTINUE WHEN run = '';
    IF run ~ '^[0-9]' THEN
      digits := coalesce(nullif(ltrim(run, '0'), ''), '0');
      zeros := zeros + length(run) - length(digits);
      key := key || '0' || lpad(to_hex(length(digits)), 2, '0') || digits;
    ELSE
      key := key || '1' || lpad(to_hex(ascii(run)), 6, '0');
    END IF;
  END LOOP;
  IF zeros > 0 THEN
    key := key || '00' || lpad(to_hex(zeros), 2, '0');
  END IF;
  RETURN key;
END
$$;--> statement-breakpoint
-- Plain numbers (nearly every room) take an inlinable fast path: a bulk insert of 500k rooms costs seconds, not minutes.
CREATE OR REPLACE FUNCTION "natural_sort_key"(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN t ~ '^[1-9][0-9]*$' THEN '0' || lpad(to_hex(length(t)), 2, '0') || t ELSE natural_sort_key_tokens(t) END
$$;--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "room_sort" text GENERATED ALWAYS AS (natural_sort_key("households"."room")) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "buildings" ADD COLUMN "name_sort" text GENERATED ALWAYS AS (natural_sort_key("buildings"."name")) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "name_sort" text GENERATED ALWAYS AS (natural_sort_key("units"."name")) STORED NOT NULL;--> statement-breakpoint
DROP INDEX "households_compound_room_idx";--> statement-breakpoint
CREATE INDEX "households_compound_room_sort_idx" ON "households" USING btree ("compound_id","room_sort","id");