CREATE TABLE "job_runs" (
	"id" varchar(36) PRIMARY KEY NOT NULL,
	"name" varchar(60) NOT NULL,
	"title" varchar(60) NOT NULL,
	"state" varchar(10) DEFAULT 'queued' NOT NULL,
	"singleton_key" varchar(120),
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"progress_note" varchar(200),
	"result" jsonb,
	"error" varchar(500),
	"attempts" integer DEFAULT 0 NOT NULL,
	"actor_id" integer,
	"actor_name" varchar(60),
	"actor_region_code" varchar(12),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_runs_actor_idx" ON "job_runs" USING btree ("actor_id","created_at");--> statement-breakpoint
CREATE INDEX "job_runs_name_idx" ON "job_runs" USING btree ("name","state");
