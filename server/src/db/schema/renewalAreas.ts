import { bigint, boolean, date, index, integer, jsonb, pgEnum, pgTable, smallint, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { ASSESSMENT_RESULTS, RENOVATION_STATUSES, SUBSIDY_BATCH_STATUSES, SUBSIDY_USAGE_CATEGORIES } from '@baotou/shared';
import { id, regionCode, timestamps } from './columns';
import { users } from './auth';
import { compounds } from './places';
import { companies } from './companies';
import { votes } from './votes';

/**
 * Issue 11, management areas and quasi-property management (DOMAIN.md §4; action plan 四(四), 五(四)):
 * the "三个有" checklist, enrolments, yearly assessments, subsidy batches and lines, the use of the
 * money, and renovations (老旧小区改造).
 */
const fen = () => bigint({ mode: 'number' });

export const assessmentResult = pgEnum('assessment_result', ASSESSMENT_RESULTS);
export const subsidyBatchStatus = pgEnum('subsidy_batch_status', SUBSIDY_BATCH_STATUSES);
export const subsidyUsageCategory = pgEnum('subsidy_usage_category', SUBSIDY_USAGE_CATEGORIES);
export const renovationStatus = pgEnum('renovation_status', RENOVATION_STATUSES);

/** The "三个有" standard as data: its wording was not found (research §4), the city edits it. */
export const quasiStandardItems = pgTable('quasi_standard_items', {
  id: id(),
  text: varchar({ length: 200 }).notNull(),
  sortOrder: integer().notNull().default(0),
  active: boolean().notNull().default(true),
  ...timestamps,
});
/** A compound under quasi-property management with a company from a start date; enrolments of one compound never overlap. */
export const quasiEnrolments = pgTable(
  'quasi_enrolments',
  {
    id: id(),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    startDate: date().notNull(),
    /** Inclusive; null while it runs. */
    endDate: date(),
    note: varchar({ length: 500 }),
    createdBy: integer().references(() => users.id),
    ...timestamps,
  },
  (t) => [
    // a compound's enrolments (the overlap check, the batch's lines)
    index('quasi_enrolments_compound_idx').on(t.compoundId, t.startDate),
    // jurisdiction prefix filter, and a district's enrolments for its batch
    index('quasi_enrolments_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

/** The district's yearly assessment of an enrolment against the checklist; only a pass makes that year payable. */
export const quasiAssessments = pgTable(
  'quasi_assessments',
  {
    id: id(),
    enrolmentId: integer()
      .notNull()
      .references(() => quasiEnrolments.id, { onDelete: 'restrict' }),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    year: smallint().notNull(),
    result: assessmentResult().notNull(),
    /** Per checklist item: met or not, evidence (upload ids), a note; the item's text as it read then. */
    items: jsonb().$type<{ itemId: number; text: string; met: boolean; evidence: number[]; note: string | null }[]>().notNull(),
    note: varchar({ length: 500 }),
    assessedBy: integer().references(() => users.id),
    ...timestamps,
  },
  (t) => [
    // one assessment per enrolment and year
    uniqueIndex('quasi_assessments_enrolment_year_idx').on(t.enrolmentId, t.year),
    index('quasi_assessments_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

/** A district's yearly subsidy batch: draft → district approves → city approves → paid. */
export const subsidyBatches = pgTable(
  'subsidy_batches',
  {
    id: id(),
    /** The district's 6-digit code, also the jurisdiction filter's column. */
    regionCode: varchar({ length: 12 }).notNull(),
    year: smallint().notNull(),
    status: subsidyBatchStatus().notNull().default('draft'),
    lineCount: integer().notNull().default(0),
    totalFen: fen().notNull().default(0),
    cityFen: fen().notNull().default(0),
    districtFen: fen().notNull().default(0),
    createdBy: integer().references(() => users.id),
    districtApprovedBy: integer().references(() => users.id),
    districtApprovedAt: timestamp({ withTimezone: true }),
    cityApprovedBy: integer().references(() => users.id),
    cityApprovedAt: timestamp({ withTimezone: true }),
    paidBy: integer().references(() => users.id),
    paidAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    // one batch per district and year (a second draft, even a concurrent one, is refused)
    uniqueIndex('subsidy_batches_region_year_idx').on(t.regionCode, t.year),
  ],
);

/** A batch's line per enrolled, assessed-pass compound; computed when the batch is drafted, never edited. */
export const subsidyLines = pgTable(
  'subsidy_lines',
  {
    id: id(),
    batchId: integer()
      .notNull()
      .references(() => subsidyBatches.id, { onDelete: 'restrict' }),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    enrolmentId: integer()
      .notNull()
      .references(() => quasiEnrolments.id, { onDelete: 'restrict' }),
    assessmentId: integer()
      .notNull()
      .references(() => quasiAssessments.id, { onDelete: 'restrict' }),
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    areaCenti: bigint({ mode: 'number' }).notNull(),
    enrolmentYear: smallint().notNull(),
    months: smallint().notNull(),
    rateFen: smallint().notNull(),
    totalFen: fen().notNull(),
    cityFen: fen().notNull(),
    districtFen: fen().notNull(),
  },
  (t) => [
    // a batch's lines, and one line per enrolment in a batch
    uniqueIndex('subsidy_lines_batch_enrolment_idx').on(t.batchId, t.enrolmentId),
    index('subsidy_lines_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

/** How a company used a paid line's money (五(四)): facilities, greening, roads; their sum stays within the line. */
export const subsidyUsages = pgTable(
  'subsidy_usages',
  {
    id: id(),
    lineId: integer()
      .notNull()
      .references(() => subsidyLines.id, { onDelete: 'restrict' }),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    category: subsidyUsageCategory().notNull(),
    amountFen: fen().notNull(),
    spentOn: date().notNull(),
    note: varchar({ length: 200 }),
    recordedBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // a line's usages (the sum check)
    index('subsidy_usages_line_idx').on(t.lineId),
    index('subsidy_usages_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

/** 老旧小区改造: items and budget, the owners' decision (a vote), a service contract, progress, acceptance. */
export const renovations = pgTable(
  'renovations',
  {
    id: id(),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    title: varchar({ length: 100 }).notNull(),
    items: jsonb().$type<{ name: string; budgetFen: number }[]>().notNull(),
    budgetFen: fen().notNull(),
    plannedStart: date().notNull(),
    plannedEnd: date().notNull(),
    serviceStandard: varchar({ length: 500 }),
    feeFenPerSqmMonth: integer(),
    status: renovationStatus().notNull().default('planned'),
    /** The owners' decision on content, service standard and fee (the votes engine). */
    voteId: integer().references(() => votes.id, { onDelete: 'restrict' }),
    contractRef: varchar({ length: 80 }),
    progressPercent: smallint().notNull().default(0),
    progressNote: varchar({ length: 500 }),
    acceptedOn: date(),
    acceptanceNote: varchar({ length: 500 }),
    createdBy: integer().references(() => users.id),
    ...timestamps,
  },
  (t) => [
    // a compound's renovations (the resident's view)
    index('renovations_compound_idx').on(t.compoundId),
    index('renovations_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);
