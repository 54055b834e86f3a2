import type Router from '@koa/router';
import { qualityStatsQuerySchema } from '@baotou/shared';
import type { Db } from '../db/client';
import { readDb } from '../db/replica';
import { registerResource } from '../http/resource';
import { forbidden } from '../http/errors';
import { requireActor } from '../auth/middleware';
import { isBureau } from '../jurisdiction/scope';
import { assessApplication, levelAssessmentsResource, pathId } from './assessments';
import { awardsResource } from './awards';
import { costReportsResource } from './costReports';
import { feeGuidanceResource } from './feeGuidance';
import { serviceLevelsResource } from './levels';
import { decidePlan, upgradePlanItemsResource, upgradePlansResource } from './plans';
import { registerPublicPriceStats } from './publicPriceStats';
import { readQualityStats } from './stats';
import { statsWorkbook } from './statsWorkbook';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Issue 12, service levels half: scales, assessments, upgrade plans, awards, fee guidance, cost reports, statistics. */
export function registerQualityLevelRoutes(router: Router, db: Db): void {
  registerPublicPriceStats(router, db);

  router.post('/api/level-assessments/:id/assess', async (ctx) => {
    ctx.body = await assessApplication(db, requireActor(ctx), pathId(ctx.params.id, '等级评定申请'), ctx.request.body);
  });
  for (const decision of ['approve', 'return'] as const) {
    router.post(`/api/upgrade-plans/:id/${decision}`, async (ctx) => {
      ctx.body = await decidePlan(db, requireActor(ctx), pathId(ctx.params.id, '提档升级计划'), decision === 'approve' ? 'approved' : 'returned');
    });
  }

  router.get('/api/quality/stats', async (ctx) => {
    const actor = requireActor(ctx);
    if (!isBureau(actor)) throw forbidden('ROLE_FORBIDDEN', '当前角色无权查看服务质量统计');
    const { year, groupBy } = qualityStatsQuerySchema.parse(ctx.query);
    ctx.body = await readQualityStats(readDb(db), actor.regionCode!, year, groupBy);
  });

  router.get('/api/quality/stats.xlsx', async (ctx) => {
    const actor = requireActor(ctx);
    if (!isBureau(actor)) throw forbidden('ROLE_FORBIDDEN', '当前角色无权查看服务质量统计');
    const { year } = qualityStatsQuerySchema.parse(ctx.query);
    const [district, level] = await Promise.all([
      readQualityStats(readDb(db), actor.regionCode!, year, 'district'),
      readQualityStats(readDb(db), actor.regionCode!, year, 'level'),
    ]);
    ctx.type = XLSX;
    ctx.set('Content-Disposition', `attachment; filename="quality-stats-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${year}年服务质量统计.xlsx`)}`);
    ctx.body = await statsWorkbook(year, [
      { title: '按区县', groups: district.groups, totals: district.totals },
      { title: '按服务等级', groups: level.groups, totals: level.totals },
    ]);
  });

  for (const def of [
    serviceLevelsResource(),
    levelAssessmentsResource(),
    upgradePlansResource(),
    upgradePlanItemsResource(),
    awardsResource(),
    feeGuidanceResource(),
    costReportsResource(),
  ]) {
    registerResource(router, db, def);
  }
}
