import type Router from '@koa/router';
import type { Config } from '@baotou/config';
import type { Db } from '../db/client';
import { requireActor } from '../auth/middleware';
import { registerResource } from '../http/resource';
import { computeKpi } from './figures';
import { KPI_READERS, parseKpiQuery } from './query';
import { kpiTargetsResource } from './targetsResource';

/** Issue 14: the seven yearly targets — targets as data, the figures by region and as at a date. */
export function registerKpiRoutes(router: Router, db: Db, config: Config): void {
  router.get('/api/kpi', async (ctx) => {
    const actor = requireActor(ctx, KPI_READERS);
    ctx.body = await computeKpi(db, parseKpiQuery(actor, ctx.query), config);
  });
  registerResource(router, db, kpiTargetsResource());
}
