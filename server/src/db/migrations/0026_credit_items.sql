CREATE TYPE "public"."credit_category" AS ENUM('base', 'good', 'bad');--> statement-breakpoint
CREATE TYPE "public"."credit_item_status" AS ENUM('published', 'objected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."credit_grade" AS ENUM('AAA', 'AA', 'A', 'B', 'C');--> statement-breakpoint
CREATE TYPE "public"."credit_objection_status" AS ENUM('pending', 'upheld', 'corrected', 'withdrawn');--> statement-breakpoint
CREATE TABLE "credit_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "credit_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer NOT NULL,
	"project_id" integer,
	"region_code" varchar(12) NOT NULL,
	"type" varchar(40) NOT NULL,
	"category" "credit_category" NOT NULL,
	"points_tenths" smallint NOT NULL,
	"source_key" varchar(80),
	"authority" varchar(100) NOT NULL,
	"document" varchar(200),
	"note" varchar(500),
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"occurred_on" date NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"public_until" date NOT NULL,
	"status" "credit_item_status" DEFAULT 'published' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_evaluations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "credit_evaluations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" smallint NOT NULL,
	"as_of" date NOT NULL,
	"status" varchar(12) DEFAULT 'running' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"job_id" varchar(64),
	"started_by" integer,
	"failure" varchar(500),
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "credit_ratings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "credit_ratings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"score_tenths" integer NOT NULL,
	"grade" "credit_grade" NOT NULL,
	"base_tenths" integer NOT NULL,
	"good_tenths" integer NOT NULL,
	"bad_tenths" integer NOT NULL,
	"items" jsonb NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_objections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "credit_objections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"reason" varchar(1000) NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "credit_objection_status" DEFAULT 'pending' NOT NULL,
	"due_on" date NOT NULL,
	"answer" varchar(1000),
	"points_before" smallint NOT NULL,
	"points_after" smallint,
	"created_by" integer NOT NULL,
	"answered_by" integer,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_scores" (
	"company_id" integer PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"base_tenths" integer NOT NULL,
	"good_tenths" integer NOT NULL,
	"bad_tenths" integer NOT NULL,
	"score_tenths" integer NOT NULL,
	"grade" "credit_grade" NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "credit_items" ADD CONSTRAINT "credit_items_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_items" ADD CONSTRAINT "credit_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_items" ADD CONSTRAINT "credit_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_evaluations" ADD CONSTRAINT "credit_evaluations_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ratings" ADD CONSTRAINT "credit_ratings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_objections" ADD CONSTRAINT "credit_objections_item_id_credit_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."credit_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_objections" ADD CONSTRAINT "credit_objections_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_objections" ADD CONSTRAINT "credit_objections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_objections" ADD CONSTRAINT "credit_objections_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_scores" ADD CONSTRAINT "credit_scores_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_items_type_source_key_idx" ON "credit_items" USING btree ("type","source_key");--> statement-breakpoint
CREATE INDEX "credit_items_company_valid_idx" ON "credit_items" USING btree ("company_id","valid_until");--> statement-breakpoint
CREATE INDEX "credit_items_company_updated_idx" ON "credit_items" USING btree ("company_id","updated_at");--> statement-breakpoint
CREATE INDEX "credit_items_project_idx" ON "credit_items" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "credit_items_region_idx" ON "credit_items" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "credit_objections_item_pending_idx" ON "credit_objections" USING btree ("item_id") WHERE "status" = 'pending';--> statement-breakpoint
CREATE INDEX "credit_objections_item_idx" ON "credit_objections" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "credit_objections_company_idx" ON "credit_objections" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_evaluations_year_idx" ON "credit_evaluations" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_ratings_company_year_idx" ON "credit_ratings" USING btree ("company_id","year");--> statement-breakpoint
CREATE INDEX "credit_ratings_year_grade_idx" ON "credit_ratings" USING btree ("year","grade");--> statement-breakpoint
CREATE INDEX "credit_ratings_region_idx" ON "credit_ratings" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
-- Backfill: quality's upgrade credit events become project_upgraded rule items (same key, points, date);
-- published for comment 5 working days (no holidays in between assumed), valid 1 year.
INSERT INTO "credit_items" ("company_id", "project_id", "region_code", "type", "category", "points_tenths", "source_key", "authority", "document", "occurred_on", "valid_from", "valid_until", "public_until", "status", "created_at", "updated_at")
SELECT "company_id", "project_id", "region_code", 'project_upgraded', 'good', "points_tenths", "source_key", '住房和城乡建设局（提档升级评定）', "document", "occurred_on", "occurred_on", ("occurred_on" + interval '1 year' - interval '1 day')::date,
	("occurred_on" + CASE extract(isodow FROM "occurred_on") WHEN 6 THEN 6 WHEN 7 THEN 5 ELSE 7 END), 'published', "created_at", "created_at"
FROM "credit_events"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
DROP TABLE "credit_events" CASCADE;--> statement-breakpoint
DROP TYPE "public"."credit_event_source";
