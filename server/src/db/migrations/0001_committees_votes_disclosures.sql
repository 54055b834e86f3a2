CREATE TYPE "public"."committee_kind" AS ENUM('preparatory', 'owners_committee', 'management_committee');--> statement-breakpoint
CREATE TYPE "public"."committee_status" AS ENUM('preparing', 'in_office', 'ended');--> statement-breakpoint
CREATE TYPE "public"."cross_appointment" AS ENUM('none', 'party_committee', 'residents_committee', 'both');--> statement-breakpoint
CREATE TYPE "public"."member_role" AS ENUM('chair', 'vice_chair', 'member');--> statement-breakpoint
CREATE TYPE "public"."disclosure_kind" AS ENUM('fund_statement', 'income_statement', 'decision', 'minutes', 'street_order', 'street_revocation');--> statement-breakpoint
CREATE TYPE "public"."disclosure_status" AS ENUM('draft', 'published', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."flag_status" AS ENUM('open', 'answered');--> statement-breakpoint
CREATE TYPE "public"."ballot_channel" AS ENUM('online', 'paper', 'door');--> statement-breakpoint
CREATE TYPE "public"."ballot_choice" AS ENUM('agree', 'disagree', 'abstain');--> statement-breakpoint
CREATE TYPE "public"."vote_kind" AS ENUM('vote', 'consultation');--> statement-breakpoint
CREATE TYPE "public"."vote_matter" AS ENUM('assembly_rules', 'covenant', 'committee_election', 'hire_dismiss_company', 'fund_use', 'fund_raising', 'rebuild', 'common_use_change', 'other');--> statement-breakpoint
CREATE TYPE "public"."vote_scope" AS ENUM('compound', 'buildings', 'units');--> statement-breakpoint
CREATE TYPE "public"."vote_status" AS ENUM('draft', 'open', 'closed');--> statement-breakpoint
CREATE TABLE "committee_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "committee_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"committee_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"owner_id" integer,
	"name" varchar(40) NOT NULL,
	"phone_enc" text,
	"phone_masked" varchar(20),
	"role" "member_role" NOT NULL,
	"party_member" boolean DEFAULT false NOT NULL,
	"cross_appointment" "cross_appointment" DEFAULT 'none' NOT NULL,
	"term_start" date,
	"term_end" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committees" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "committees_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"kind" "committee_kind" NOT NULL,
	"status" "committee_status" DEFAULT 'preparing' NOT NULL,
	"elected_at" date,
	"term_start" date,
	"term_end" date,
	"filed_at" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_flags" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "disclosure_flags_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"disclosure_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"user_id" integer NOT NULL,
	"line" varchar(20) NOT NULL,
	"comment" varchar(500) NOT NULL,
	"status" "flag_status" DEFAULT 'open' NOT NULL,
	"answer" varchar(1000),
	"answered_by" integer,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "disclosures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"committee_id" integer,
	"kind" "disclosure_kind" NOT NULL,
	"title" varchar(100) NOT NULL,
	"body" text,
	"period_start" date,
	"period_end" date,
	"statement" jsonb,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "disclosure_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"corrects_id" integer,
	"superseded_by_id" integer,
	"due_date" date,
	"target_id" integer,
	"published_at" timestamp with time zone,
	"published_by" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ballots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ballots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"vote_id" integer NOT NULL,
	"household_id" integer NOT NULL,
	"user_id" integer,
	"entered_by" integer,
	"choice" "ballot_choice" NOT NULL,
	"channel" "ballot_channel" NOT NULL,
	"scan_url" varchar(500),
	"receipt" varchar(16) NOT NULL,
	"current" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "votes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"committee_id" integer,
	"title" varchar(100) NOT NULL,
	"description" text,
	"matter" "vote_matter" NOT NULL,
	"kind" "vote_kind" DEFAULT 'vote' NOT NULL,
	"scope_type" "vote_scope" DEFAULT 'compound' NOT NULL,
	"scope_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone NOT NULL,
	"status" "vote_status" DEFAULT 'draft' NOT NULL,
	"follow_majority" boolean DEFAULT false NOT NULL,
	"eligible_count" integer DEFAULT 0 NOT NULL,
	"closed_at" timestamp with time zone,
	"result" jsonb,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compounds" ADD COLUMN "follow_majority" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committees" ADD CONSTRAINT "committees_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_flags" ADD CONSTRAINT "disclosure_flags_disclosure_id_disclosures_id_fk" FOREIGN KEY ("disclosure_id") REFERENCES "public"."disclosures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_flags" ADD CONSTRAINT "disclosure_flags_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_flags" ADD CONSTRAINT "disclosure_flags_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_flags" ADD CONSTRAINT "disclosure_flags_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "committee_members_committee_idx" ON "committee_members" USING btree ("committee_id");--> statement-breakpoint
CREATE INDEX "committee_members_owner_idx" ON "committee_members" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "committee_members_region_idx" ON "committee_members" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "committees_compound_idx" ON "committees" USING btree ("compound_id","status");--> statement-breakpoint
CREATE INDEX "committees_region_idx" ON "committees" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "disclosure_flags_disclosure_idx" ON "disclosure_flags" USING btree ("disclosure_id");--> statement-breakpoint
CREATE INDEX "disclosure_flags_region_idx" ON "disclosure_flags" USING btree ("region_code" varchar_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "disclosures_compound_idx" ON "disclosures" USING btree ("compound_id","published_at");--> statement-breakpoint
CREATE INDEX "disclosures_region_idx" ON "disclosures" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "ballots_current_idx" ON "ballots" USING btree ("vote_id","household_id") WHERE "ballots"."current";--> statement-breakpoint
CREATE INDEX "ballots_vote_household_idx" ON "ballots" USING btree ("vote_id","household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ballots_receipt_idx" ON "ballots" USING btree ("vote_id","receipt");--> statement-breakpoint
CREATE INDEX "votes_compound_idx" ON "votes" USING btree ("compound_id","status");--> statement-breakpoint
CREATE INDEX "votes_region_idx" ON "votes" USING btree ("region_code" varchar_pattern_ops);