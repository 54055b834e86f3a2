-- Fees speed (issue 13): a billing run inserts a project's bills in one statement; each FK on
-- bills is a per-row lookup and row lock. compound_id, building_id, project_id and company_id are
-- copies of the household's and the fee item's (kept for scoping and indexes), and billing_run_id
-- names the run doing the insert (runs are never deleted): their FKs only repeat what the household
-- and fee-item FKs, which stay, already guarantee.
ALTER TABLE "bills" DROP CONSTRAINT "bills_compound_id_compounds_id_fk";--> statement-breakpoint
ALTER TABLE "bills" DROP CONSTRAINT "bills_building_id_buildings_id_fk";--> statement-breakpoint
ALTER TABLE "bills" DROP CONSTRAINT "bills_project_id_projects_id_fk";--> statement-breakpoint
ALTER TABLE "bills" DROP CONSTRAINT "bills_company_id_companies_id_fk";--> statement-breakpoint
ALTER TABLE "bills" DROP CONSTRAINT "bills_billing_run_id_billing_runs_id_fk";
