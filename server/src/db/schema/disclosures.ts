import { date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { DISCLOSURE_KINDS, DISCLOSURE_STATUSES, FLAG_STATUSES, type Statement } from '@baotou/shared';
import { id, regionCode, timestamps } from './columns';
import { compounds } from './places';
import { committees } from './committees';
import { users } from './auth';

export const disclosureKind = pgEnum('disclosure_kind', DISCLOSURE_KINDS);
export const disclosureStatus = pgEnum('disclosure_status', DISCLOSURE_STATUSES);
export const flagStatus = pgEnum('flag_status', FLAG_STATUSES);

/** Published rows are never updated in content: a correction is a new row pointing at the old one. */
export const disclosures = pgTable(
  'disclosures',
  {
    id: id(),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    committeeId: integer().references(() => committees.id, { onDelete: 'restrict' }),
    kind: disclosureKind().notNull(),
    title: varchar({ length: 100 }).notNull(),
    body: text(),
    periodStart: date(),
    periodEnd: date(),
    statement: jsonb().$type<Statement>(),
    attachments: jsonb().$type<{ name: string; url: string }[]>().notNull().default([]),
    status: disclosureStatus().notNull().default('draft'),
    version: integer().notNull().default(1),
    correctsId: integer(),
    supersededById: integer(),
    dueDate: date(),
    targetId: integer(),
    publishedAt: timestamp({ withTimezone: true }),
    publishedBy: integer().references(() => users.id),
    createdBy: integer().references(() => users.id),
    ...timestamps,
  },
  (t) => [
    // a compound's disclosures, newest first
    index('disclosures_compound_idx').on(t.compoundId, t.publishedAt),
    index('disclosures_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    // which disclosures attach an upload (who may download it: uploads/access.ts)
    index('disclosures_attachments_idx').using('gin', t.attachments.op('jsonb_path_ops')),
  ],
);

export const disclosureFlags = pgTable(
  'disclosure_flags',
  {
    id: id(),
    disclosureId: integer()
      .notNull()
      .references(() => disclosures.id, { onDelete: 'restrict' }),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    line: varchar({ length: 20 }).notNull(),
    comment: varchar({ length: 500 }).notNull(),
    status: flagStatus().notNull().default('open'),
    answer: varchar({ length: 1000 }),
    answeredBy: integer().references(() => users.id),
    answeredAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    // flags on a disclosure
    index('disclosure_flags_disclosure_idx').on(t.disclosureId),
    // the street's and the committee's queues
    index('disclosure_flags_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.status),
  ],
);
