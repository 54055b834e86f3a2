CREATE TYPE "public"."party_import_kind" AS ENUM('orgs', 'members', 'cross_appointments');--> statement-breakpoint
CREATE TABLE "party_imports" (
	"id" varchar(36) PRIMARY KEY NOT NULL,
	"kind" "party_import_kind" NOT NULL,
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
ALTER TABLE "party_imports" ADD CONSTRAINT "party_imports_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "party_imports_actor_idx" ON "party_imports" USING btree ("actor_id","created_at");
