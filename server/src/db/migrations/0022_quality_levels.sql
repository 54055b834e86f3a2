CREATE TYPE "public"."assessment_status" AS ENUM('applied', 'accepted', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."award_kind" AS ENUM('regional_excellent', 'demonstration');--> statement-breakpoint
CREATE TYPE "public"."credit_event_source" AS ENUM('quality_upgrade');--> statement-breakpoint
CREATE TYPE "public"."service_scale" AS ENUM('level', 'star');--> statement-breakpoint
CREATE TYPE "public"."upgrade_plan_status" AS ENUM('filed', 'approved', 'returned');--> statement-breakpoint
CREATE TYPE "public"."pricing_form" AS ENUM('lump_sum', 'cost_plus');--> statement-breakpoint
CREATE TYPE "public"."selection_method" AS ENUM('public_tender', 'invitation', 'negotiation');--> statement-breakpoint
CREATE TABLE "awards" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "awards_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"kind" "award_kind" NOT NULL,
	"year" smallint NOT NULL,
	"document" varchar(200) NOT NULL,
	"reward_fen" bigint,
	"reward_paid_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cost_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cost_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"year" smallint NOT NULL,
	"staff_fen" bigint NOT NULL,
	"shared_facilities_fen" bigint NOT NULL,
	"cleaning_fen" bigint NOT NULL,
	"greening_fen" bigint NOT NULL,
	"security_fen" bigint NOT NULL,
	"office_fen" bigint NOT NULL,
	"depreciation_fen" bigint NOT NULL,
	"insurance_fen" bigint NOT NULL,
	"other_fen" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "credit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source" "credit_event_source" NOT NULL,
	"source_key" varchar(60) NOT NULL,
	"company_id" integer NOT NULL,
	"project_id" integer,
	"region_code" varchar(12) NOT NULL,
	"points_tenths" smallint NOT NULL,
	"occurred_on" date NOT NULL,
	"document" varchar(200),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fee_guidance" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fee_guidance_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"level_id" integer NOT NULL,
	"property_type" "compound_type" NOT NULL,
	"min_fen" integer NOT NULL,
	"max_fen" integer NOT NULL,
	"source_document" varchar(200) NOT NULL,
	"effective_from" date NOT NULL,
	"effective_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "level_assessments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "level_assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"level_id" integer NOT NULL,
	"status" "assessment_status" DEFAULT 'applied' NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"application_note" varchar(500),
	"results" jsonb,
	"decision_note" varchar(500),
	"decided_on" date,
	"decided_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_levels" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "service_levels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"scale" "service_scale" NOT NULL,
	"code" varchar(20) NOT NULL,
	"order" smallint NOT NULL,
	"name" varchar(40) NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source_document" varchar(200) NOT NULL,
	"placeholder" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upgrade_plan_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "upgrade_plan_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"current_level_id" integer,
	"target_level_id" integer NOT NULL,
	"upgraded_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upgrade_plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "upgrade_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_code" varchar(12) NOT NULL,
	"year" smallint NOT NULL,
	"measures" text NOT NULL,
	"deadline" date NOT NULL,
	"status" "upgrade_plan_status" DEFAULT 'filed' NOT NULL,
	"approved_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "pricing_form" "pricing_form";--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "selection_method" "selection_method";--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "tender_date" date;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "tender_result" varchar(200);--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_reports" ADD CONSTRAINT "cost_reports_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_events" ADD CONSTRAINT "credit_events_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_events" ADD CONSTRAINT "credit_events_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_guidance" ADD CONSTRAINT "fee_guidance_level_id_service_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."service_levels"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_assessments" ADD CONSTRAINT "level_assessments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_assessments" ADD CONSTRAINT "level_assessments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_assessments" ADD CONSTRAINT "level_assessments_level_id_service_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."service_levels"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_assessments" ADD CONSTRAINT "level_assessments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upgrade_plan_items" ADD CONSTRAINT "upgrade_plan_items_plan_id_upgrade_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."upgrade_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upgrade_plan_items" ADD CONSTRAINT "upgrade_plan_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upgrade_plan_items" ADD CONSTRAINT "upgrade_plan_items_current_level_id_service_levels_id_fk" FOREIGN KEY ("current_level_id") REFERENCES "public"."service_levels"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upgrade_plan_items" ADD CONSTRAINT "upgrade_plan_items_target_level_id_service_levels_id_fk" FOREIGN KEY ("target_level_id") REFERENCES "public"."service_levels"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "awards_project_kind_year_idx" ON "awards" USING btree ("project_id","kind","year");--> statement-breakpoint
CREATE INDEX "awards_region_idx" ON "awards" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "cost_reports_company_year_idx" ON "cost_reports" USING btree ("company_id","year");--> statement-breakpoint
CREATE INDEX "cost_reports_region_idx" ON "cost_reports" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "credit_events_source_key_idx" ON "credit_events" USING btree ("source","source_key");--> statement-breakpoint
CREATE INDEX "credit_events_company_idx" ON "credit_events" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "fee_guidance_level_type_idx" ON "fee_guidance" USING btree ("level_id","property_type");--> statement-breakpoint
CREATE INDEX "level_assessments_project_idx" ON "level_assessments" USING btree ("project_id","decided_on");--> statement-breakpoint
CREATE INDEX "level_assessments_company_idx" ON "level_assessments" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "level_assessments_region_idx" ON "level_assessments" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "service_levels_scale_code_idx" ON "service_levels" USING btree ("scale","code");--> statement-breakpoint
CREATE UNIQUE INDEX "service_levels_scale_order_idx" ON "service_levels" USING btree ("scale","order");--> statement-breakpoint
CREATE UNIQUE INDEX "upgrade_plan_items_plan_project_idx" ON "upgrade_plan_items" USING btree ("plan_id","project_id");--> statement-breakpoint
CREATE INDEX "upgrade_plan_items_project_idx" ON "upgrade_plan_items" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "upgrade_plan_items_region_idx" ON "upgrade_plan_items" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "upgrade_plans_region_year_idx" ON "upgrade_plans" USING btree ("region_code","year");
