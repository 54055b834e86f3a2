import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { surveyResponseSchema, SurveyDimension } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import type { ResourceDef } from '../http/resource';
import { surveyProjects, surveyResponses } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { filterValue } from '../http/listQuery';
import { beijingDate } from '../jurisdiction/scope';
import { loadSurvey } from './surveysService';
import { residentHomeIds, verifiedHome } from '../places/residentHomes';

/**
 * A resident's own answers, for the homes they hold verified (to show and change them). Staff never
 * read single responses (DOMAIN.md §9: aggregates only, `survey-results`): 403 for every other role.
 */
export function surveyResponsesResource(): ResourceDef {
  return {
    name: 'survey-responses',
    label: '测评答卷',
    table: surveyResponses,
    id: surveyResponses.id,
    idKind: 'int',
    fields: {
      id: surveyResponses.id,
      surveyId: surveyResponses.surveyId,
      householdId: surveyResponses.householdId,
      answers: surveyResponses.answers,
      overall: surveyResponses.overall,
      comment: surveyResponses.comment,
      updatedAt: surveyResponses.updatedAt,
    },
    sortable: { id: surveyResponses.id, updatedAt: surveyResponses.updatedAt },
    defaultSort: ['id', 'DESC'],
    filters: {
      surveyId: (v) => eq(surveyResponses.surveyId, filterValue.int('surveyId', v)),
      householdId: (v) => eq(surveyResponses.householdId, filterValue.int('householdId', v)),
    },
    readScope: (actor) => {
      if (actor.role !== 'resident') return 'deny';
      return sql`${surveyResponses.householdId} IN ${residentHomeIds(actor.id)}`;
    },
  };
}

/**
 * One response per home (DOMAIN.md §9), changeable until the survey closes: an upsert on
 * (survey, household) under the unique index survey_responses_survey_household_idx, so parallel
 * answers for one home leave one row. The survey row is read FOR SHARE, so a close waits for
 * answers in flight and answers after it see it closed. Refusals: 403 for a home the resident has
 * not verified or one the survey does not cover; 404 for a survey they cannot see; 409 before it
 * opens or after it closes; 400 when the answers do not match the survey's dimensions.
 * The audit row records that the home answered, never what.
 */
export async function answerSurvey(db: Db, actor: Actor, input: z.infer<typeof surveyResponseSchema>) {
  return db.transaction(async (tx) => {
    const claim = await verifiedHome(tx, actor.id, input.householdId);
    if (!claim) throw forbidden('HOME_NOT_VERIFIED', '只能为本人已认证的房屋填写测评');
    const [survey] = await tx.execute(sql`SELECT id FROM surveys WHERE id = ${input.surveyId} FOR SHARE`).then((r) => r.rows);
    if (!survey) throw notFound('满意度测评');
    const s = await loadSurvey(tx, input.surveyId);
    const [sp] = await tx
      .select()
      .from(surveyProjects)
      .where(and(eq(surveyProjects.surveyId, s.id), eq(surveyProjects.compoundId, claim.compoundId)))
      .limit(1);
    if (!sp) throw forbidden('HOME_NOT_IN_SURVEY', '该房屋所在项目不在本次测评范围内');
    const today = beijingDate();
    if (s.status === 'closed' || s.closesOn < today) throw conflict('SURVEY_CLOSED', '测评已结束，不能再填写或修改');
    if (s.opensOn > today) throw conflict('SURVEY_NOT_OPEN', '测评尚未开始');
    const asked = new Set<SurveyDimension>(s.dimensions);
    const given = Object.keys(input.answers) as SurveyDimension[];
    const missing = [...asked].filter((d) => !input.answers[d]);
    if (missing.length || given.some((d) => !asked.has(d))) throw badRequest('VALIDATION_FAILED', '请对每一项作出评价', { answers: '请对每一项作出评价' });
    const values = { answers: input.answers, overall: input.overall, comment: input.comment ?? null, userId: actor.id };
    const [row] = await tx
      .insert(surveyResponses)
      .values({ surveyId: s.id, surveyProjectId: sp.id, householdId: input.householdId, compoundId: sp.compoundId, regionCode: sp.regionCode, ...values })
      .onConflictDoUpdate({ target: [surveyResponses.surveyId, surveyResponses.householdId], set: { ...values, updatedAt: new Date() } })
      .returning({ id: surveyResponses.id, createdAt: surveyResponses.createdAt, updatedAt: surveyResponses.updatedAt });
    const changed = row.updatedAt.getTime() !== row.createdAt.getTime();
    await writeAudit(tx, actor, {
      action: 'survey_answer',
      entity: 'surveys',
      entityId: s.id,
      after: { householdId: input.householdId, responseId: row.id, changed },
      regionCode: sp.regionCode,
    });
    return { id: row.id, surveyId: s.id, householdId: input.householdId, ...values, changed };
  });
}
