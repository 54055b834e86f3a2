import { eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { satisfactionResult, SURVEY_KINDS, SURVEY_SCOPES, SURVEY_STATUSES, type SatisfactionRating } from '@baotou/shared';
import type { SupervisionSurveySettings } from '@baotou/config';
import type { ResourceDef } from '../http/resource';
import type { Actor } from '../auth/actor';
import { filterValue, likeEscape } from '../http/listQuery';
import { isBureau, regionCondition } from '../jurisdiction/scope';
import { residentCompoundIds } from '../places/residentHomes';
import { surveyProjects, surveys } from '../db/schema';

/** The overall answers counted as satisfied under the setting, as an SQL list literal (enum values, no user input). */
export function satisfiedRatings(settings: SupervisionSurveySettings): SatisfactionRating[] {
  return settings.basicSatisfiedCounts ? ['satisfied', 'basically_satisfied'] : ['satisfied'];
}
const sqlList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v.replace(/[^a-z_]/g, '')}'`).join(', '));

/**
 * Who reads a survey: bureau staff whose jurisdiction holds it or any project it covers (a district
 * sees its projects in a city-wide survey), company staff whose projects it covers, residents an
 * open survey covering a compound where they hold a verified home.
 */
function surveyReadScope(actor: Actor): SQL | 'deny' {
  if (isBureau(actor)) {
    return or(
      regionCondition(actor, surveys.regionCode),
      sql`EXISTS (SELECT 1 FROM survey_projects sp WHERE sp.survey_id = ${surveys.id} AND ${regionCondition(actor, sql`sp.region_code`)})`,
    )!;
  }
  if (actor.role === 'company_staff' && actor.companyId)
    return sql`EXISTS (SELECT 1 FROM survey_projects sp WHERE sp.survey_id = ${surveys.id} AND sp.company_id = ${actor.companyId})`;
  if (actor.role === 'resident') {
    return sql`${surveys.status} = 'open' AND EXISTS (SELECT 1 FROM survey_projects sp WHERE sp.survey_id = ${surveys.id} AND sp.compound_id IN ${residentCompoundIds(actor.id)})`;
  }
  return 'deny';
}

