CREATE TYPE "public"."complaint_target" AS ENUM('company', 'committee');--> statement-breakpoint
CREATE TYPE "public"."ticket_category" AS ENUM('plumbing', 'electrical', 'elevator', 'door_window', 'roof_wall', 'heating', 'public_facility', 'other_repair', 'service_quality', 'fees', 'sanitation', 'security', 'greening', 'committee_conduct', 'other_complaint', 'neighbor', 'property_service', 'parking', 'renovation', 'common_area', 'other_dispute');--> statement-breakpoint
CREATE TYPE "public"."ticket_channel" AS ENUM('mini', 'hotline', 'visit');--> statement-breakpoint
CREATE TYPE "public"."ticket_kind" AS ENUM('repair', 'complaint', 'dispute');--> statement-breakpoint
CREATE TYPE "public"."ticket_level" AS ENUM('company', 'community', 'street', 'district');--> statement-breakpoint
CREATE TYPE "public"."ticket_status" AS ENUM('submitted', 'accepted', 'dispatched', 'in_progress', 'resolved', 'confirmed', 'closed');--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ticket_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ticket_id" integer NOT NULL,
	"action" varchar(20) NOT NULL,
	"from_status" "ticket_status",
	"to_status" "ticket_status" NOT NULL,
	"from_level" "ticket_level",
	"to_level" "ticket_level" NOT NULL,
	"actor_id" integer,
	"actor_name" varchar(40) NOT NULL,
	"actor_role" varchar(20) NOT NULL,
	"note" text,
	"payload" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tickets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"street_code" varchar(9) NOT NULL,
	"district_code" varchar(6) NOT NULL,
	"household_id" integer,
	"resident_id" integer,
	"created_by_id" integer,
	"channel" "ticket_channel" NOT NULL,
	"kind" "ticket_kind" NOT NULL,
	"category" "ticket_category" NOT NULL,
	"against" "complaint_target",
	"description" text NOT NULL,
	"photos" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"preferred_time" varchar(40),
	"contact_name" varchar(40),
	"contact_phone_enc" text,
	"contact_phone_masked" varchar(20),
	"level" "ticket_level" NOT NULL,
	"status" "ticket_status" NOT NULL,
	"company_id" integer,
	"accept_department" varchar(60),
	"accept_person_name" varchar(40),
	"accept_person_id" integer,
	"accepted_at" timestamp with time zone,
	"result" text,
	"result_photos" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"worker_name" varchar(40),
	"worker_phone_masked" varchar(20),
	"worker_phone_enc" text,
	"dispatched_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"level_entered_at" timestamp with time zone NOT NULL,
	"response_due_at" timestamp with time zone NOT NULL,
	"resolve_due_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"rating" smallint,
	"rating_tags" varchar(20)[],
	"rating_comment" varchar(200),
	"rejected_once" boolean DEFAULT false NOT NULL,
	"reject_reason" varchar(500),
	"answer" text,
	"answered_at" timestamp with time zone,
	"overran" boolean DEFAULT false NOT NULL,
	"escalation_count" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tickets_rating_range" CHECK ("tickets"."rating" IS NULL OR "tickets"."rating" BETWEEN 1 AND 5),
	CONSTRAINT "tickets_photos_max" CHECK (cardinality("tickets"."photos") <= 9 AND cardinality("tickets"."result_photos") <= 9)
);
--> statement-breakpoint
CREATE TABLE "uploads" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "uploads_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_id" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"mime" varchar(40) NOT NULL,
	"size" integer NOT NULL,
	"path" varchar(300) NOT NULL,
	"ticket_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_resident_id_users_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_events_ticket_idx" ON "ticket_events" USING btree ("ticket_id","id");--> statement-breakpoint
CREATE INDEX "tickets_queue_city_idx" ON "tickets" USING btree ("level","due_at") WHERE status IN ('submitted', 'accepted', 'dispatched', 'in_progress');--> statement-breakpoint
CREATE INDEX "tickets_queue_district_idx" ON "tickets" USING btree ("level","district_code","due_at") WHERE status IN ('submitted', 'accepted', 'dispatched', 'in_progress');--> statement-breakpoint
CREATE INDEX "tickets_queue_street_idx" ON "tickets" USING btree ("level","street_code","due_at") WHERE status IN ('submitted', 'accepted', 'dispatched', 'in_progress');--> statement-breakpoint
CREATE INDEX "tickets_queue_community_idx" ON "tickets" USING btree ("level","region_code","due_at") WHERE status IN ('submitted', 'accepted', 'dispatched', 'in_progress');--> statement-breakpoint
CREATE INDEX "tickets_queue_company_idx" ON "tickets" USING btree ("company_id","due_at") WHERE kind = 'repair' AND status IN ('submitted', 'accepted', 'dispatched', 'in_progress');--> statement-breakpoint
CREATE INDEX "tickets_due_idx" ON "tickets" USING btree ("due_at") WHERE status IN ('submitted', 'accepted', 'dispatched', 'in_progress');--> statement-breakpoint
CREATE INDEX "tickets_resident_idx" ON "tickets" USING btree ("resident_id","id");--> statement-breakpoint
CREATE INDEX "tickets_compound_idx" ON "tickets" USING btree ("compound_id","id");--> statement-breakpoint
CREATE INDEX "tickets_created_idx" ON "tickets" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "uploads_owner_idx" ON "uploads" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "uploads_ticket_idx" ON "uploads" USING btree ("ticket_id");