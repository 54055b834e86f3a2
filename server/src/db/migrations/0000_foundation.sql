CREATE TYPE "public"."role" AS ENUM('city_admin', 'district_staff', 'street_staff', 'community_staff', 'party_staff', 'company_staff', 'resident');--> statement-breakpoint
CREATE TYPE "public"."area_basis" AS ENUM('registered', 'surveyed', 'contract');--> statement-breakpoint
CREATE TYPE "public"."claim_status" AS ENUM('pending', 'verified', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."compound_type" AS ENUM('commodity', 'old', 'single_building', 'resettlement');--> statement-breakpoint
CREATE TYPE "public"."management_mode" AS ENUM('professional', 'quasi', 'community', 'self', 'none');--> statement-breakpoint
CREATE TYPE "public"."region_level" AS ENUM('city', 'district', 'street', 'community');--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"username" varchar(40),
	"name" varchar(40) NOT NULL,
	"role" "role" NOT NULL,
	"region_code" varchar(12),
	"company_id" integer,
	"password_hash" varchar(200),
	"openid" varchar(64),
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buildings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "buildings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"name" varchar(30) NOT NULL,
	"floors" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compounds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "compounds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" varchar(20) NOT NULL,
	"name" varchar(60) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"address" varchar(200) NOT NULL,
	"lat" numeric(9, 6),
	"lng" numeric(9, 6),
	"total_area" numeric(12, 2) NOT NULL,
	"build_year" integer,
	"type" "compound_type" NOT NULL,
	"management_mode" "management_mode" NOT NULL,
	"facilities_complete" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_claims" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "household_claims_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"household_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"name" varchar(40) NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_masked" varchar(20) NOT NULL,
	"status" "claim_status" NOT NULL,
	"reason" varchar(200),
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "households_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"compound_id" integer NOT NULL,
	"building_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"room" varchar(20) NOT NULL,
	"area" numeric(12, 2) NOT NULL,
	"area_basis" "area_basis" NOT NULL,
	"owner_id" integer,
	"developer_unsold" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_area_positive" CHECK ("households"."area" > 0)
);
--> statement-breakpoint
CREATE TABLE "owners" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "owners_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" varchar(40) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"phone_enc" text,
	"phone_masked" varchar(20),
	"phone_hash" varchar(64),
	"id_number_enc" text,
	"id_number_masked" varchar(20),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" varchar(12) PRIMARY KEY NOT NULL,
	"name" varchar(40) NOT NULL,
	"level" "region_level" NOT NULL,
	"parent_code" varchar(12)
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "units_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"building_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"name" varchar(30) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "companies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" varchar(100) NOT NULL,
	"credit_code" varchar(18) NOT NULL,
	"legal_representative" varchar(40) NOT NULL,
	"contact_name" varchar(40),
	"contact_phone" varchar(20),
	"address" varchar(200),
	"region_code" varchar(12) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "projects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"fee_fen_per_m_2_month" integer NOT NULL,
	"service_level" smallint NOT NULL,
	"contract_filing_no" varchar(40),
	"contract_filing_date" date,
	"manager_name" varchar(40) NOT NULL,
	"manager_phone" varchar(20),
	"manager_filing_no" varchar(40),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_logs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_logs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" integer,
	"actor_name" varchar(40) NOT NULL,
	"action" varchar(40) NOT NULL,
	"entity" varchar(40) NOT NULL,
	"entity_id" varchar(40) NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"region_code" varchar(12),
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_claims" ADD CONSTRAINT "household_claims_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_claims" ADD CONSTRAINT "household_claims_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_claims" ADD CONSTRAINT "household_claims_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_claims" ADD CONSTRAINT "household_claims_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_idx" ON "users" USING btree ("username");--> statement-breakpoint
CREATE UNIQUE INDEX "users_openid_idx" ON "users" USING btree ("openid");--> statement-breakpoint
CREATE INDEX "users_region_idx" ON "users" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "buildings_compound_name_idx" ON "buildings" USING btree ("compound_id","name");--> statement-breakpoint
CREATE INDEX "buildings_region_idx" ON "buildings" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "compounds_code_idx" ON "compounds" USING btree ("code");--> statement-breakpoint
CREATE INDEX "compounds_region_idx" ON "compounds" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "claims_user_idx" ON "household_claims" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "claims_region_status_idx" ON "household_claims" USING btree ("region_code" varchar_pattern_ops,"status");--> statement-breakpoint
CREATE UNIQUE INDEX "claims_user_household_idx" ON "household_claims" USING btree ("user_id","household_id");--> statement-breakpoint
CREATE INDEX "households_compound_room_idx" ON "households" USING btree ("compound_id","room","id");--> statement-breakpoint
CREATE UNIQUE INDEX "households_unit_room_idx" ON "households" USING btree ("unit_id","room");--> statement-breakpoint
CREATE INDEX "households_region_idx" ON "households" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "households_owner_idx" ON "households" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "owners_region_idx" ON "owners" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "owners_name_idx" ON "owners" USING btree ("name");--> statement-breakpoint
CREATE INDEX "regions_code_prefix_idx" ON "regions" USING btree ("code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "units_building_name_idx" ON "units" USING btree ("building_id","name");--> statement-breakpoint
CREATE INDEX "units_compound_idx" ON "units" USING btree ("compound_id");--> statement-breakpoint
CREATE UNIQUE INDEX "companies_credit_code_idx" ON "companies" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "companies_region_idx" ON "companies" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "projects_company_idx" ON "projects" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "projects_compound_idx" ON "projects" USING btree ("compound_id");--> statement-breakpoint
CREATE INDEX "projects_region_idx" ON "projects" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "audit_region_at_idx" ON "audit_logs" USING btree ("region_code" varchar_pattern_ops,"at");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_logs" USING btree ("entity","entity_id");