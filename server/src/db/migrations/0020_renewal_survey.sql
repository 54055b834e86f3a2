CREATE TYPE "public"."enclosure_state" AS ENUM('enclosed', 'enclosable', 'open');--> statement-breakpoint
CREATE TYPE "public"."renewal_classification" AS ENUM('quasi', 'merge', 'committee', 'self');--> statement-breakpoint
CREATE TYPE "public"."renewal_survey_status" AS ENUM('draft', 'submitted');--> statement-breakpoint
CREATE TYPE "public"."survey_management_state" AS ENUM('none', 'work_unit', 'community', 'self');--> statement-breakpoint
CREATE TYPE "public"."survey_renovation_state" AS ENUM('none', 'planned', 'in_progress', 'done');--> statement-breakpoint
CREATE TABLE "renewal_surveys" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "renewal_surveys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"status" "renewal_survey_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"building_count" integer,
	"stairwell_count" integer,
	"household_count" integer,
	"floor_area_centi" bigint,
	"single_building" boolean,
	"neighbour_compound_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"enclosure" "enclosure_state",
	"has_gate" boolean,
	"infrastructure" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"current_management" "survey_management_state",
	"has_committee" boolean,
	"fund_deposited" boolean,
	"renovation" "survey_renovation_state",
	"willing_households" integer,
	"proposed_fee_fen" integer,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"surveyed_on" date,
	"surveyor_id" integer,
	"submitted_at" timestamp with time zone,
	"proposed_classification" "renewal_classification",
	"classification" "renewal_classification",
	"classification_reason" varchar(500),
	"classified_by" integer,
	"classified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "renewal_surveys" ADD CONSTRAINT "renewal_surveys_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_surveys" ADD CONSTRAINT "renewal_surveys_surveyor_id_users_id_fk" FOREIGN KEY ("surveyor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_surveys" ADD CONSTRAINT "renewal_surveys_classified_by_users_id_fk" FOREIGN KEY ("classified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "renewal_surveys_compound_idx" ON "renewal_surveys" USING btree ("compound_id");--> statement-breakpoint
CREATE INDEX "renewal_surveys_region_idx" ON "renewal_surveys" USING btree ("region_code" varchar_pattern_ops);
--> statement-breakpoint
CREATE TABLE "compound_household_counts" (
	"compound_id" integer PRIMARY KEY NOT NULL,
	"households" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compound_household_counts" ADD CONSTRAINT "compound_household_counts_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Kept per statement from the transition tables: one grouped upsert per INSERT/DELETE, and an UPDATE
-- touches the counts only for rows whose compound changed (a merge), so ordinary edits lock nothing.
CREATE OR REPLACE FUNCTION "compound_household_counts_add"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO compound_household_counts AS k (compound_id, households)
    SELECT compound_id, count(*)::int FROM new_rows GROUP BY compound_id ORDER BY compound_id
    ON CONFLICT (compound_id) DO UPDATE SET households = k.households + EXCLUDED.households;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "compound_household_counts_remove"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE compound_household_counts k SET households = k.households - d.n
    FROM (SELECT compound_id, count(*)::int AS n FROM old_rows GROUP BY compound_id) d WHERE k.compound_id = d.compound_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "compound_household_counts_move"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE compound_household_counts k SET households = k.households - d.n
    FROM (SELECT o.compound_id, count(*)::int AS n FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.compound_id <> o.compound_id GROUP BY o.compound_id) d
   WHERE k.compound_id = d.compound_id;
  INSERT INTO compound_household_counts AS k (compound_id, households)
    SELECT n.compound_id, count(*)::int FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.compound_id <> o.compound_id GROUP BY n.compound_id ORDER BY n.compound_id
    ON CONFLICT (compound_id) DO UPDATE SET households = k.households + EXCLUDED.households;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "households_count_insert" AFTER INSERT ON "households" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "compound_household_counts_add"();--> statement-breakpoint
CREATE TRIGGER "households_count_delete" AFTER DELETE ON "households" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "compound_household_counts_remove"();--> statement-breakpoint
CREATE TRIGGER "households_count_update" AFTER UPDATE ON "households" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "compound_household_counts_move"();--> statement-breakpoint
INSERT INTO "compound_household_counts" ("compound_id", "households") SELECT "compound_id", count(*)::int FROM "households" GROUP BY "compound_id";
