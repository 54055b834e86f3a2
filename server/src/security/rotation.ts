import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { PersonalDataCipher } from '../places/personalData';

/**
 * Every column holding personal data under the personal-data cipher, and the blind index kept
 * beside it (recomputed from the same plaintext). A new encrypted column is added here, or a
 * rotation would leave it under a retired key.
 */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: 'owners', column: 'phone_enc', index: 'phone_hash' },
  { table: 'owners', column: 'id_number_enc', index: 'id_number_hash' },
  { table: 'household_claims', column: 'phone_enc' },
  { table: 'committee_members', column: 'phone_enc' },
  { table: 'party_members', column: 'phone_enc', index: 'phone_hash' },
  { table: 'tickets', column: 'contact_phone_enc' },
  { table: 'tickets', column: 'worker_phone_enc' },
  // staff TOTP secrets (issue 17's second factor)
  { table: 'staff_second_factors', column: 'secret_enc', key: 'user_id' },
  { table: 'staff_second_factors', column: 'pending_secret_enc', key: 'user_id' },
];

interface EncryptedColumn {
  table: string;
  column: string;
  /** The blind index recomputed with the value. */
  index?: string;
  /** The integer key batches walk (default `id`). */
  key?: string;
}

export interface ColumnProgress {
  table: string;
  column: string;
  /** Rows holding a value. */
  total: number;
  /** Of those, rows already under the active algorithm and key. */
  current: number;
}

export interface RotationReport {
  algorithm: string;
  activeKeyId: number;
  columns: ColumnProgress[];
  remaining: number;
}

export interface RotationResult {
  /** Values re-encrypted by this run. */
  rotated: number;
  /** Values skipped because a concurrent write changed them first (they are then current already, or retried). */
  raced: number;
  /** Rows left as they were, with why (a value no key in the ring opens; a duplicate person under the new index). */
  failed: { table: string; column: string; id: number; reason: string }[];
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '')}"`);

/** How far personal data is under the active key, counted from the data itself (so any process can answer). */
export async function rotationProgress(db: Db, cipher: PersonalDataCipher): Promise<RotationReport> {
  const columns: ColumnProgress[] = [];
  for (const { table, column } of ENCRYPTED_COLUMNS) {
    const c = ident(column);
    const [row] = (
      await db.execute(
        sql`SELECT count(${c})::int AS total, count(*) FILTER (WHERE left(${c}, ${cipher.activeTag.length}) = ${cipher.activeTag})::int AS current FROM ${ident(table)}`,
      )
    ).rows as { total: number; current: number }[];
    columns.push({ table, column, total: Number(row.total), current: Number(row.current) });
  }
  return {
    algorithm: cipher.algorithm,
    activeKeyId: cipher.activeKeyId,
    columns,
    remaining: columns.reduce((n, c) => n + c.total - c.current, 0),
  };
}

/**
 * Re-encrypts every personal-data value not yet under the active algorithm and key, in batches by
 * id, each batch one transaction. Resumable and idempotent: it looks only for values not under the
 * active tag, so a stopped run is simply started again. A batch writes `UPDATE … WHERE value = the
 * value read`, so a concurrent write (which uses the active key already) is never overwritten; the
 * raced row is looked at again in the next pass. Decryption failures and unique-index conflicts are
 * reported and the row is left as it was — nothing is lost, and it stays readable while its key
 * stays in the ring. Old keys may leave the ring only once `rotationProgress` shows nothing remaining.
 */
