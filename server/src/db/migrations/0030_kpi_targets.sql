CREATE TYPE "public"."kpi_indicator" AS ENUM('committee_formation', 'management_coverage', 'projects_level_two', 'excellent_projects', 'aaa_companies', 'pre_job_training', 'continuing_education');--> statement-breakpoint
CREATE TABLE "kpi_targets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kpi_targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" smallint NOT NULL,
	"indicator" "kpi_indicator" NOT NULL,
	"value" integer NOT NULL,
	"document" varchar(200) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_targets_year_indicator_idx" ON "kpi_targets" USING btree ("year","indicator");--> statement-breakpoint
CREATE INDEX "kpi_targets_indicator_idx" ON "kpi_targets" USING btree ("indicator");--> statement-breakpoint
-- The action plan's targets for 2022–2024 (config/src/targets.ts; ratios per mille).
INSERT INTO "kpi_targets" ("year", "indicator", "value", "document") VALUES
	(2022, 'committee_formation', 600, '包府办发〔2022〕73号'), (2022, 'management_coverage', 910, '包府办发〔2022〕73号'),
	(2022, 'projects_level_two', 50, '包府办发〔2022〕73号'), (2022, 'excellent_projects', 30, '包府办发〔2022〕73号'),
	(2022, 'aaa_companies', 10, '包府办发〔2022〕73号'), (2022, 'pre_job_training', 600, '包府办发〔2022〕73号'),
	(2022, 'continuing_education', 500, '包府办发〔2022〕73号'),
	(2023, 'committee_formation', 700, '包府办发〔2022〕73号'), (2023, 'management_coverage', 915, '包府办发〔2022〕73号'),
	(2023, 'projects_level_two', 55, '包府办发〔2022〕73号'), (2023, 'excellent_projects', 34, '包府办发〔2022〕73号'),
	(2023, 'aaa_companies', 11, '包府办发〔2022〕73号'), (2023, 'pre_job_training', 800, '包府办发〔2022〕73号'),
	(2023, 'continuing_education', 600, '包府办发〔2022〕73号'),
	(2024, 'committee_formation', 800, '包府办发〔2022〕73号'), (2024, 'management_coverage', 920, '包府办发〔2022〕73号'),
	(2024, 'projects_level_two', 60, '包府办发〔2022〕73号'), (2024, 'excellent_projects', 36, '包府办发〔2022〕73号'),
	(2024, 'aaa_companies', 12, '包府办发〔2022〕73号'), (2024, 'pre_job_training', 1000, '包府办发〔2022〕73号'),
	(2024, 'continuing_education', 700, '包府办发〔2022〕73号');
