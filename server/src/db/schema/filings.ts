import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgEnum, pgTable, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { FILING_KINDS, FILING_STATUSES } from '@baotou/shared';
import { id, regionCode, timestamps } from './columns';
import { companies, projects } from './companies';
import { users } from './auth';

export const filingKind = pgEnum('filing_kind', FILING_KINDS);
export const filingStatus = pgEnum('filing_status', FILING_STATUSES);

/** Contract and project-manager filings (合同备案 / 项目经理备案) of a service project: submit → filed | returned. */
export const filings = pgTable(
  'filings',
  {
    id: id(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    kind: filingKind().notNull(),
    status: filingStatus().notNull().default('submitted'),
    documentNo: varchar({ length: 40 }).notNull(),
    managerName: varchar({ length: 40 }),
    validFrom: date().notNull(),
    validUntil: date().notNull(),
    documents: jsonb().$type<{ name: string; url: string }[]>().notNull().default([]),
    note: varchar({ length: 500 }),
    /** Null for filings carried over from the project's paper registry (the demo seed). */
    submittedBy: integer().references(() => users.id, { onDelete: 'restrict' }),
    reviewedBy: integer().references(() => users.id, { onDelete: 'restrict' }),
    reviewedAt: timestamp({ withTimezone: true }),
    filingNo: varchar({ length: 40 }),
    returnReason: varchar({ length: 500 }),
    ...timestamps,
  },
  (t) => [
    // a project's filings of a kind, latest filed first (the standing of a project's filings)
    index('filings_project_kind_idx').on(t.projectId, t.kind, t.status, t.validUntil),
    // one filing of a kind under review per project at a time
    uniqueIndex('filings_pending_project_kind_idx')
      .on(t.projectId, t.kind)
      .where(sql`"status" = 'submitted'`),
    // a company's own filings
    index('filings_company_idx').on(t.companyId),
    index('filings_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);
export type Filing = typeof filings.$inferSelect;
