ALTER TABLE "tickets" ADD COLUMN "auto_confirmed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "tickets_confirm_due_idx" ON "tickets" USING btree ("resolved_at") WHERE status = 'resolved';
