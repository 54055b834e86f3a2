CREATE TYPE "public"."cross_appointment_kind" AS ENUM('community_party_part_time', 'owners_committee_part_time');--> statement-breakpoint
CREATE TYPE "public"."party_gender" AS ENUM('male', 'female');--> statement-breakpoint
CREATE TYPE "public"."party_member_role" AS ENUM('company_staff', 'project_manager', 'committee_member', 'community_worker');--> statement-breakpoint
CREATE TYPE "public"."party_org_setting" AS ENUM('company', 'owners_committee', 'compound', 'industry');--> statement-breakpoint
CREATE TYPE "public"."party_org_type" AS ENUM('industry_committee', 'committee', 'general_branch', 'branch', 'joint_branch');--> statement-breakpoint
CREATE TYPE "public"."red_project_result" AS ENUM('pending', 'excellent', 'good', 'pass', 'fail');--> statement-breakpoint
CREATE TABLE "cross_appointments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cross_appointments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"kind" "cross_appointment_kind" NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"compound_id" integer,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "party_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" varchar(40) NOT NULL,
	"gender" "party_gender" NOT NULL,
	"joined_on" date NOT NULL,
	"org_id" integer NOT NULL,
	"role" "party_member_role" NOT NULL,
	"employer_company_id" integer,
	"compound_id" integer,
	"region_code" varchar(12) NOT NULL,
	"phone_enc" text,
	"phone_masked" varchar(20),
	"phone_hash" varchar(64),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_orgs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "party_orgs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"type" "party_org_type" NOT NULL,
	"setting" "party_org_setting" NOT NULL,
	"name" varchar(100) NOT NULL,
	"parent_id" integer,
	"secretary_name" varchar(40),
	"founded_on" date NOT NULL,
	"member_count" integer NOT NULL,
	"company_id" integer,
	"compound_id" integer,
	"region_code" varchar(12) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "red_projects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "red_projects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"designation" varchar(60) NOT NULL,
	"year" smallint NOT NULL,
	"result" "red_project_result" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "staff_count" integer;--> statement-breakpoint
ALTER TABLE "cross_appointments" ADD CONSTRAINT "cross_appointments_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_appointments" ADD CONSTRAINT "cross_appointments_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_employer_company_id_companies_id_fk" FOREIGN KEY ("employer_company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD CONSTRAINT "party_orgs_parent_id_party_orgs_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."party_orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD CONSTRAINT "party_orgs_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD CONSTRAINT "party_orgs_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_projects" ADD CONSTRAINT "red_projects_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cross_appointments_region_idx" ON "cross_appointments" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "cross_appointments_member_idx" ON "cross_appointments" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "cross_appointments_compound_idx" ON "cross_appointments" USING btree ("compound_id");--> statement-breakpoint
CREATE INDEX "party_members_region_idx" ON "party_members" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "party_members_org_idx" ON "party_members" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "party_members_employer_idx" ON "party_members" USING btree ("employer_company_id");--> statement-breakpoint
CREATE INDEX "party_members_compound_idx" ON "party_members" USING btree ("compound_id");--> statement-breakpoint
CREATE UNIQUE INDEX "party_members_name_phone_idx" ON "party_members" USING btree ("name","phone_hash") WHERE "party_members"."phone_hash" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "party_members_name_idx" ON "party_members" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "party_orgs_name_idx" ON "party_orgs" USING btree ("name");--> statement-breakpoint
CREATE INDEX "party_orgs_region_idx" ON "party_orgs" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "party_orgs_company_idx" ON "party_orgs" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "party_orgs_compound_idx" ON "party_orgs" USING btree ("compound_id");--> statement-breakpoint
CREATE INDEX "party_orgs_parent_idx" ON "party_orgs" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "red_projects_region_idx" ON "red_projects" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "red_projects_compound_year_idx" ON "red_projects" USING btree ("compound_id","year","designation");