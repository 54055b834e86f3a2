CREATE TYPE "public"."blacklist_reason" AS ENUM('fund_misappropriation', 'left_without_handover', 'bid_collusion', 'major_safety_accident', 'assessment_fraud');--> statement-breakpoint
CREATE TYPE "public"."filing_kind" AS ENUM('contract', 'project_manager');--> statement-breakpoint
CREATE TYPE "public"."filing_status" AS ENUM('submitted', 'filed', 'returned');--> statement-breakpoint
CREATE TABLE "blacklist_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "blacklist_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"reason" "blacklist_reason" NOT NULL,
	"document" varchar(100) NOT NULL,
	"listed_on" date NOT NULL,
	"facts" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"listed_by" integer NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_on" date,
	"removed_by" integer,
	"removal_reason" varchar(500),
	"removal_document" varchar(100),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "filings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"kind" "filing_kind" NOT NULL,
	"status" "filing_status" DEFAULT 'submitted' NOT NULL,
	"document_no" varchar(40) NOT NULL,
	"manager_name" varchar(40),
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" varchar(500),
	"submitted_by" integer,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"filing_no" varchar(40),
	"return_reason" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "blacklist_entries" ADD CONSTRAINT "blacklist_entries_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blacklist_entries" ADD CONSTRAINT "blacklist_entries_listed_by_users_id_fk" FOREIGN KEY ("listed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blacklist_entries" ADD CONSTRAINT "blacklist_entries_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "blacklist_entries_active_company_idx" ON "blacklist_entries" USING btree ("company_id") WHERE "removed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "blacklist_entries_company_idx" ON "blacklist_entries" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "blacklist_entries_region_idx" ON "blacklist_entries" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "filings_project_kind_idx" ON "filings" USING btree ("project_id","kind","status","valid_until");--> statement-breakpoint
CREATE UNIQUE INDEX "filings_pending_project_kind_idx" ON "filings" USING btree ("project_id","kind") WHERE "status" = 'submitted';--> statement-breakpoint
CREATE INDEX "filings_company_idx" ON "filings" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "filings_region_idx" ON "filings" USING btree ("region_code" varchar_pattern_ops);
