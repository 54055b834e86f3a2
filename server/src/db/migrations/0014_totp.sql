CREATE TABLE "staff_second_factors" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"secret_enc" varchar(400),
	"pending_secret_enc" varchar(400),
	"pending_at" timestamp with time zone,
	"enrolled_at" timestamp with time zone,
	"last_step" integer
);
--> statement-breakpoint
CREATE TABLE "totp_recovery_codes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "totp_recovery_codes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"code_hash" varchar(64) NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_second_factors" ADD CONSTRAINT "staff_second_factors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "totp_recovery_codes" ADD CONSTRAINT "totp_recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "totp_recovery_codes_user_code_idx" ON "totp_recovery_codes" USING btree ("user_id","code_hash");--> statement-breakpoint
-- Backfill: an installation seeded before this change keeps its demo accounts (city, party, the
-- district accounts d<6-digit code>, street, community, company) usable without a second factor
-- outside production. Production ignores the flag, and never seeds demo data.
UPDATE "users" SET "demo" = true
WHERE "password_hash" IS NOT NULL
  AND ("username" IN ('city', 'party', 'street', 'community', 'company') OR "username" ~ '^d[0-9]{6}$');
