import type Router from '@koa/router';
import { interviewRecordSchema, resurveySchema, surveyCreateSchema, surveyResponseSchema } from '@baotou/shared';
import type { Config } from '@baotou/config';
import type { Db } from '../db/client';
import { requireActor } from '../auth/middleware';
import { getPresented, registerResource } from '../http/resource';
import { surveyResultsResource, surveysResource } from './surveys';
import { closeDueSurveys, closeSurvey, openSurvey, SURVEY_RUNNERS } from './surveysService';
import { defineJob } from '../jobs/queue';

/** The periodic close of surveys past their closing day (main.ts runs it every SURVEY_CLOSE_SWEEP_SECONDS). */
export const SURVEY_CLOSE_JOB = 'supervision.survey-close';
import { answerSurvey, surveyResponsesResource } from './surveyResponses';
import { INTERVIEWERS, interviewsResource, openResurvey, recordInterview } from './interviews';
import { routeId } from '../http/routeId';

const idParam = routeId;

/** Satisfaction surveys, their results, residents' responses and interviews (issue 10; DOMAIN.md §9). */
export function registerSurveyRoutes(router: Router, db: Db, config: Config): void {
  const settings = config.supervisionSurveys;
  const surveysDef = surveysResource();
  const interviewsDef = interviewsResource();

  router.post('/api/surveys', async (ctx) => {
    const actor = requireActor(ctx, SURVEY_RUNNERS);
    const input = surveyCreateSchema.parse(ctx.request.body);
    const id = await db.transaction((tx) => openSurvey(tx, actor, input));
    ctx.status = 201;
    ctx.body = await getPresented(db, surveysDef, actor, id);
  });
  router.post('/api/surveys/:id/close', async (ctx) => {
    const actor = requireActor(ctx, SURVEY_RUNNERS);
    ctx.body = await closeSurvey(db, actor, idParam(ctx.params.id, '满意度测评'), settings);
  });
  router.post('/api/survey-responses', async (ctx) => {
    const actor = requireActor(ctx, ['resident']);
    ctx.body = await answerSurvey(db, actor, surveyResponseSchema.parse(ctx.request.body));
  });
  router.post('/api/interviews/:id/record', async (ctx) => {
    const actor = requireActor(ctx, INTERVIEWERS);
    const id = idParam(ctx.params.id, '约谈');
    await recordInterview(db, actor, id, interviewRecordSchema.parse(ctx.request.body));
    ctx.body = await getPresented(db, interviewsDef, actor, id);
  });
  router.post('/api/interviews/:id/resurvey', async (ctx) => {
    const actor = requireActor(ctx, INTERVIEWERS);
    ctx.status = 201;
    ctx.body = await openResurvey(db, actor, idParam(ctx.params.id, '约谈'), resurveySchema.parse(ctx.request.body));
  });
  registerResource(router, db, surveysDef);
  registerResource(router, db, surveyResultsResource(settings));
  registerResource(router, db, surveyResponsesResource());
  registerResource(router, db, interviewsDef);

  defineJob(SURVEY_CLOSE_JOB, async () => ({ closed: (await closeDueSurveys(db, settings)).length }), {
    title: '结束到期的满意度测评',
    singletonKey: () => 'sweep',
    keepCompleted: false,
  });
}