export function surveysResource(): ResourceDef {
  return {
    name: 'surveys',
    label: '满意度测评',
    table: surveys,
    id: surveys.id,
    idKind: 'int',
    fields: {
      id: surveys.id,
      title: surveys.title,
      scope: surveys.scope,
      kind: surveys.kind,
      regionCode: surveys.regionCode,
      regionName: sql<string>`(SELECT r.name FROM regions r WHERE r.code = "surveys"."region_code")`,
      projectId: surveys.projectId,
      projectName: sql<string | null>`(SELECT c.name FROM projects p JOIN compounds c ON c.id = p.compound_id WHERE p.id = "surveys"."project_id")`,
      interviewId: surveys.interviewId,
      dimensions: surveys.dimensions,
      opensOn: surveys.opensOn,
      closesOn: surveys.closesOn,
      status: surveys.status,
      closedAt: surveys.closedAt,
      projectCount: sql<number>`(SELECT count(*)::int FROM survey_projects sp WHERE sp.survey_id = "surveys"."id")`,
      warningCount: sql<number>`(SELECT count(*)::int FROM survey_projects sp WHERE sp.survey_id = "surveys"."id" AND sp.warning)`,
      createdAt: surveys.createdAt,
    },
    sortable: {
      id: surveys.id,
      title: surveys.title,
      opensOn: surveys.opensOn,
      closesOn: surveys.closesOn,
      status: surveys.status,
      createdAt: surveys.createdAt,
    },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => ilike(surveys.title, `%${likeEscape(filterValue.string('q', v))}%`),
      status: (v) => eq(surveys.status, filterValue.oneOf('status', v, SURVEY_STATUSES)),
      scope: (v) => eq(surveys.scope, filterValue.oneOf('scope', v, SURVEY_SCOPES)),
      kind: (v) => eq(surveys.kind, filterValue.oneOf('kind', v, SURVEY_KINDS)),
      projectId: (v) =>
        sql`EXISTS (SELECT 1 FROM survey_projects sp WHERE sp.survey_id = ${surveys.id} AND sp.project_id = ${filterValue.int('projectId', v)})`,
      compoundId: (v) =>
        sql`EXISTS (SELECT 1 FROM survey_projects sp WHERE sp.survey_id = ${surveys.id} AND sp.compound_id = ${filterValue.int('compoundId', v)})`,
      regionCode: (v) => sql`${surveys.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
    },
    readScope: surveyReadScope,
  };
}

/**
 * Each project's result in a survey: stored when the survey closed, computed live (the same rule)
 * while it is open. Aggregates only (DOMAIN.md §9): no resource gives staff a single response.
 */
export function surveyResultsResource(settings: SupervisionSurveySettings): ResourceDef {
  const satisfied = sqlList(satisfiedRatings(settings));
  return {
    name: 'survey-results',
    label: '测评结果',
    table: surveyProjects,
    id: surveyProjects.id,
    idKind: 'int',
    fields: {
      id: surveyProjects.id,
      surveyId: surveyProjects.surveyId,
      surveyTitle: sql<string>`(SELECT s.title FROM surveys s WHERE s.id = "survey_projects"."survey_id")`,
      surveyKind: sql<string>`(SELECT s.kind FROM surveys s WHERE s.id = "survey_projects"."survey_id")`,
      surveyStatus: sql<string>`(SELECT s.status FROM surveys s WHERE s.id = "survey_projects"."survey_id")`,
      projectId: surveyProjects.projectId,
      companyId: surveyProjects.companyId,
      companyName: sql<string>`(SELECT c.name FROM companies c WHERE c.id = "survey_projects"."company_id")`,
      compoundId: surveyProjects.compoundId,
      compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "survey_projects"."compound_id")`,
      regionCode: surveyProjects.regionCode,
      occupiedHomes: surveyProjects.occupiedHomes,
      responses: surveyProjects.responses,
      valid: surveyProjects.valid,
      satisfied: surveyProjects.satisfied,
      rateBasisPoints: surveyProjects.rateBasisPoints,
      sampleValid: surveyProjects.sampleValid,
      warning: surveyProjects.warning,
      dimensionSatisfied: surveyProjects.dimensionSatisfied,
      computedAt: surveyProjects.computedAt,
      interviewId: sql<number | null>`(SELECT i.id FROM interviews i WHERE i.survey_project_id = "survey_projects"."id")`,
      liveResponses: sql<number>`(SELECT count(*)::int FROM survey_responses r WHERE r.survey_project_id = "survey_projects"."id")`,
      liveSatisfied: sql<number>`(SELECT count(*)::int FROM survey_responses r WHERE r.survey_project_id = "survey_projects"."id" AND r.overall IN (${satisfied}))`,
      liveOccupied: sql<number>`(SELECT count(*)::int FROM households h WHERE h.compound_id = "survey_projects"."compound_id" AND NOT h.developer_unsold)`,
    },
    sortable: {
      id: surveyProjects.id,
      rateBasisPoints: surveyProjects.rateBasisPoints,
      responses: surveyProjects.responses,
      surveyId: surveyProjects.surveyId,
    },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: (v) => sql`"survey_projects"."compound_id" IN (SELECT c.id FROM compounds c WHERE c.name ILIKE ${'%' + likeEscape(filterValue.string('q', v)) + '%'})`,
      surveyId: (v) => eq(surveyProjects.surveyId, filterValue.int('surveyId', v)),
      projectId: (v) => eq(surveyProjects.projectId, filterValue.int('projectId', v)),
      companyId: (v) => eq(surveyProjects.companyId, filterValue.int('companyId', v)),
      warning: (v) => eq(surveyProjects.warning, filterValue.bool('warning', v)),
      regionCode: (v) => sql`${surveyProjects.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
    },
    readScope: (actor) => {
      if (isBureau(actor)) return regionCondition(actor, surveyProjects.regionCode);
      if (actor.role === 'company_staff' && actor.companyId) return eq(surveyProjects.companyId, actor.companyId);
      return 'deny';
    },
    present: (row) => {
      const { liveResponses, liveSatisfied, liveOccupied, ...rest } = row as Record<string, unknown>;
      if (rest.computedAt) return rest;
      const counts = { satisfied: Number(liveSatisfied), valid: Number(liveResponses), occupiedHomes: Number(liveOccupied) };
      const r = satisfactionResult(counts, settings.thresholds);
      return {
        ...rest,
        occupiedHomes: counts.occupiedHomes,
        responses: counts.valid,
        valid: counts.valid,
        satisfied: counts.satisfied,
        rateBasisPoints: r.rateBasisPoints,
        sampleValid: r.valid,
        warning: r.warning,
      };
    },
  };
}
