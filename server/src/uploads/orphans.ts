import { eq, inArray, sql } from 'drizzle-orm';
import type { Config } from '@baotou/config';
import type { Db, DbOrTx } from '../db/client';
import { uploads } from '../db/schema';
import type { UploadStorage } from './storage';

/**
 * Serialises work on one stored key (transaction-scoped advisory lock): the upload route holds it
 * while it stores the bytes and writes the row, the orphan sweep while it checks for a row and
 * deletes. So the sweep never deletes bytes a row is about to point at (the same content uploaded
 * again reuses the stored bytes without rewriting them, so their age alone says nothing).
 */
export async function lockStorageKey(tx: DbOrTx, key: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('uploads'), hashtext(${key}))`);
}

/**
 * Deletes stored files that no uploads row references and that were written more than
 * `config.uploads.orphanHours` ago (issue 15: a transaction that failed after the bytes were written
 * leaves them behind). Young files are left alone: their row may still be on its way. Idempotent;
 * returns the keys removed.
 */
export async function removeOrphanUploads(db: Db, config: Config, storage: UploadStorage, now = new Date()): Promise<string[]> {
  const bound = now.getTime() - config.uploads.orphanHours * 3600_000;
  const removed: string[] = [];
  let batch: string[] = [];
  const sweep = async () => {
    // One query per batch finds the referenced keys; each remaining key is checked again under its lock.
    const referenced = new Set((await db.select({ path: uploads.path }).from(uploads).where(inArray(uploads.path, batch))).map((r) => r.path));
    for (const key of batch.filter((k) => !referenced.has(k))) {
      const gone = await db.transaction(async (tx) => {
        await lockStorageKey(tx, key);
        const [row] = await tx.select({ id: uploads.id }).from(uploads).where(eq(uploads.path, key)).limit(1);
        if (row) return false;
        await storage.delete(key);
        return true;
      });
      if (gone) removed.push(key);
    }
    batch = [];
  };
  for await (const { key, modifiedAt } of storage.list()) {
    if (modifiedAt.getTime() > bound) continue;
    batch.push(key);
    if (batch.length >= 500) await sweep();
  }
  if (batch.length) await sweep();
  return removed;
}
