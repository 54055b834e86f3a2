CREATE TYPE "public"."checklist_category" AS ENUM('fire_lane', 'exits', 'fire_facilities', 'ebike', 'micro_station', 'disclosure', 'illegal_construction', 'cleanliness');--> statement-breakpoint
CREATE TYPE "public"."hazard_event_action" AS ENUM('found', 'closed_on_spot', 'rectify', 'accept', 'reject', 'report');--> statement-breakpoint
CREATE TYPE "public"."hazard_report_level" AS ENUM('street', 'district');--> statement-breakpoint
CREATE TYPE "public"."hazard_report_reason" AS ENUM('overdue', 'unfixable', 'not_corrected_on_spot');--> statement-breakpoint
CREATE TYPE "public"."hazard_severity" AS ENUM('general', 'major');--> statement-breakpoint
CREATE TYPE "public"."hazard_status" AS ENUM('open', 'rectified', 'closed');--> statement-breakpoint
CREATE TYPE "public"."inspection_kind" AS ENUM('inspection', 'patrol');--> statement-breakpoint
CREATE TABLE "hazard_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hazard_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"hazard_id" integer NOT NULL,
	"action" "hazard_event_action" NOT NULL,
	"actor_id" integer,
	"actor_name" varchar(40) NOT NULL,
	"note" varchar(500),
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hazards" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hazards_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"inspection_id" integer NOT NULL,
	"kind" "inspection_kind" NOT NULL,
	"item_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"category" "checklist_category" NOT NULL,
	"description" varchar(700) NOT NULL,
	"severity" "hazard_severity" NOT NULL,
	"on_spot" boolean NOT NULL,
	"fire_lane" boolean NOT NULL,
	"status" "hazard_status" DEFAULT 'open' NOT NULL,
	"found_by" integer NOT NULL,
	"found_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rectification_photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rectification_note" varchar(500),
	"rectified_at" timestamp with time zone,
	"rectified_by" integer,
	"closed_at" timestamp with time zone,
	"closed_by" integer,
	"reported_at" timestamp with time zone,
	"reported_to" "hazard_report_level",
	"report_reason" "hazard_report_reason",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_checklist_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspection_checklist_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" varchar(40) NOT NULL,
	"category" "checklist_category" NOT NULL,
	"text" varchar(300) NOT NULL,
	"severity" "hazard_severity" DEFAULT 'general' NOT NULL,
	"on_spot" boolean DEFAULT false NOT NULL,
	"fire_lane" boolean DEFAULT false NOT NULL,
	"source_document" varchar(200) NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" "inspection_kind" NOT NULL,
	"project_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"inspector_id" integer NOT NULL,
	"inspected_at" timestamp with time zone NOT NULL,
	"lat" numeric(9, 6),
	"lng" numeric(9, 6),
	"note" varchar(500),
	"failed_count" integer DEFAULT 0 NOT NULL,
	"results" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hazard_events" ADD CONSTRAINT "hazard_events_hazard_id_hazards_id_fk" FOREIGN KEY ("hazard_id") REFERENCES "public"."hazards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_events" ADD CONSTRAINT "hazard_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_item_id_inspection_checklist_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inspection_checklist_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_found_by_users_id_fk" FOREIGN KEY ("found_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_rectified_by_users_id_fk" FOREIGN KEY ("rectified_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_inspector_id_users_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hazard_events_hazard_idx" ON "hazard_events" USING btree ("hazard_id","at");--> statement-breakpoint
CREATE INDEX "hazards_region_idx" ON "hazards" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "hazards_company_idx" ON "hazards" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "hazards_sweep_idx" ON "hazards" USING btree ("deadline_at") WHERE "status" <> 'closed' AND "reported_at" IS NULL;--> statement-breakpoint
CREATE INDEX "hazards_inspection_idx" ON "hazards" USING btree ("inspection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_checklist_items_code_idx" ON "inspection_checklist_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "inspections_region_idx" ON "inspections" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "inspections_company_idx" ON "inspections" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "inspections_project_idx" ON "inspections" USING btree ("project_id","inspected_at");
