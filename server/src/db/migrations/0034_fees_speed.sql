-- Fees speed (issue 13): a billing run inserts a project's bills in one statement; each FK on
-- bills is a per-row lookup and row lock. compound_id, building_id, project_id and company_id are
-- copies of the household's and the fee item's (kept for scoping and indexes), and billing_run_id
-- names the run doing the insert (runs are never deleted): their FKs only repeat what the household
-- FK, which stays, already guarantees. The fee-item FK goes too: every row of a project's insert
-- locked the same fee_items row again (measured: about 40% of the insert's time), fee items are
-- never deleted (no delete route; an item is retired with `active`), and the billing insert takes
-- the item ids from fee_items in the same transaction.
ALTER TABLE "bills" DROP CONSTRAINT "bills_compound_id_compounds_id_fk";--> statement-breakpoint
ALTER TABLE "bills" DROP CONSTRAINT "bills_building_id_buildings_id_fk";--> statement-breakpoint
ALTER TABLE "bills" DROP CONSTRAINT "bills_project_id_projects_id_fk";--> statement-breakpoint
ALTER TABLE "bills" DROP CONSTRAINT "bills_company_id_companies_id_fk";--> statement-breakpoint
ALTER TABLE "bills" DROP CONSTRAINT "bills_billing_run_id_billing_runs_id_fk";--> statement-breakpoint
ALTER TABLE "bills" DROP CONSTRAINT "bills_fee_item_id_fee_items_id_fk";