export async function rotatePersonalData(
  db: Db,
  cipher: PersonalDataCipher,
  opts: {
    batchSize?: number;
    onBatch?: (r: RotationResult) => void;
    /** Called between reading a batch and writing it back (the window a concurrent write may land in). */
    afterRead?: (table: string, ids: number[]) => Promise<void>;
  } = {},
): Promise<RotationResult> {
  const batchSize = opts.batchSize ?? 500;
  const result: RotationResult = { rotated: 0, raced: 0, failed: [] };
  for (const target of ENCRYPTED_COLUMNS) {
    const skip = new Set<number>();
    // Passes repeat while they make progress: rows raced by writers are looked at again.
    for (let pass = 0; pass < 10; pass++) {
      const before = result.rotated;
      let racedThisPass = 0;
      let cursor = 0;
      for (;;) {
        const rows = await nextBatch(db, cipher, target, cursor, batchSize);
        if (!rows.length) break;
        cursor = rows[rows.length - 1].id;
        const todo: { id: number; old: string; value: string; index?: string }[] = [];
        for (const r of rows) {
          if (skip.has(r.id)) continue;
          try {
            const plain = cipher.decrypt(r.value);
            todo.push({ id: r.id, old: r.value, value: cipher.encrypt(plain), index: target.index ? cipher.hash(plain) : undefined });
          } catch (err) {
            skip.add(r.id);
            result.failed.push({ ...target, id: r.id, reason: (err as Error).message });
          }
        }
        await opts.afterRead?.(
          target.table,
          todo.map((r) => r.id),
        );
        const done = await writeBatch(db, target, todo, skip, result);
        result.rotated += done;
        racedThisPass += todo.length - done;
        opts.onBatch?.(result);
      }
      result.raced += racedThisPass;
      if (racedThisPass === 0 || result.rotated === before) break;
    }
  }
  return result;
}

async function nextBatch(db: Db, cipher: PersonalDataCipher, target: EncryptedColumn, cursor: number, limit: number) {
  const c = ident(target.column);
  const id = ident(target.key ?? 'id');
  const res = await db.execute(
    sql`SELECT ${id} AS id, ${c} AS value FROM ${ident(target.table)} WHERE ${id} > ${cursor} AND ${c} IS NOT NULL AND left(${c}, ${cipher.activeTag.length}) <> ${cipher.activeTag} ORDER BY ${id} LIMIT ${limit}`,
  );
  return res.rows as { id: number; value: string }[];
}

/** One transaction; on a unique-index conflict, row by row so one duplicate does not hold back the rest. */
async function writeBatch(
  db: Db,
  target: EncryptedColumn,
  todo: { id: number; old: string; value: string; index?: string }[],
  skip: Set<number>,
  result: RotationResult,
): Promise<number> {
  if (!todo.length) return 0;
  const t = ident(target.table);
  const key = ident(target.key ?? 'id');
  const ids = sql.join(
    todo.map((r) => sql`${r.id}`),
    sql`, `,
  );
  try {
    return await db.transaction(async (tx) => {
      // Rows locked in key order first, so two runs (or a run and a multi-row writer) never deadlock.
      await tx.execute(sql`SELECT 1 FROM ${t} WHERE ${key} IN (${ids}) ORDER BY ${key} FOR UPDATE`);
      return (await tx.execute(updateSql(target, todo))).rows.length;
    });
  } catch (err) {
    if (sqlState(err) !== '23505') throw err;
  }
  let done = 0;
  for (const one of todo) {
    try {
      done += (await db.execute(updateSql(target, [one]))).rows.length;
    } catch (err) {
      skip.add(one.id);
      result.failed.push({ ...target, id: one.id, reason: `唯一性冲突（同一人已按新索引登记）: ${(err as Error).message}` });
    }
  }
  return done;
}

function sqlState(err: unknown): string | undefined {
  return (err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
}

function updateSql(target: EncryptedColumn, todo: { id: number; old: string; value: string; index?: string }[]): SQL {
  const t = ident(target.table);
  const c = ident(target.column);
  const values = sql.join(
    todo.map((r) => sql`(${r.id}::int, ${r.old}::text, ${r.value}::text, ${r.index ?? null}::text)`),
    sql`, `,
  );
  const setIndex = target.index ? sql`, ${ident(target.index)} = v.idx` : sql``;
  return sql`UPDATE ${t} SET ${c} = v.val${setIndex} FROM (VALUES ${values}) AS v(id, old, val, idx) WHERE ${t}.${ident(target.key ?? 'id')} = v.id AND ${t}.${c} = v.old RETURNING v.id`;
}
