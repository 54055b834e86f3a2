ALTER TABLE "owners" ADD COLUMN "developer" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "committee_members" DROP CONSTRAINT "committee_members_committee_id_committees_id_fk";--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "ballot_conflicts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ballot_conflicts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"vote_id" integer NOT NULL,
	"compound_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"household_id" integer NOT NULL,
	"owner_ballot_id" bigint NOT NULL,
	"entered_ballot_id" bigint NOT NULL,
	"entered_by" integer,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"review_note" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ballot_conflicts" ADD CONSTRAINT "ballot_conflicts_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_conflicts" ADD CONSTRAINT "ballot_conflicts_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_conflicts" ADD CONSTRAINT "ballot_conflicts_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_conflicts" ADD CONSTRAINT "ballot_conflicts_owner_ballot_id_ballots_id_fk" FOREIGN KEY ("owner_ballot_id") REFERENCES "public"."ballots"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_conflicts" ADD CONSTRAINT "ballot_conflicts_entered_ballot_id_ballots_id_fk" FOREIGN KEY ("entered_ballot_id") REFERENCES "public"."ballots"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_conflicts" ADD CONSTRAINT "ballot_conflicts_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_conflicts" ADD CONSTRAINT "ballot_conflicts_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ballot_conflicts_vote_idx" ON "ballot_conflicts" USING btree ("vote_id");--> statement-breakpoint
CREATE INDEX "ballot_conflicts_region_idx" ON "ballot_conflicts" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "ballot_conflicts_entered_idx" ON "ballot_conflicts" USING btree ("entered_ballot_id");
