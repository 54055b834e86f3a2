import type Router from '@koa/router';
import { z } from 'zod';
import type { Db } from '../db/client';
import { readDb } from '../db/replica';
import { readQualityStats, type QualityStatsGroupRow } from './stats';
import { statsWorkbook } from './statsWorkbook';

const CITY = '150200';
const querySchema = z.object({
  year: z.coerce.number({ error: '年度必须是数字' }).int('年度必须是整数').min(2000, '年度须在2000–2100年之间').max(2100, '年度须在2000–2100年之间'),
});

/** What the public sees of a group: figures only (no company, no project, no person). */
const publicGroup = (g: QualityStatsGroupRow) => ({
  key: g.key,
  name: g.name,
  projects: g.projects,
  atLevel2OrAbove: g.atLevel2OrAbove,
  fee: g.fee,
  collectionRate: g.collectionRate,
  satisfaction: g.satisfaction,
  costComposition: g.costComposition ? { totalFen: g.costComposition.totalFen, sharesBp: g.costComposition.sharesBp } : null,
});

/**
 * The property association's published statistics (action plan 四(六); DOMAIN.md §11), city-wide,
 * without sign-in: by district and by level, fee per m² (median and range), collection rate and
 * satisfaction (null = 暂无数据 until the fees and supervision capabilities exist), cost composition.
 */
export function registerPublicPriceStats(router: Router, db: Db): void {
  router.get('/api/public/price-stats', async (ctx) => {
    const { year } = querySchema.parse(ctx.query);
    const [district, level] = await Promise.all([readQualityStats(readDb(db), CITY, year, 'district'), readQualityStats(readDb(db), CITY, year, 'level')]);
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = {
      year,
      byDistrict: district.groups.map(publicGroup),
      byLevel: level.groups.map(publicGroup),
      total: publicGroup(district.totals),
    };
  });

  router.get('/api/public/price-stats.xlsx', async (ctx) => {
    const { year } = querySchema.parse(ctx.query);
    const [district, level] = await Promise.all([readQualityStats(readDb(db), CITY, year, 'district'), readQualityStats(readDb(db), CITY, year, 'level')]);
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.set('Content-Disposition', `attachment; filename="price-stats-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${year}年物业服务价格统计.xlsx`)}`);
    ctx.body = await statsWorkbook(year, [
      { title: '按区县', groups: district.groups, totals: district.totals },
      { title: '按服务等级', groups: level.groups, totals: level.totals },
    ]);
  });
}
