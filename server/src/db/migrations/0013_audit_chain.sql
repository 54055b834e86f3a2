CREATE TABLE "audit_checkpoints" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_checkpoints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"through_seq" bigint NOT NULL,
	"hash" varchar(64) NOT NULL,
	"purged_rows" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_logs" ADD COLUMN "ip" varchar(45);--> statement-breakpoint
ALTER TABLE "audit_logs" ADD COLUMN "user_agent" varchar(200);--> statement-breakpoint
ALTER TABLE "audit_logs" ADD COLUMN "tx" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_logs" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_logs" ADD COLUMN "hash" varchar(64);--> statement-breakpoint
CREATE UNIQUE INDEX "audit_seq_idx" ON "audit_logs" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "audit_unsealed_idx" ON "audit_logs" USING btree ("tx","id") WHERE "audit_logs"."seq" IS NULL;--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_logs" USING btree ("at");--> statement-breakpoint
-- Audit rows are written once and never changed (网络安全法 Art. 21; docs/SECURITY.md "Audit chain"):
-- the only UPDATE allowed is the sealer's, setting seq and hash on a row not yet sealed with its
-- content unchanged; the only DELETE is audit_purge()'s, of rows past the retention it was given.
-- Someone who can switch triggers off can still edit rows: the hash chain is what makes that visible.
CREATE FUNCTION "audit_logs_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	purge_before text := current_setting('baotou.audit_purge_before', true);
BEGIN
	IF TG_OP = 'DELETE' THEN
		IF purge_before IS NOT NULL AND purge_before <> '' AND OLD.at < purge_before::timestamptz AND OLD.at < now() - interval '183 days' THEN
			RETURN OLD;
		END IF;
		RAISE EXCEPTION 'audit_logs: rows are kept for the retention period and removed only by audit_purge()' USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF OLD.seq IS NULL AND OLD.hash IS NULL AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL
		AND ROW(NEW.id, NEW.actor_id, NEW.actor_name, NEW.action, NEW.entity, NEW.entity_id, NEW.before, NEW.after, NEW.region_code, NEW.at, NEW.ip, NEW.user_agent, NEW.tx)
			IS NOT DISTINCT FROM ROW(OLD.id, OLD.actor_id, OLD.actor_name, OLD.action, OLD.entity, OLD.entity_id, OLD.before, OLD.after, OLD.region_code, OLD.at, OLD.ip, OLD.user_agent, OLD.tx) THEN
		RETURN NEW;
	END IF;
	RAISE EXCEPTION 'audit_logs: rows cannot be changed' USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE FUNCTION "audit_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION '%: rows cannot be changed or removed', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_logs_guard" BEFORE UPDATE OR DELETE ON "audit_logs" FOR EACH ROW EXECUTE FUNCTION "audit_logs_guard"();--> statement-breakpoint
-- A new row enters unsealed, stamped with the transaction that writes it, whatever the INSERT says:
-- the sealer's ordering (tx below every snapshot's xmin) holds for rows written by hand too.
CREATE FUNCTION "audit_logs_stamp"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.seq IS NOT NULL OR NEW.hash IS NOT NULL THEN
		RAISE EXCEPTION 'audit_logs: rows are sealed only by the sealer' USING ERRCODE = 'insufficient_privilege';
	END IF;
	NEW.tx := (pg_current_xact_id()::text)::bigint;
	RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_logs_stamp" BEFORE INSERT ON "audit_logs" FOR EACH ROW EXECUTE FUNCTION "audit_logs_stamp"();--> statement-breakpoint
CREATE TRIGGER "audit_logs_no_truncate" BEFORE TRUNCATE ON "audit_logs" FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();--> statement-breakpoint
CREATE TRIGGER "audit_checkpoints_guard" BEFORE UPDATE OR DELETE ON "audit_checkpoints" FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"();--> statement-breakpoint
CREATE TRIGGER "audit_checkpoints_no_truncate" BEFORE TRUNCATE ON "audit_checkpoints" FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();--> statement-breakpoint
-- Removes the chain's oldest rows past retention (never under 183 days, 网络安全法 Art. 21), as a
-- prefix of the chain, and records where the remaining chain starts (audit_checkpoints). Run by the
-- platform (server/src/audit/purge.ts), never through the API. Holds the sealer's lock (7300417).
CREATE FUNCTION "audit_purge"(retention_days integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
	cutoff timestamptz;
	through bigint;
	last_hash varchar(64);
	n integer;
BEGIN
	IF retention_days IS NULL OR retention_days < 183 THEN
		RAISE EXCEPTION 'audit retention must be at least 183 days, got %', retention_days USING ERRCODE = 'invalid_parameter_value';
	END IF;
	PERFORM pg_advisory_xact_lock(7300417);
	cutoff := now() - make_interval(days => retention_days);
	SELECT min(seq) - 1 INTO through FROM audit_logs WHERE seq IS NOT NULL AND at >= cutoff;
	IF through IS NULL THEN
		SELECT max(seq) INTO through FROM audit_logs;
	END IF;
	SELECT hash INTO last_hash FROM audit_logs WHERE seq = through;
	IF last_hash IS NULL THEN
		RETURN 0;
	END IF;
	PERFORM set_config('baotou.audit_purge_before', cutoff::text, true);
	DELETE FROM audit_logs WHERE seq <= through;
	GET DIAGNOSTICS n = ROW_COUNT;
	PERFORM set_config('baotou.audit_purge_before', '', true);
	INSERT INTO audit_checkpoints (through_seq, hash, purged_rows) VALUES (through, last_hash, n);
	RETURN n;
END
$$;
