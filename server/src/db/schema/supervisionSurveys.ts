import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import {
  INTERVIEW_STATUSES,
  SATISFACTION_RATINGS,
  SURVEY_KINDS,
  SURVEY_SCOPES,
  SURVEY_STATUSES,
  type SatisfactionRating,
  type SurveyDimension,
} from '@baotou/shared';
import { id, regionCode, timestamps } from './columns';
import { users } from './auth';
import { compounds, households } from './places';
import { companies, projects } from './companies';

export const surveyScope = pgEnum('survey_scope', SURVEY_SCOPES);
export const surveyStatus = pgEnum('survey_status', SURVEY_STATUSES);
export const surveyKind = pgEnum('survey_kind', SURVEY_KINDS);
export const satisfactionRating = pgEnum('satisfaction_rating', SATISFACTION_RATINGS);
export const interviewStatus = pgEnum('interview_status', INTERVIEW_STATUSES);

/**
 * An owner satisfaction survey (action plan 四(九)1; DOMAIN.md §9): one project, a district's
 * projects or the city's, open from opensOn to closesOn (Beijing days, inclusive) or until closed.
 */
export const surveys = pgTable(
  'surveys',
  {
    id: id(),
    title: varchar({ length: 100 }).notNull(),
    scope: surveyScope().notNull(),
    kind: surveyKind().notNull(),
    /** The region it covers (project: the project's; district: the district; city: the city), for jurisdiction. */
    regionCode: regionCode(),
    /** scope project: the project surveyed. */
    projectId: integer().references(() => projects.id, { onDelete: 'restrict' }),
    /** A re-survey: the interview it follows (no foreign key: interviews point back here). */
    interviewId: integer(),
    dimensions: jsonb().$type<SurveyDimension[]>().notNull(),
    opensOn: date().notNull(),
    closesOn: date().notNull(),
    status: surveyStatus().notNull(),
    closedAt: timestamp({ withTimezone: true }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    // the console's list within a jurisdiction
    index('surveys_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    // a project's surveys
    index('surveys_project_idx').on(t.projectId),
  ],
);

/**
 * The projects a survey covers (fixed when it opens) and each one's result, computed when it
 * closes: aggregates only (DOMAIN.md §9; staff never read who answered what).
 */
export const surveyProjects = pgTable(
  'survey_projects',
  {
    id: id(),
    surveyId: integer()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    /** Set when the survey closes. */
    occupiedHomes: integer(),
    responses: integer(),
    valid: integer(),
    satisfied: integer(),
    rateBasisPoints: integer(),
    sampleValid: boolean(),
    warning: boolean(),
    /** Per-dimension satisfied counts, for the report only (research §2 rule 3). */
    dimensionSatisfied: jsonb().$type<Partial<Record<SurveyDimension, number>>>(),
    computedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // one result per project and survey
    uniqueIndex('survey_projects_survey_project_idx').on(t.surveyId, t.projectId),
    // a resident's open survey: by compound
    index('survey_projects_compound_idx').on(t.compoundId),
    // company staff's own projects' results
    index('survey_projects_company_idx').on(t.companyId),
    index('survey_projects_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

/** One response per home and survey (DOMAIN.md §9), changed in place until the survey closes. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: id(),
    surveyId: integer()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    surveyProjectId: integer()
      .notNull()
      .references(() => surveyProjects.id, { onDelete: 'cascade' }),
    householdId: integer()
      .notNull()
      .references(() => households.id, { onDelete: 'restrict' }),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    /** The resident who last answered for the home. */
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    answers: jsonb().$type<Partial<Record<SurveyDimension, SatisfactionRating>>>().notNull(),
    overall: satisfactionRating().notNull(),
    comment: varchar({ length: 500 }),
    ...timestamps,
  },
  (t) => [
    // one response per home: the upsert's conflict target
    uniqueIndex('survey_responses_survey_household_idx').on(t.surveyId, t.householdId),
    // a project's aggregate at closing
    index('survey_responses_survey_project_idx').on(t.surveyProjectId),
  ],
);

/**
 * An interview (约谈) with a project's manager after a warning (action plan 四(九)1; research §2
 * rule 6): one per warned result; time, attendees, rectification items, deadline, minutes; then a re-survey.
 */
export const interviews = pgTable(
  'interviews',
  {
    id: id(),
    surveyId: integer()
      .notNull()
      .references(() => surveys.id, { onDelete: 'restrict' }),
    surveyProjectId: integer()
      .notNull()
      .references(() => surveyProjects.id, { onDelete: 'restrict' }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    managerName: varchar({ length: 40 }).notNull(),
    rateBasisPoints: integer().notNull(),
    scheduledAt: timestamp({ withTimezone: true }),
    location: varchar({ length: 100 }),
    attendees: varchar({ length: 500 }),
    rectificationItems: text(),
    deadline: date(),
    minutes: text(),
    status: interviewStatus().notNull(),
    heldAt: timestamp({ withTimezone: true }),
    resurveyId: integer().references(() => surveys.id, { onDelete: 'restrict' }),
    ...timestamps,
  },
  (t) => [
    // one interview per warned result (closing twice cannot raise two)
    uniqueIndex('interviews_survey_project_idx').on(t.surveyProjectId),
    index('interviews_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    // company staff's own interviews
    index('interviews_company_idx').on(t.companyId),
  ],
);

export type Survey = typeof surveys.$inferSelect;
export type SurveyProject = typeof surveyProjects.$inferSelect;
export type SurveyResponse = typeof surveyResponses.$inferSelect;
export type Interview = typeof interviews.$inferSelect;
