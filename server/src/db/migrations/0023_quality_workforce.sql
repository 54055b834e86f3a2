CREATE TYPE "public"."staff_import_kind" AS ENUM('staff', 'trainings');--> statement-breakpoint
CREATE TYPE "public"."staff_post" AS ENUM('electrician', 'lift', 'fire_control_room', 'boiler', 'secondary_water_supply', 'project_manager', 'customer_service', 'security', 'cleaning', 'greening', 'maintenance', 'management', 'other');--> statement-breakpoint
CREATE TYPE "public"."training_kind" AS ENUM('pre_job', 'continuing', 'skills_contest');--> statement-breakpoint
CREATE TABLE "staff" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer NOT NULL,
	"project_id" integer,
	"region_code" varchar(12) NOT NULL,
	"staff_no" varchar(30) NOT NULL,
	"name" varchar(40) NOT NULL,
	"post" "staff_post" NOT NULL,
	"specialist" boolean NOT NULL,
	"hired_on" date NOT NULL,
	"left_on" date,
	"phone_enc" text,
	"phone_masked" varchar(20),
	"phone_hash" varchar(64),
	"certificates" jsonb NOT NULL,
	"certificate_expires_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_imports" (
	"id" varchar(36) PRIMARY KEY NOT NULL,
	"kind" "staff_import_kind" NOT NULL,
	"company_id" integer NOT NULL,
	"actor_id" integer NOT NULL,
	"file_name" varchar(200) NOT NULL,
	"status" varchar(20) NOT NULL,
	"total" integer NOT NULL,
	"done" integer NOT NULL,
	"committed" integer NOT NULL,
	"valid" jsonb NOT NULL,
	"errors" jsonb NOT NULL,
	"failure" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trainings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "trainings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"staff_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"kind" "training_kind" NOT NULL,
	"course" varchar(100) NOT NULL,
	"provider" varchar(100) NOT NULL,
	"hours_tenths" smallint NOT NULL,
	"trained_on" date NOT NULL,
	"certificate_no" varchar(40),
	"evidence" varchar(300),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_imports" ADD CONSTRAINT "staff_imports_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_imports" ADD CONSTRAINT "staff_imports_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_company_staff_no_idx" ON "staff" USING btree ("company_id","staff_no");--> statement-breakpoint
CREATE INDEX "staff_region_idx" ON "staff" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "staff_certificate_expires_idx" ON "staff" USING btree ("certificate_expires_on");--> statement-breakpoint
CREATE INDEX "staff_project_idx" ON "staff" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "staff_imports_actor_idx" ON "staff_imports" USING btree ("actor_id","created_at");--> statement-breakpoint
CREATE INDEX "trainings_staff_kind_date_idx" ON "trainings" USING btree ("staff_id","kind","trained_on");--> statement-breakpoint
CREATE INDEX "trainings_region_idx" ON "trainings" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "trainings_company_idx" ON "trainings" USING btree ("company_id");
