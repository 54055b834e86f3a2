CREATE TYPE "public"."emergency_kind" AS ENUM('roof_leak', 'lift_fault', 'pump_failure', 'facade_risk', 'drainage_failure', 'fire_system_failure');--> statement-breakpoint
CREATE TYPE "public"."fund_application_status" AS ENUM('draft', 'voting', 'under_review', 'returned', 'approved', 'supervised', 'accepted', 'disbursed', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."fund_entry_kind" AS ENUM('first_deposit', 'top_up', 'self_deposit', 'earnings', 'usage', 'refund', 'reversal');--> statement-breakpoint
CREATE TYPE "public"."fund_scope" AS ENUM('compound', 'buildings', 'units');--> statement-breakpoint
ALTER TYPE "public"."disclosure_kind" ADD VALUE 'fund_usage';--> statement-breakpoint
CREATE TABLE "fund_accounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"bank_name" varchar(60) NOT NULL,
	"account_no" varchar(40) NOT NULL,
	"balance_fen" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_applications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"compound_id" integer NOT NULL,
	"account_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"title" varchar(100) NOT NULL,
	"description" text,
	"items" jsonb NOT NULL,
	"budget_fen" bigint NOT NULL,
	"contractor" varchar(100) NOT NULL,
	"scope_type" "fund_scope" NOT NULL,
	"scope_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"emergency" boolean DEFAULT false NOT NULL,
	"emergency_kind" "emergency_kind",
	"status" "fund_application_status" DEFAULT 'draft' NOT NULL,
	"vote_id" integer,
	"review_reason" varchar(500),
	"supervision" jsonb,
	"acceptance" jsonb,
	"actual_cost_fen" bigint,
	"disclosure_id" integer,
	"proposed_by" integer,
	"approved_at" timestamp with time zone,
	"disbursed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"kind" "fund_entry_kind" NOT NULL,
	"total_fen" bigint NOT NULL,
	"entry_count" integer NOT NULL,
	"reference" varchar(80),
	"posted_by" integer,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"ledger_id" integer NOT NULL,
	"household_id" integer NOT NULL,
	"batch_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"kind" "fund_entry_kind" NOT NULL,
	"amount_fen" bigint NOT NULL,
	"balance_after_fen" bigint NOT NULL,
	"owner_id" integer,
	"payer" varchar(10) DEFAULT 'owner' NOT NULL,
	"reference" varchar(80),
	"reverses_id" bigint,
	"memo" varchar(200),
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_ledgers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_ledgers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"household_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"first_deposit_fen" bigint DEFAULT 0 NOT NULL,
	"deposited_fen" bigint DEFAULT 0 NOT NULL,
	"earned_fen" bigint DEFAULT 0 NOT NULL,
	"used_fen" bigint DEFAULT 0 NOT NULL,
	"balance_fen" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_payments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_payments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"household_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"provider_txn_id" varchar(64) NOT NULL,
	"status" varchar(10) DEFAULT 'pending' NOT NULL,
	"entry_id" bigint,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fund_accounts" ADD CONSTRAINT "fund_accounts_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD CONSTRAINT "fund_applications_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD CONSTRAINT "fund_applications_account_id_fund_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."fund_accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD CONSTRAINT "fund_applications_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD CONSTRAINT "fund_applications_disclosure_id_disclosures_id_fk" FOREIGN KEY ("disclosure_id") REFERENCES "public"."disclosures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD CONSTRAINT "fund_applications_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_batches" ADD CONSTRAINT "fund_batches_account_id_fund_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."fund_accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_batches" ADD CONSTRAINT "fund_batches_posted_by_users_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_account_id_fund_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."fund_accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_ledger_id_fund_ledgers_id_fk" FOREIGN KEY ("ledger_id") REFERENCES "public"."fund_ledgers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_batch_id_fund_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."fund_batches"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_ledgers" ADD CONSTRAINT "fund_ledgers_account_id_fund_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."fund_accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_ledgers" ADD CONSTRAINT "fund_ledgers_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_ledgers" ADD CONSTRAINT "fund_ledgers_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_payments" ADD CONSTRAINT "fund_payments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_payments" ADD CONSTRAINT "fund_payments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fund_accounts_compound_idx" ON "fund_accounts" USING btree ("compound_id");--> statement-breakpoint
CREATE INDEX "fund_accounts_region_idx" ON "fund_accounts" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "fund_applications_compound_idx" ON "fund_applications" USING btree ("compound_id","status");--> statement-breakpoint
CREATE INDEX "fund_applications_region_idx" ON "fund_applications" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "fund_entries_ledger_idx" ON "fund_entries" USING btree ("ledger_id","id");--> statement-breakpoint
CREATE INDEX "fund_entries_account_idx" ON "fund_entries" USING btree ("account_id","posted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_entries_reverses_idx" ON "fund_entries" USING btree ("reverses_id") WHERE "fund_entries"."reverses_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "fund_entries_region_idx" ON "fund_entries" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "fund_ledgers_household_idx" ON "fund_ledgers" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "fund_ledgers_account_idx" ON "fund_ledgers" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "fund_ledgers_region_idx" ON "fund_ledgers" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "fund_payments_txn_idx" ON "fund_payments" USING btree ("provider_txn_id");