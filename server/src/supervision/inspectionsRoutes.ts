import type Router from '@koa/router';
import type { Config } from '@baotou/config';
import type { Db } from '../db/client';
import { registerResource } from '../http/resource';
import { requireActor } from '../auth/middleware';
import { pathId } from '../quality/assessments';
import { defineJob } from '../jobs/queue';
import { checklistItemsResource } from './checklist';
import { inspectionsResource } from './inspections';
import { hazardsResource, rectifyHazard, reportUnfixable, sweepOverdueHazards, verifyHazard } from './hazards';

/** The periodic sweep's job name (main.ts runs it every HAZARD_SWEEP_SECONDS). */
export const HAZARD_SWEEP_JOB = 'supervision.hazard-sweep';

/** Issue 10, inspections half: the checklist, inspections and patrols, hazards and their workflow. */
export function registerInspectionRoutes(router: Router, db: Db, config: Config): void {
  router.post('/api/hazards/:id/rectify', async (ctx) => {
    ctx.body = await rectifyHazard(db, requireActor(ctx), pathId(ctx.params.id, '隐患'), ctx.request.body);
  });
  router.post('/api/hazards/:id/verify', async (ctx) => {
    ctx.body = await verifyHazard(db, requireActor(ctx), pathId(ctx.params.id, '隐患'), ctx.request.body);
  });
  router.post('/api/hazards/:id/report', async (ctx) => {
    ctx.body = await reportUnfixable(db, requireActor(ctx), pathId(ctx.params.id, '隐患'), ctx.request.body);
  });
  for (const def of [checklistItemsResource(), inspectionsResource(config.supervision), hazardsResource()]) registerResource(router, db, def);

  // Overdue hazards are reported to the street or district (DOMAIN.md §10): idempotent, so a replay reports nothing twice.
  defineJob(HAZARD_SWEEP_JOB, async () => ({ reported: (await sweepOverdueHazards(db, new Date())).length }), {
    singletonKey: () => 'sweep',
    keepCompleted: false,
    retryLimit: 0,
    title: '隐患逾期上报',
  });
}
