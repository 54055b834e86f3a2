import { bigint, boolean, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import {
  ENCLOSURE_STATES,
  RENEWAL_CLASSIFICATIONS,
  RENEWAL_SURVEY_STATUSES,
  SURVEY_MANAGEMENT_STATES,
  SURVEY_RENOVATION_STATES,
  type InfrastructureItem,
  type InfrastructureState,
} from '@baotou/shared';
import { id, regionCode, timestamps } from './columns';
import { users } from './auth';
import { compounds } from './places';

export const renewalClassification = pgEnum('renewal_classification', RENEWAL_CLASSIFICATIONS);
export const renewalSurveyStatus = pgEnum('renewal_survey_status', RENEWAL_SURVEY_STATUSES);
export const enclosureState = pgEnum('enclosure_state', ENCLOSURE_STATES);
export const surveyManagementState = pgEnum('survey_management_state', SURVEY_MANAGEMENT_STATES);
export const surveyRenovationState = pgEnum('survey_renovation_state', SURVEY_RENOVATION_STATES);

/**
 * 摸底调查 of an old compound (action plan 四(四); research §4 rule 1): one per compound, a draft
 * resumed by version (a stale save is refused) until submitted; then classified by the district.
 */
export const renewalSurveys = pgTable(
  'renewal_surveys',
  {
    id: id(),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    /** The compound's community, for the jurisdiction prefix filter. */
    regionCode: regionCode(),
    status: renewalSurveyStatus().notNull().default('draft'),
    /** Bumped by every save; a save naming an older version is refused (409). */
    version: integer().notNull().default(1),
    buildingCount: integer(),
    stairwellCount: integer(),
    householdCount: integer(),
    /** Total floor area in centi-m² (1 m² = 100). */
    floorAreaCenti: bigint({ mode: 'number' }),
    singleBuilding: boolean(),
    /** Neighbouring compounds' ids (candidates for one management area). */
    neighbourCompoundIds: jsonb().$type<number[]>().notNull().default([]),
    enclosure: enclosureState(),
    hasGate: boolean(),
    /** State of each infrastructure item; an item not yet surveyed is absent. */
    infrastructure: jsonb().$type<Partial<Record<InfrastructureItem, InfrastructureState>>>().notNull().default({}),
    currentManagement: surveyManagementState(),
    /** An owners' committee or property-management committee is in place. */
    hasCommittee: boolean(),
    /** The maintenance fund has been deposited (see the compound's fund account). */
    fundDeposited: boolean(),
    renovation: surveyRenovationState(),
    /** Households willing to pay for management (a share of householdCount). */
    willingHouseholds: integer(),
    /** The fee owners would pay, fen per m² per month (0.35 yuan = 35). */
    proposedFeeFen: integer(),
    photos: jsonb().$type<{ name: string; url: string }[]>().notNull().default([]),
    notes: text(),
    surveyedOn: date(),
    surveyorId: integer().references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp({ withTimezone: true }),
    /** The rule's proposal, fixed when the survey is submitted (classifyOldCompound). */
    proposedClassification: renewalClassification(),
    /** The district's confirmation or override. */
    classification: renewalClassification(),
    classificationReason: varchar({ length: 500 }),
    classifiedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    classifiedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    // one survey per compound (a second create is refused)
    uniqueIndex('renewal_surveys_compound_idx').on(t.compoundId),
    // jurisdiction prefix filter, and progress by district
    index('renewal_surveys_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);
export type RenewalSurveyRow = typeof renewalSurveys.$inferSelect;

/**
 * Households per compound, kept by statement-level triggers on `households` (migration 0020), so
 * coverage by households (DOMAIN.md §13) reads 3,000 rows instead of counting 500,000 (issue 11
 * target ≤ 200 ms). A compound without households has no row (0).
 */
export const compoundHouseholdCounts = pgTable('compound_household_counts', {
  compoundId: integer()
    .primaryKey()
    .references(() => compounds.id, { onDelete: 'cascade' }),
  households: integer().notNull().default(0),
});
