import type Router from '@koa/router';
import type { Config } from '@baotou/config';
import type { Db } from '../db/client';
import { registerResource } from '../http/resource';
import { requireActor } from '../auth/middleware';
import { forbidden } from '../http/errors';
import { isBureau } from '../jurisdiction/scope';
import { pathId } from '../quality/assessments';
import { creditItemTypes, creditItemsResource } from './items';
import { answerObjection, creditObjectionsResource } from './objections';
import {
  creditRatingsResource,
  creditScoresResource,
  evaluateYear,
  liveScore,
  readEvaluation,
  refreshStaleScores,
  runEvaluation,
  type EvaluationStarter,
} from './ratings';
import { sweepTicketAndPartyCreditItems } from './ticketRules';
import { defineJob, enqueueJob } from '../jobs/queue';
import { registerPublicCredit } from './publicCredit';
import { useCreditSettings } from './settings';

/** The yearly evaluation as a background job (contract 3): resumable, one run per evaluation. */
export const CREDIT_EVALUATION_JOB = 'credit.evaluation';
/** Rule items from tickets and party data, then stale live scores (run every CREDIT_SWEEP_INTERVAL_SECONDS by main.ts). */
export const CREDIT_SWEEP_JOB = 'credit.sweep';

const startEvaluationJob: EvaluationStarter = async (_db, evaluationId, actor) => (await enqueueJob(CREDIT_EVALUATION_JOB, { evaluationId }, actor)).jobId;

/** Issue 10, credit half (S3): items, objections, live scores, the yearly evaluation, the public page. */
export function registerCreditItemRoutes(router: Router, db: Db, config: Config): void {
  useCreditSettings(config.credit);
  defineJob<{ evaluationId: number }>(
    CREDIT_EVALUATION_JOB,
    async ({ evaluationId }, job) => {
      const done = await runEvaluation(db, evaluationId, (d, total) => job.progress(d, total, '已评价企业'));
      return { year: done.year, companies: done.done };
    },
    { title: '年度信用评价', singletonKey: (d) => `evaluation:${d.evaluationId}` },
  );
  defineJob(CREDIT_SWEEP_JOB, async () => ({ recorded: await sweepTicketAndPartyCreditItems(db), refreshed: await refreshStaleScores(db) }), {
    title: '信用规则事项汇总',
    singletonKey: () => 'sweep',
    keepCompleted: false,
  });
  registerPublicCredit(router, db);

  /** Item types with label, part of the score, range and source document (rules and manual types). */
  router.get('/api/credit-item-types', async (ctx) => {
    const actor = requireActor(ctx);
    if (!isBureau(actor) && actor.role !== 'company_staff') throw forbidden('ROLE_FORBIDDEN', '当前角色无权查看信用事项类型');
    ctx.body = creditItemTypes();
  });

  router.post('/api/credit-objections/:id/answer', async (ctx) => {
    ctx.body = await answerObjection(db, requireActor(ctx), pathId(ctx.params.id, '信用异议'), ctx.request.body);
  });

  // Before the credit-ratings resource, whose GET /:id would take "live".
  router.get('/api/credit-ratings/live', async (ctx) => {
    ctx.body = await liveScore(db, requireActor(ctx), ctx.query.companyId);
  });
  router.get('/api/credit-ratings/evaluations/:year', async (ctx) => {
    ctx.body = await readEvaluation(db, requireActor(ctx), ctx.params.year);
  });
  router.post('/api/credit-ratings/evaluate', async (ctx) => {
    const { created, evaluation } = await evaluateYear(db, requireActor(ctx), ctx.request.body, startEvaluationJob);
    ctx.status = created ? 202 : 200;
    ctx.body = evaluation;
  });

  for (const def of [creditItemsResource(), creditObjectionsResource(), creditRatingsResource(), creditScoresResource()]) registerResource(router, db, def);
}
