import { bigint, index, integer, jsonb, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';

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
  },
  (t) => [
    // the audit list in the console, newest first, within a jurisdiction
    index('audit_region_at_idx').on(t.regionCode.op('varchar_pattern_ops'), t.at),
    // an entity's history
    index('audit_entity_idx').on(t.entity, t.entityId),
  ],
);
