CREATE TYPE "public"."assessment_result" AS ENUM('pass', 'fail');--> statement-breakpoint
CREATE TYPE "public"."renovation_status" AS ENUM('planned', 'contracted', 'in_progress', 'accepted');--> statement-breakpoint
CREATE TYPE "public"."subsidy_batch_status" AS ENUM('draft', 'district_approved', 'city_approved', 'paid');--> statement-breakpoint
CREATE TYPE "public"."subsidy_usage_category" AS ENUM('facilities', 'greening', 'roads');--> statement-breakpoint
CREATE TABLE "quasi_standard_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quasi_standard_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"text" varchar(200) NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "quasi_enrolments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quasi_enrolments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"company_id" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"note" varchar(500),
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "quasi_assessments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quasi_assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"enrolment_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"year" smallint NOT NULL,
	"result" "assessment_result" NOT NULL,
	"items" jsonb NOT NULL,
	"note" varchar(500),
	"assessed_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "subsidy_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subsidy_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_code" varchar(12) NOT NULL,
	"year" smallint NOT NULL,
	"status" "subsidy_batch_status" DEFAULT 'draft' NOT NULL,
	"line_count" integer DEFAULT 0 NOT NULL,
	"total_fen" bigint DEFAULT 0 NOT NULL,
	"city_fen" bigint DEFAULT 0 NOT NULL,
	"district_fen" bigint DEFAULT 0 NOT NULL,
	"created_by" integer,
	"district_approved_by" integer,
	"district_approved_at" timestamp with time zone,
	"city_approved_by" integer,
	"city_approved_at" timestamp with time zone,
	"paid_by" integer,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "subsidy_lines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subsidy_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"batch_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"enrolment_id" integer NOT NULL,
	"assessment_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"area_centi" bigint NOT NULL,
	"enrolment_year" smallint NOT NULL,
	"months" smallint NOT NULL,
	"rate_fen" smallint NOT NULL,
	"total_fen" bigint NOT NULL,
	"city_fen" bigint NOT NULL,
	"district_fen" bigint NOT NULL
);--> statement-breakpoint
CREATE TABLE "subsidy_usages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subsidy_usages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"line_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"company_id" integer NOT NULL,
	"category" "subsidy_usage_category" NOT NULL,
	"amount_fen" bigint NOT NULL,
	"spent_on" date NOT NULL,
	"note" varchar(200),
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "renovations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "renovations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"title" varchar(100) NOT NULL,
	"items" jsonb NOT NULL,
	"budget_fen" bigint NOT NULL,
	"planned_start" date NOT NULL,
	"planned_end" date NOT NULL,
	"service_standard" varchar(500),
	"fee_fen_per_sqm_month" integer,
	"status" "renovation_status" DEFAULT 'planned' NOT NULL,
	"vote_id" integer,
	"contract_ref" varchar(80),
	"progress_percent" smallint DEFAULT 0 NOT NULL,
	"progress_note" varchar(500),
	"accepted_on" date,
	"acceptance_note" varchar(500),
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
ALTER TABLE "compounds" ADD COLUMN "retired_into_compound_id" integer;--> statement-breakpoint
ALTER TABLE "compounds" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "compounds" ADD CONSTRAINT "compounds_retired_into_compound_id_compounds_id_fk" FOREIGN KEY ("retired_into_compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quasi_enrolments" ADD CONSTRAINT "quasi_enrolments_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quasi_enrolments" ADD CONSTRAINT "quasi_enrolments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quasi_enrolments" ADD CONSTRAINT "quasi_enrolments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quasi_assessments" ADD CONSTRAINT "quasi_assessments_enrolment_id_quasi_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."quasi_enrolments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quasi_assessments" ADD CONSTRAINT "quasi_assessments_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quasi_assessments" ADD CONSTRAINT "quasi_assessments_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_batches" ADD CONSTRAINT "subsidy_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_batches" ADD CONSTRAINT "subsidy_batches_district_approved_by_users_id_fk" FOREIGN KEY ("district_approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_batches" ADD CONSTRAINT "subsidy_batches_city_approved_by_users_id_fk" FOREIGN KEY ("city_approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_batches" ADD CONSTRAINT "subsidy_batches_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_lines" ADD CONSTRAINT "subsidy_lines_batch_id_subsidy_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."subsidy_batches"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_lines" ADD CONSTRAINT "subsidy_lines_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_lines" ADD CONSTRAINT "subsidy_lines_enrolment_id_quasi_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."quasi_enrolments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_lines" ADD CONSTRAINT "subsidy_lines_assessment_id_quasi_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."quasi_assessments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_lines" ADD CONSTRAINT "subsidy_lines_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_usages" ADD CONSTRAINT "subsidy_usages_line_id_subsidy_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."subsidy_lines"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_usages" ADD CONSTRAINT "subsidy_usages_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_usages" ADD CONSTRAINT "subsidy_usages_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_usages" ADD CONSTRAINT "subsidy_usages_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renovations" ADD CONSTRAINT "renovations_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renovations" ADD CONSTRAINT "renovations_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renovations" ADD CONSTRAINT "renovations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quasi_enrolments_compound_idx" ON "quasi_enrolments" USING btree ("compound_id","start_date");--> statement-breakpoint
CREATE INDEX "quasi_enrolments_region_idx" ON "quasi_enrolments" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "quasi_assessments_enrolment_year_idx" ON "quasi_assessments" USING btree ("enrolment_id","year");--> statement-breakpoint
CREATE INDEX "quasi_assessments_region_idx" ON "quasi_assessments" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_batches_region_year_idx" ON "subsidy_batches" USING btree ("region_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_lines_batch_enrolment_idx" ON "subsidy_lines" USING btree ("batch_id","enrolment_id");--> statement-breakpoint
CREATE INDEX "subsidy_lines_region_idx" ON "subsidy_lines" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "subsidy_usages_line_idx" ON "subsidy_usages" USING btree ("line_id");--> statement-breakpoint
CREATE INDEX "subsidy_usages_region_idx" ON "subsidy_usages" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "renovations_compound_idx" ON "renovations" USING btree ("compound_id");--> statement-breakpoint
CREATE INDEX "renovations_region_idx" ON "renovations" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
INSERT INTO "quasi_standard_items" ("text", "sort_order") VALUES ('（占位）“三个有”标准第一项：待市住建局填写', 1), ('（占位）“三个有”标准第二项：待市住建局填写', 2), ('（占位）“三个有”标准第三项：待市住建局填写', 3);
