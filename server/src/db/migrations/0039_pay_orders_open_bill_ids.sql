DROP INDEX "pay_orders_bill_ids_idx";--> statement-breakpoint
CREATE INDEX "pay_orders_bill_ids_idx" ON "pay_orders" USING gin ("bill_ids") WHERE status = 'open';