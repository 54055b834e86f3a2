import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { BLACKLIST_REASONS } from '@baotou/shared';
import { id, regionCode, timestamps } from './columns';
import { companies } from './companies';
import { users } from './auth';

export const blacklistReason = pgEnum('blacklist_reason', BLACKLIST_REASONS);

/**
 * The integrity blacklist (诚信档案黑名单, DOMAIN.md §5): a company listed by the city or a district
 * for a serious violation; removal is recorded on the same row. region_code is the listing
 * authority's jurisdiction (the district's or the city's code), not a compound's.
 */
export const blacklistEntries = pgTable(
  'blacklist_entries',
  {
    id: id(),
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    reason: blacklistReason().notNull(),
    document: varchar({ length: 100 }).notNull(),
    listedOn: date().notNull(),
    facts: text().notNull(),
    evidence: jsonb().$type<{ name: string; url: string }[]>().notNull().default([]),
    listedBy: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    removedAt: timestamp({ withTimezone: true }),
    removedOn: date(),
    removedBy: integer().references(() => users.id, { onDelete: 'restrict' }),
    removalReason: varchar({ length: 500 }),
    removalDocument: varchar({ length: 100 }),
    ...timestamps,
  },
  (t) => [
    // at most one active listing per company (and the "is this company blacklisted" lookup)
    uniqueIndex('blacklist_entries_active_company_idx')
      .on(t.companyId)
      .where(sql`"removed_at" IS NULL`),
    // a company's listings, history included
    index('blacklist_entries_company_idx').on(t.companyId),
    index('blacklist_entries_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);
export type BlacklistEntry = typeof blacklistEntries.$inferSelect;
