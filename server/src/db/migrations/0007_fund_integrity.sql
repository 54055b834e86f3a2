ALTER TABLE "fund_accounts" ALTER COLUMN "bank_name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fund_accounts" ALTER COLUMN "account_no" DROP NOT NULL;--> statement-breakpoint
CREATE INDEX "fund_batches_account_reference_idx" ON "fund_batches" USING btree ("account_id","reference");--> statement-breakpoint
-- Backfill (issue 9 §8): a published street_revocation made by hand left its target published; revoke the target now, audited.
WITH "fixed" AS (
	UPDATE "disclosures" "t" SET "status" = 'revoked', "updated_at" = now()
	  FROM "disclosures" "r"
	 WHERE "r"."kind" = 'street_revocation' AND "r"."status" = 'published' AND "r"."target_id" = "t"."id"
	   AND "t"."compound_id" = "r"."compound_id" AND "t"."status" = 'published'
	   AND "t"."kind" IN ('fund_statement', 'income_statement', 'decision', 'minutes')
	RETURNING "t"."id", "t"."region_code", "r"."id" AS "revocation_id"
)
INSERT INTO "audit_logs" ("actor_name", "action", "entity", "entity_id", "before", "after", "region_code")
SELECT '系统', 'revoke', 'disclosures', "fixed"."id"::text, '{"status":"published"}'::jsonb,
       jsonb_build_object('status', 'revoked', 'revocationId', "fixed"."revocation_id", 'note', '迁移0007：已公开的街道撤销决定同时撤销其所指事项'),
       "fixed"."region_code"
  FROM "fixed";
