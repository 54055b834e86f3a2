ALTER TABLE "votes" ADD COLUMN "ballots_cast" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "votes" v SET "ballots_cast" = (SELECT count(*) FROM "ballots" b WHERE b."vote_id" = v."id");
