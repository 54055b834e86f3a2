CREATE TABLE "pay_orders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pay_orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"purpose" varchar(20) NOT NULL,
	"household_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"user_id" integer NOT NULL,
	"bill_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"fund_payment_id" integer,
	"amount_fen" bigint NOT NULL,
	"out_trade_no" varchar(32) NOT NULL,
	"status" varchar(10) DEFAULT 'open' NOT NULL,
	"openid" varchar(128) NOT NULL,
	"prepay_id" varchar(64),
	"expires_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"transaction_id" varchar(32),
	"fee_payment_id" integer,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pay_refunds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pay_refunds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"pay_order_id" integer NOT NULL,
	"out_refund_no" varchar(64) NOT NULL,
	"refund_fen" bigint NOT NULL,
	"reason" varchar(80),
	"status" varchar(12) DEFAULT 'PROCESSING' NOT NULL,
	"refund_id" varchar(64),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pay_orders" ADD CONSTRAINT "pay_orders_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pay_orders" ADD CONSTRAINT "pay_orders_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pay_orders" ADD CONSTRAINT "pay_orders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pay_refunds" ADD CONSTRAINT "pay_refunds_pay_order_id_pay_orders_id_fk" FOREIGN KEY ("pay_order_id") REFERENCES "public"."pay_orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pay_orders_out_trade_no_idx" ON "pay_orders" USING btree ("out_trade_no");--> statement-breakpoint
CREATE INDEX "pay_orders_open_idx" ON "pay_orders" USING btree ("created_at") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "pay_orders_bill_ids_idx" ON "pay_orders" USING gin ("bill_ids");--> statement-breakpoint
CREATE INDEX "pay_orders_household_idx" ON "pay_orders" USING btree ("household_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pay_refunds_out_refund_no_idx" ON "pay_refunds" USING btree ("out_refund_no");--> statement-breakpoint
CREATE INDEX "pay_refunds_order_idx" ON "pay_refunds" USING btree ("pay_order_id");
