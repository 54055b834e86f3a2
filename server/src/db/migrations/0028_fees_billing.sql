CREATE TYPE "public"."bill_payer" AS ENUM('household', 'developer');--> statement-breakpoint
CREATE TYPE "public"."bill_status" AS ENUM('unpaid', 'partly_paid', 'paid', 'reversed');--> statement-breakpoint
CREATE TYPE "public"."billing_cycle" AS ENUM('monthly', 'quarterly', 'yearly');--> statement-breakpoint
CREATE TYPE "public"."billing_run_status" AS ENUM('queued', 'running', 'completed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."fee_item_kind" AS ENUM('property_fee', 'parking', 'other');--> statement-breakpoint
CREATE TYPE "public"."fee_reminder_sender" AS ENUM('company', 'committee');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('wechat', 'cash', 'bank_transfer');--> statement-breakpoint
CREATE TABLE "fee_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fee_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"kind" "fee_item_kind" NOT NULL,
	"name" varchar(40) NOT NULL,
	"fee_milli_fen_per_m2_month" integer,
	"monthly_fen" bigint,
	"billing_cycle" "billing_cycle" NOT NULL,
	"starts_on" date NOT NULL,
	"late_fee_bp_per_month" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_items_price" CHECK (("fee_items"."kind" = 'property_fee' AND "fee_items"."fee_milli_fen_per_m2_month" > 0 AND "fee_items"."monthly_fen" IS NULL) OR ("fee_items"."kind" <> 'property_fee' AND "fee_items"."monthly_fen" > 0 AND "fee_items"."fee_milli_fen_per_m2_month" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "billing_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "billing_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer NOT NULL,
	"period" varchar(7) NOT NULL,
	"status" "billing_run_status" DEFAULT 'queued' NOT NULL,
	"projects_done" integer DEFAULT 0 NOT NULL,
	"projects_total" integer DEFAULT 0 NOT NULL,
	"bills_created" integer DEFAULT 0 NOT NULL,
	"billed_fen" bigint DEFAULT 0 NOT NULL,
	"note" varchar(200),
	"error" text,
	"job_id" varchar(64),
	"created_by" integer,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_run_projects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "billing_run_projects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"run_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"period" varchar(7) NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"bills_created" integer DEFAULT 0 NOT NULL,
	"billed_fen" bigint DEFAULT 0 NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "bills" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bills_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"household_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"building_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"fee_item_id" integer NOT NULL,
	"billing_run_id" integer,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"months" smallint NOT NULL,
	"area_centi" integer,
	"unit_milli_fen" integer,
	"amount_fen" bigint NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"status" "bill_status" DEFAULT 'unpaid' NOT NULL,
	"payer" "bill_payer" DEFAULT 'household' NOT NULL,
	"due_on" date NOT NULL,
	"reverse_reason" varchar(200),
	"reversed_by" integer,
	"reversed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bills_paid_within" CHECK ("bills"."paid_fen" >= 0 AND "bills"."paid_fen" <= "bills"."amount_fen" AND "bills"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fee_payments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fee_payments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"household_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"method" "payment_method" NOT NULL,
	"amount_fen" bigint NOT NULL,
	"refunded_fen" bigint DEFAULT 0 NOT NULL,
	"reference" varchar(64) DEFAULT '' NOT NULL,
	"pay_order_id" integer,
	"receipt_no" varchar(32) NOT NULL,
	"recorded_by" integer,
	"paid_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_payments_refund_within" CHECK ("fee_payments"."amount_fen" > 0 AND "fee_payments"."refunded_fen" >= 0 AND "fee_payments"."refunded_fen" <= "fee_payments"."amount_fen")
);
--> statement-breakpoint
CREATE TABLE "fee_refunds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fee_refunds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"payment_id" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reason" varchar(200) NOT NULL,
	"refund_no" varchar(64),
	"provider_status" varchar(20),
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fee_allocations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fee_allocations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"payment_id" integer NOT NULL,
	"bill_id" integer NOT NULL,
	"refund_id" integer,
	"amount_fen" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "receipts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "receipts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"payment_id" integer NOT NULL,
	"receipt_no" varchar(32) NOT NULL,
	"household_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"amount_fen" bigint NOT NULL,
	"lines" jsonb NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fee_reminders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fee_reminders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"household_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"sender" "fee_reminder_sender" NOT NULL,
	"owed_fen" bigint NOT NULL,
	"bill_count" integer NOT NULL,
	"notified" integer DEFAULT 0 NOT NULL,
	"sent_by" integer,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fee_items" ADD CONSTRAINT "fee_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_items" ADD CONSTRAINT "fee_items_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_items" ADD CONSTRAINT "fee_items_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_items" ADD CONSTRAINT "fee_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD CONSTRAINT "billing_runs_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD CONSTRAINT "billing_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_run_projects" ADD CONSTRAINT "billing_run_projects_run_id_billing_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."billing_runs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_run_projects" ADD CONSTRAINT "billing_run_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_run_projects" ADD CONSTRAINT "billing_run_projects_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_fee_item_id_fee_items_id_fk" FOREIGN KEY ("fee_item_id") REFERENCES "public"."fee_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_billing_run_id_billing_runs_id_fk" FOREIGN KEY ("billing_run_id") REFERENCES "public"."billing_runs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_reversed_by_users_id_fk" FOREIGN KEY ("reversed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_payments" ADD CONSTRAINT "fee_payments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_payments" ADD CONSTRAINT "fee_payments_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_payments" ADD CONSTRAINT "fee_payments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_payments" ADD CONSTRAINT "fee_payments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_payments" ADD CONSTRAINT "fee_payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_refunds" ADD CONSTRAINT "fee_refunds_payment_id_fee_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."fee_payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_refunds" ADD CONSTRAINT "fee_refunds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_allocations" ADD CONSTRAINT "fee_allocations_payment_id_fee_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."fee_payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_allocations" ADD CONSTRAINT "fee_allocations_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_allocations" ADD CONSTRAINT "fee_allocations_refund_id_fee_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."fee_refunds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_payment_id_fee_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."fee_payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_reminders" ADD CONSTRAINT "fee_reminders_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_reminders" ADD CONSTRAINT "fee_reminders_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_reminders" ADD CONSTRAINT "fee_reminders_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fee_items_project_idx" ON "fee_items" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "fee_items_region_idx" ON "fee_items" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "billing_runs_company_idx" ON "billing_runs" USING btree ("company_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_run_projects_project_period_idx" ON "billing_run_projects" USING btree ("project_id","period");--> statement-breakpoint
CREATE INDEX "billing_run_projects_run_idx" ON "billing_run_projects" USING btree ("run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bills_household_item_period_idx" ON "bills" USING btree ("household_id","fee_item_id","period_start") WHERE "status" <> 'reversed';--> statement-breakpoint
CREATE INDEX "bills_household_period_idx" ON "bills" USING btree ("household_id","period_start","id");--> statement-breakpoint
CREATE INDEX "bills_compound_status_idx" ON "bills" USING btree ("compound_id","status","period_start");--> statement-breakpoint
CREATE INDEX "bills_project_period_idx" ON "bills" USING btree ("project_id","period_start");--> statement-breakpoint
CREATE INDEX "bills_region_idx" ON "bills" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "fee_payments_pay_order_idx" ON "fee_payments" USING btree ("pay_order_id") WHERE "pay_order_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "fee_payments_receipt_no_idx" ON "fee_payments" USING btree ("receipt_no");--> statement-breakpoint
CREATE INDEX "fee_payments_household_idx" ON "fee_payments" USING btree ("household_id","id");--> statement-breakpoint
CREATE INDEX "fee_payments_compound_idx" ON "fee_payments" USING btree ("compound_id","paid_at");--> statement-breakpoint
CREATE INDEX "fee_payments_region_idx" ON "fee_payments" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "fee_refunds_payment_idx" ON "fee_refunds" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "fee_allocations_payment_idx" ON "fee_allocations" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "fee_allocations_bill_idx" ON "fee_allocations" USING btree ("bill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "receipts_payment_idx" ON "receipts" USING btree ("payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "receipts_receipt_no_idx" ON "receipts" USING btree ("receipt_no");--> statement-breakpoint
CREATE INDEX "receipts_household_idx" ON "receipts" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "receipts_region_idx" ON "receipts" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "fee_reminders_household_idx" ON "fee_reminders" USING btree ("household_id","sent_at");--> statement-breakpoint
CREATE INDEX "fee_reminders_compound_idx" ON "fee_reminders" USING btree ("compound_id","sent_at");
