import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';

export const auditLogs = pgTable(
  'audit_logs',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: integer(),
    actorName: varchar({ length: 40 }).notNull(),
    action: varchar({ length: 40 }).notNull(),
    entity: varchar({ length: 40 }).notNull(),
    entityId: varchar({ length: 40 }).notNull(),
    before: jsonb(),
    after: jsonb(),
    regionCode: varchar({ length: 12 }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The address the request came from (security events: 网络安全法 Art. 21, GB/T 22239 8.1.4.3). */
    ip: varchar({ length: 45 }),
    userAgent: varchar({ length: 200 }),
    /** The writing transaction's id (xid8): the sealer chains rows in (tx, id) order once tx is past every snapshot's xmin. */
    tx: bigint({ mode: 'number' })
      .notNull()
      .default(sql`(pg_current_xact_id()::text)::bigint`),
    /** Position in the hash chain (1, 2, 3, … without gaps); null until sealed. */
    seq: bigint({ mode: 'number' }),
    /** SM3 over the previous row's hash and this row's canonical content, hex; null until sealed. */
    hash: varchar({ length: 64 }),
  },
  (t) => [
    // the audit list in the console, newest first, within a jurisdiction
    index('audit_region_at_idx').on(t.regionCode.op('varchar_pattern_ops'), t.at),
    // an entity's history
    index('audit_entity_idx').on(t.entity, t.entityId),
    // the chain walk (verify) and the one-row-per-position rule
    uniqueIndex('audit_seq_idx').on(t.seq),
    // the sealer's next batch: unsealed rows in chain order
    index('audit_unsealed_idx')
      .on(t.tx, t.id)
      .where(sql`${t.seq} IS NULL`),
    // verify?from&to given as times
    index('audit_at_idx').on(t.at),
  ],
);

/** Where the chain starts after a purge of rows past retention: the last purged row's position and hash. */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  throughSeq: bigint({ mode: 'number' }).notNull(),
  hash: varchar({ length: 64 }).notNull(),
  purgedRows: integer().notNull(),
  at: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
