ALTER TABLE "owners" ADD COLUMN "id_number_hash" varchar(64);--> statement-breakpoint
CREATE INDEX "owners_id_number_hash_idx" ON "owners" USING btree ("id_number_hash");