import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { AuditBreakReason } from '@baotou/shared';
import type { Db, DbOrTx } from '../db/client';
import { canonicalJson } from './canonical';

/**
 * The tamper-evident audit chain (issue 17; docs/SECURITY.md "Audit chain").
 *
 * Each sealed row carries seq (its position: 1, 2, 3, … without gaps) and
 * hash = SM3(previous row's hash ‖ "\n" ‖ canonical JSON of the row's content), hex; the first row's
 * previous hash is 64 zeros, or after a purge the checkpoint's hash.
 *
 * Why a sealer and not a lock in writeAudit: chaining at insert needs the previous row's hash, so
 * every writing transaction would hold one lock from its audit row to its commit — every write in
 * the platform in single file — and a transaction that locks a row after writing its audit row
 * can deadlock with one waiting for the chain while holding that row (a 500 for the loser). Measured
 * here (PostgreSQL 15, 2 cores, pool of 10, 8 rounds of 20 parallel audited requests: contact views
 * and account edits): median 209 ms without the lock, 200 ms with it — no throughput reason either
 * way at this size, so the choice rests on the deadlock risk, on rows inserted without writeAudit
 * (the party import's batches) being chained too, and on long transactions (imports, escalation)
 * not holding every other write behind them. So writeAudit stays a plain insert and the sealer chains
 * committed rows afterwards, in (tx, id) order, where tx is the writing transaction's id: a row is
 * sealed only once tx is below the xmin of the sealer's snapshot, i.e. every transaction that could
 * still add a row before it has ended (a transaction not yet holding an id gets one above that
 * xmin). So no row ever appears in front of one already sealed, whatever order commits happen in.
 * The price: a row is protected by the chain only once sealed (the interval below, and verify seals
 * first); until then the database trigger is its only guard.
 */

/** Both the sealer and audit_purge() take this advisory lock (0013_audit_chain.sql). */
export const AUDIT_CHAIN_LOCK = 7300417;
const GENESIS = '0'.repeat(64);
const BATCH = 1000;

/**
 * The hashed content of a row, every value as text or parsed JSON, read the same by both drivers.
 * Its aliases shadow the columns: ORDER BY must name audit_logs.<column> (else it sorts the text).
 */
const CONTENT = sql.raw(`id::text AS id, seq::text AS seq, actor_id::text AS "actorId", actor_name AS "actorName", action, entity,
  entity_id AS "entityId", before, after, region_code AS "regionCode",
  to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, ip, user_agent AS "userAgent", hash`);

interface ChainRow {
  id: string;
  seq: string | null;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  regionCode: string | null;
  at: string;
  ip: string | null;
  userAgent: string | null;
  hash: string | null;
}

/** SM3 (GB/T 32905-2016) of the previous hash and the row's canonical content, at chain position seq. */
export function chainHash(prevHash: string, row: ChainRow, seq: string): string {
  const { hash: _h, ...content } = row;
  return createHash('sm3')
    .update(`${prevHash}\n${canonicalJson({ ...content, seq })}`)
    .digest('hex');
}

const rowsOf = <T>(r: unknown): T[] => (r as { rows?: T[] }).rows ?? (r as T[]);

/** The chain's last sealed position and hash (or the purge checkpoint's, or the genesis). */
async function chainHead(tx: DbOrTx): Promise<{ seq: bigint; hash: string }> {
  const [last] = rowsOf<{ seq: string; hash: string }>(
    await tx.execute(sql`SELECT seq::text AS seq, hash FROM audit_logs WHERE seq IS NOT NULL ORDER BY audit_logs.seq DESC LIMIT 1`),
  );
  if (last) return { seq: BigInt(last.seq), hash: last.hash };
  const [cp] = rowsOf<{ seq: string; hash: string }>(
    await tx.execute(sql`SELECT through_seq::text AS seq, hash FROM audit_checkpoints ORDER BY audit_checkpoints.through_seq DESC LIMIT 1`),
  );
  return cp ? { seq: BigInt(cp.seq), hash: cp.hash } : { seq: 0n, hash: GENESIS };
}

/**
 * Seals committed audit rows into the chain, a batch per transaction, until none is left that can
 * be sealed. `wait`: wait for another process's sealer (verify) instead of leaving the work to it.
 * Returns how many rows were sealed.
 */
