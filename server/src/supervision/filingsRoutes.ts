import type Router from '@koa/router';
import type { Db } from '../db/client';
import { registerResource } from '../http/resource';
import { requireActor } from '../auth/middleware';
import { pathId } from '../quality/assessments';
import { defineJob } from '../jobs/queue';
import { auditRefusals } from '../credit/blacklistRefusals';
import { filingsResource, reviewFiling } from './filings';
import { filingStandingsResource, sweepFilings } from './filingsStanding';

/** The periodic filings sweep's job name (main.ts runs it every FILING_SWEEP_SECONDS). */
export const FILING_SWEEP_JOB = 'supervision.filing-sweep';

/** Issue 10, filings: contract and project-manager filings, their review, the standing alert and the credit sweep. */
export function registerFilingRoutes(router: Router, db: Db): void {
  router.use('/api/filings', auditRefusals(db, 'filings'));
  router.post('/api/filings/:id/review', async (ctx) => {
    ctx.body = await reviewFiling(db, requireActor(ctx), pathId(ctx.params.id, '备案'), ctx.request.body);
  });
  registerResource(router, db, filingsResource());
  registerResource(router, db, filingStandingsResource());
  // Missing or expired filings become credit items (issue 10): idempotent, so a replay records nothing twice.
  defineJob(FILING_SWEEP_JOB, async () => sweepFilings(db, new Date()), {
    title: '备案缺失与齐全的信用记录',
    singletonKey: () => 'sweep',
    keepCompleted: false,
  });
}
