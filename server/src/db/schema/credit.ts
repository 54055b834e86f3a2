import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgEnum, pgTable, smallint, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { CREDIT_CATEGORIES, CREDIT_GRADES, CREDIT_ITEM_STATUSES, CREDIT_OBJECTION_STATUSES } from '@baotou/shared';
import { id, regionCode, timestamps } from './columns';
import { companies, projects } from './companies';
import { users } from './auth';

export const creditCategory = pgEnum('credit_category', CREDIT_CATEGORIES);
export const creditItemStatus = pgEnum('credit_item_status', CREDIT_ITEM_STATUSES);

/**
 * A good, bad or base credit item of a company, optionally about one of its projects (DOMAIN.md §5).
 * Rule items carry (type = the rule, source_key = the event); manual items have no source key.
 * It counts once its publicity ended, while valid, and unless under objection or withdrawn.
 */
export const creditItems = pgTable(
  'credit_items',
  {
    id: id(),
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    projectId: integer().references(() => projects.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    /** A CreditRule for rule items, else a manual item type (config credit.itemTypes). */
    type: varchar({ length: 40 }).notNull(),
    category: creditCategory().notNull(),
    /** Signed tenths of a point: bad conduct ≤ 0, base and good ≥ 0. */
    pointsTenths: smallint().notNull(),
    /** The event a rule item is about, e.g. "ticket:42"; a replay finds it taken. Null for manual items. */
    sourceKey: varchar({ length: 80 }),
    authority: varchar({ length: 100 }).notNull(),
    document: varchar({ length: 200 }),
    note: varchar({ length: 500 }),
    /** Upload ids (tickets' uploads) backing a manual item. */
    evidence: jsonb()
      .$type<{ name: string; url: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    occurredOn: date().notNull(),
    validFrom: date().notNull(),
    validUntil: date().notNull(),
    /** Last day of publication for comment; the item counts from the day after. */
    publicUntil: date().notNull(),
    status: creditItemStatus().notNull().default('published'),
    createdBy: integer().references(() => users.id, { onDelete: 'restrict' }),
    ...timestamps,
  },
  (t) => [
    // one rule item per event (contract 1: recordRuleCreditItem)
    uniqueIndex('credit_items_type_source_key_idx').on(t.type, t.sourceKey),
    // a company's items valid on a date (live score, evaluation)
    index('credit_items_company_valid_idx').on(t.companyId, t.validUntil),
    // "has anything of this company changed since its cached score" (credit_scores)
    index('credit_items_company_updated_idx').on(t.companyId, t.updatedAt),
    index('credit_items_project_idx').on(t.projectId),
    index('credit_items_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

export const creditGrade = pgEnum('credit_grade', CREDIT_GRADES);

/**
 * The yearly evaluation (DOMAIN.md §5 "Cycle"): one per year, its progress kept here so a restarted
 * run resumes where it stopped.
 */
export const creditEvaluations = pgTable(
  'credit_evaluations',
  {
    id: id(),
    year: smallint().notNull(),
    /** The evaluation date: items valid on it count (the year's 31 December). */
    asOf: date().notNull(),
    status: varchar({ length: 12 }).notNull().default('running'),
    done: integer().notNull().default(0),
    total: integer().notNull().default(0),
    jobId: varchar({ length: 64 }),
    startedBy: integer().references(() => users.id, { onDelete: 'restrict' }),
    failure: varchar({ length: 500 }),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // a year is evaluated once
    uniqueIndex('credit_evaluations_year_idx').on(t.year),
  ],
);

/** A company's frozen yearly record (contract 1: K1 reads AAA companies from here). */
export const creditRatings = pgTable(
  'credit_ratings',
  {
    id: id(),
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    year: smallint().notNull(),
    scoreTenths: integer().notNull(),
    grade: creditGrade().notNull(),
    baseTenths: integer().notNull(),
    goodTenths: integer().notNull(),
    badTenths: integer().notNull(),
    /** The items that counted, frozen: [{ id, type, category, pointsTenths, projectId }]. */
    items: jsonb().$type<{ id: number; type: string; category: string; pointsTenths: number; projectId: number | null }[]>().notNull(),
    regionCode: regionCode(),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // one record per company and year: a second evaluation writes none
    uniqueIndex('credit_ratings_company_year_idx').on(t.companyId, t.year),
    index('credit_ratings_year_grade_idx').on(t.year, t.grade),
    index('credit_ratings_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

export const creditObjectionStatus = pgEnum('credit_objection_status', CREDIT_OBJECTION_STATUSES);

/**
 * A company's objection (异议) to an item (DOMAIN.md §5): the item shows 异议中 until the authority
 * answers (upheld / corrected / withdrawn) within the answer period; each objection is kept.
 * Jurisdiction follows the item's region (no region of its own, so a compound's move carries it).
 */
export const creditObjections = pgTable(
  'credit_objections',
  {
    id: id(),
    itemId: integer()
      .notNull()
      .references(() => creditItems.id, { onDelete: 'restrict' }),
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    reason: varchar({ length: 1000 }).notNull(),
    evidence: jsonb()
      .$type<{ name: string; url: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    status: creditObjectionStatus().notNull().default('pending'),
    /** Last day of the answer period (20 working days by default). */
    dueOn: date().notNull(),
    answer: varchar({ length: 1000 }),
    /** The item's points before and after a correction. */
    pointsBefore: smallint().notNull(),
    pointsAfter: smallint(),
    createdBy: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    answeredBy: integer().references(() => users.id, { onDelete: 'restrict' }),
    answeredAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    // one open objection per item at a time
    uniqueIndex('credit_objections_item_pending_idx')
      .on(t.itemId)
      .where(sql`"status" = 'pending'`),
    index('credit_objections_item_idx').on(t.itemId),
    index('credit_objections_company_idx').on(t.companyId),
  ],
);

/**
 * Each company's live score as last computed (DOMAIN.md §5 "a live score in between"): the public
 * page reads it; a row older than today, or than the company's latest item change, is recomputed.
 */
export const creditScores = pgTable('credit_scores', {
  companyId: integer()
    .primaryKey()
    .references(() => companies.id, { onDelete: 'restrict' }),
  asOf: date().notNull(),
  baseTenths: integer().notNull(),
  goodTenths: integer().notNull(),
  badTenths: integer().notNull(),
  scoreTenths: integer().notNull(),
  grade: creditGrade().notNull(),
  computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