export async function sealAudit(db: Db, opts: { wait?: boolean } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      if (opts.wait) await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
      else {
        const [got] = rowsOf<{ ok: boolean }>(await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${AUDIT_CHAIN_LOCK}) AS ok`));
        if (!got.ok) return 0;
      }
      const rows = rowsOf<ChainRow>(
        await tx.execute(sql`SELECT ${CONTENT} FROM audit_logs
          WHERE seq IS NULL AND tx < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint
          ORDER BY audit_logs.tx, audit_logs.id LIMIT ${BATCH}`),
      );
      if (!rows.length) return 0;
      let { seq, hash } = await chainHead(tx);
      const sealed: SQL[] = [];
      for (const row of rows) {
        seq += 1n;
        hash = chainHash(hash, row, String(seq));
        sealed.push(sql`(${row.id}::bigint, ${String(seq)}::bigint, ${hash})`);
      }
      await tx.execute(
        sql`UPDATE audit_logs SET seq = v.seq, hash = v.hash FROM (VALUES ${sql.join(sealed, sql`, `)}) AS v(id, seq, hash) WHERE audit_logs.id = v.id`,
      );
      return rows.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}

/** Seals every interval (AUDIT_SEAL_INTERVAL_MS) until stopped; a failed pass is logged and retried. */
export function startAuditSealer(db: Db, intervalMs: number, log: (err: unknown) => void = console.error): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sealAudit(db)
      .catch(log)
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

export type ChainRange = { from?: string; to?: string };
export interface ChainReport {
  ok: boolean;
  /** Sealed rows whose hash was recomputed. */
  checked: number;
  /** Rows in the range not sealed yet (written by transactions still open when verify began). */
  unsealed: number;
  firstBroken: { id: number; seq: number; reason: AuditBreakReason } | null;
}

/** A bound given as an id (digits) or a time (ISO 8601): the condition on audit_logs. */
function bound(value: string, op: '>=' | '<='): SQL {
  return /^\d{1,18}$/.test(value) ? sql`id ${sql.raw(op)} ${value}::bigint` : sql`at ${sql.raw(op)} ${value}::timestamptz`;
}

/**
 * Walks the chain over the rows in [from, to] (ids or times, both optional), in chain order, and
 * names the first row that does not verify. Seals what can be sealed first, waiting up to
 * `settleMs` for rows of transactions still open (any transaction on the server holds the sealing
 * horizon back, if only for milliseconds); what is left is reported as `unsealed`. Throws nothing
 * for a broken chain (that is the report); bad bounds are refused by the route.
 */
export async function verifyAudit(db: Db, range: ChainRange, settleMs = 3000): Promise<ChainReport> {
  const inRange = (cond: SQL) => sql.join([cond, ...(range.from ? [bound(range.from, '>=')] : []), ...(range.to ? [bound(range.to, '<=')] : [])], sql` AND `);
  const countUnsealed = async () =>
    rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM audit_logs WHERE ${inRange(sql`seq IS NULL`)}`))[0].n;
  const deadline = Date.now() + settleMs;
  await sealAudit(db, { wait: true });
  let unsealed = await countUnsealed();
  while (unsealed > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    await sealAudit(db, { wait: true });
    unsealed = await countUnsealed();
  }
  const where = inRange(sql`seq IS NOT NULL`);
  const [span] = rowsOf<{ lo: string | null; hi: string | null }>(
    await db.execute(sql`SELECT min(seq)::text AS lo, max(seq)::text AS hi FROM audit_logs WHERE ${where}`),
  );
  const report: ChainReport = { ok: true, checked: 0, unsealed, firstBroken: null };
  if (!span?.lo) return report;

  const lo = BigInt(span.lo);
  const hi = BigInt(span.hi!);
  let prev = await hashBefore(db, lo);
  let expected = lo;
  while (expected <= hi) {
    const rows = rowsOf<ChainRow>(
      await db.execute(
        sql`SELECT ${CONTENT} FROM audit_logs WHERE seq >= ${String(expected)}::bigint AND seq <= ${String(hi)}::bigint ORDER BY audit_logs.seq LIMIT ${BATCH}`,
      ),
    );
    if (!rows.length) break;
    for (const row of rows) {
      const broken = (reason: AuditBreakReason) => {
        report.ok = false;
        report.firstBroken = { id: Number(row.id), seq: Number(row.seq), reason };
        return report;
      };
      if (BigInt(row.seq!) !== expected || prev === null) return broken('missing_before');
      if (chainHash(prev, row, row.seq!) !== row.hash) return broken('hash_mismatch');
      report.checked++;
      prev = row.hash;
      expected++;
    }
  }
  return report;
}

/** The hash a row at position seq chains on; null when that row is gone (and no purge accounts for it). */
async function hashBefore(db: Db, seq: bigint): Promise<string | null> {
  if (seq === 1n) return GENESIS;
  const before = String(seq - 1n);
  const [row] = rowsOf<{ hash: string }>(await db.execute(sql`SELECT hash FROM audit_logs WHERE seq = ${before}::bigint`));
  if (row) return row.hash;
  const [cp] = rowsOf<{ hash: string }>(
    await db.execute(sql`SELECT hash FROM audit_checkpoints WHERE through_seq = ${before}::bigint ORDER BY id DESC LIMIT 1`),
  );
  return cp?.hash ?? null;
}
