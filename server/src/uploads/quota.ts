import { and, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { uploads } from '../db/schema';
import { AppError } from '../http/errors';

/** Advisory-lock namespace of the per-user upload quota (the second key is the user id). */
const UPLOAD_QUOTA_LOCK = 0x75706c64; // 'upld'

/**
 * One user's uploads in any 24 hours stay within the quota (settings UPLOAD_QUOTA_BYTES_PER_DAY,
 * UPLOAD_QUOTA_FILES_PER_DAY; issue 9 §7). Counted under a per-user lock held to the end of the
 * transaction, so parallel uploads (in this process or another) cannot each see room for themselves.
 * Throws 429 UPLOAD_QUOTA_EXCEEDED.
 */
export async function assertWithinQuota(tx: DbOrTx, ownerId: number, size: number, quota: { bytesPerDay: number; filesPerDay: number }): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${UPLOAD_QUOTA_LOCK}, ${ownerId})`);
  const [used] = await tx
    .select({ bytes: sql<string>`coalesce(sum(${uploads.size}), 0)`, files: sql<number>`count(*)::int` })
    .from(uploads)
    .where(and(eq(uploads.ownerId, ownerId), gt(uploads.createdAt, sql`now() - interval '1 day'`)));
  const mb = (n: number) => Math.floor(n / 1024 / 1024);
  if (used.files + 1 > quota.filesPerDay || Number(used.bytes) + size > quota.bytesPerDay) {
    throw new AppError('UPLOAD_QUOTA_EXCEEDED', 429, `24小时内最多上传${quota.filesPerDay}个文件、共${mb(quota.bytesPerDay)}MB，请稍后再试`);
  }
}
