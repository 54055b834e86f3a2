import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sealAudit } from './chain';

/**
 * Removes audit rows past retention (AUDIT_RETENTION_DAYS, at least 183 days: 网络安全法 Art. 21)
 * through the database's audit_purge(), the only way rows leave audit_logs: the oldest sealed rows,
 * as a prefix of the chain, with a checkpoint so the rest still verifies. Run by the platform
 * (`tsx server/src/audit/purgeCli.ts`), never through the API. Returns the rows removed; throws the
 * database's error for a retention under 183 days.
 */
export async function purgeExpiredAudit(db: Db, retentionDays: number): Promise<number> {
  await sealAudit(db, { wait: true });
  const r = await db.execute(sql`SELECT audit_purge(${retentionDays}::int) AS n`);
  const rows = (r as unknown as { rows: { n: number }[] }).rows;
  return Number(rows[0].n);
}
