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
import { creditRatingsResource, creditScoresResource, evaluateYear, liveScore, readEvaluation } from './ratings';
import { registerPublicCredit } from './publicCredit';
import { useCreditSettings } from './settings';

/** Issue 10, credit half (S3): items, objections, live scores, the yearly evaluation, the public page. */
export function registerCreditItemRoutes(router: Router, db: Db, config: Config): void {
  useCreditSettings(config.credit);
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
    const { created, evaluation } = await evaluateYear(db, requireActor(ctx), ctx.request.body);
    ctx.status = created ? 202 : 200;
    ctx.body = evaluation;
  });

  for (const def of [creditItemsResource(), creditObjectionsResource(), creditRatingsResource(), creditScoresResource()]) registerResource(router, db, def);
}
