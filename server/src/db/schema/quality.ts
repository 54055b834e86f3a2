import { bigint, boolean, date, index, integer, jsonb, pgEnum, pgTable, smallint, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { ASSESSMENT_STATUSES, AWARD_KINDS, SERVICE_SCALES, UPGRADE_PLAN_STATUSES, type RequirementCategory } from '@baotou/shared';
import { id, regionCode, timestamps } from './columns';
import { companies, projects } from './companies';
import { compoundType } from './places';
import { users } from './auth';

export const serviceScale = pgEnum('service_scale', SERVICE_SCALES);
export const assessmentStatus = pgEnum('assessment_status', ASSESSMENT_STATUSES);
export const upgradePlanStatus = pgEnum('upgrade_plan_status', UPGRADE_PLAN_STATUSES);
export const awardKind = pgEnum('award_kind', AWARD_KINDS);

const fen = () => bigint({ mode: 'number' });

/** A rung of the service-level scale or the star-rating scale (data: DOMAIN.md §11). */
export const serviceLevels = pgTable(
  'service_levels',
  {
    id: id(),
    scale: serviceScale().notNull(),
    code: varchar({ length: 20 }).notNull(),
    /** 1 is the best. */
    order: smallint().notNull(),
    name: varchar({ length: 40 }).notNull(),
    items: jsonb().$type<{ category: RequirementCategory; text: string }[]>().notNull().default([]),
    sourceDocument: varchar({ length: 200 }).notNull(),
    /** A stand-in until the region's standard is obtained. */
    placeholder: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [
    // one code per scale
    uniqueIndex('service_levels_scale_code_idx').on(t.scale, t.code),
    // one rung per order per scale
    uniqueIndex('service_levels_scale_order_idx').on(t.scale, t.order),
  ],
);

/** A company's application for a level for a project, and the district's decision (the history of a project's levels). */
export const levelAssessments = pgTable(
  'level_assessments',
  {
    id: id(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    levelId: integer()
      .notNull()
      .references(() => serviceLevels.id, { onDelete: 'restrict' }),
    status: assessmentStatus().notNull().default('applied'),
    evidence: jsonb().$type<{ name: string; url: string }[]>().notNull().default([]),
    applicationNote: varchar({ length: 500 }),
    results: jsonb().$type<{ item: number; met: boolean; photos: string[] }[]>(),
    decisionNote: varchar({ length: 500 }),
    decidedOn: date(),
    decidedBy: integer().references(() => users.id, { onDelete: 'restrict' }),
    ...timestamps,
  },
  (t) => [
    // a project's level history, newest decision first
    index('level_assessments_project_idx').on(t.projectId, t.decidedOn),
    // company staff scope
    index('level_assessments_company_idx').on(t.companyId),
    // jurisdiction filter
    index('level_assessments_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

/** 提档升级: a district's yearly plan (one per district and year). */
export const upgradePlans = pgTable(
  'upgrade_plans',
  {
    id: id(),
    regionCode: regionCode(),
    year: smallint().notNull(),
    measures: text().notNull(),
    deadline: date().notNull(),
    status: upgradePlanStatus().notNull().default('filed'),
    approvedOn: date(),
    ...timestamps,
  },
  (t) => [
    // one plan per district and year
    uniqueIndex('upgrade_plans_region_year_idx').on(t.regionCode, t.year),
  ],
);

export const upgradePlanItems = pgTable(
  'upgrade_plan_items',
  {
    id: id(),
    planId: integer()
      .notNull()
      .references(() => upgradePlans.id, { onDelete: 'cascade' }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    currentLevelId: integer().references(() => serviceLevels.id, { onDelete: 'restrict' }),
    targetLevelId: integer()
      .notNull()
      .references(() => serviceLevels.id, { onDelete: 'restrict' }),
    /** The day the project's accepted level reached the target. */
    upgradedOn: date(),
    ...timestamps,
  },
  (t) => [
    // a project once per plan
    uniqueIndex('upgrade_plan_items_plan_project_idx').on(t.planId, t.projectId),
    // "is this project in a plan" when a level is accepted
    index('upgrade_plan_items_project_idx').on(t.projectId),
    index('upgrade_plan_items_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

export const awards = pgTable(
  'awards',
  {
    id: id(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    kind: awardKind().notNull(),
    year: smallint().notNull(),
    document: varchar({ length: 200 }).notNull(),
    /** 以效定奖: the reward paid, fen. */
    rewardFen: fen(),
    rewardPaidOn: date(),
    ...timestamps,
  },
  (t) => [
    // one award of a kind per project and year
    uniqueIndex('awards_project_kind_year_idx').on(t.projectId, t.kind, t.year),
    index('awards_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

/** Fee guidance: level × property type → fen per m² per month (DOMAIN.md §11); shipped empty. */
export const feeGuidance = pgTable(
  'fee_guidance',
  {
    id: id(),
    levelId: integer()
      .notNull()
      .references(() => serviceLevels.id, { onDelete: 'restrict' }),
    propertyType: compoundType().notNull(),
    minFen: integer().notNull(),
    maxFen: integer().notNull(),
    sourceDocument: varchar({ length: 200 }).notNull(),
    effectiveFrom: date().notNull(),
    effectiveUntil: date(),
    ...timestamps,
  },
  (t) => [
    // the band of a level and type (overlap check, a project's flag)
    index('fee_guidance_level_type_idx').on(t.levelId, t.propertyType),
  ],
);

/** A company's yearly cost composition: the nine standard items, fen (DOMAIN.md §11). */
export const costReports = pgTable(
  'cost_reports',
  {
    id: id(),
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    year: smallint().notNull(),
    staffFen: fen().notNull(),
    sharedFacilitiesFen: fen().notNull(),
    cleaningFen: fen().notNull(),
    greeningFen: fen().notNull(),
    securityFen: fen().notNull(),
    officeFen: fen().notNull(),
    depreciationFen: fen().notNull(),
    insuranceFen: fen().notNull(),
    otherFen: fen().notNull(),
    ...timestamps,
  },
  (t) => [
    // one report per company and year
    uniqueIndex('cost_reports_company_year_idx').on(t.companyId, t.year),
    index('cost_reports_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);
