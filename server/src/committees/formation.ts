import type Router from '@koa/router';
import { sql, type SQL } from 'drizzle-orm';
import { targetFor } from '@baotou/config';
import { formationRate } from '@baotou/shared';
import type { Db } from '../db/client';
import { requireActor } from '../auth/middleware';
import { badRequest } from '../http/errors';
import { BUREAU_ROLES, regionCondition } from '../jurisdiction/scope';

/** A compound with an owners' or property-management committee in office; the compounds list filters with it too. */
export const compoundHasCommittee = (compoundId: SQL) =>
  sql`EXISTS (SELECT 1 FROM committees k WHERE k.compound_id = ${compoundId} AND k.status = 'in_office' AND k.kind <> 'preparatory')`;

/** The compounds behind each figure (the console links to them; each figure equals their count, issue 16 §2). */
const formationDrills = (code: string) => ({
  residential: { resource: 'compounds', filter: { regionCode: code, retired: false } },
  withCommittee: { resource: 'compounds', filter: { regionCode: code, retired: false, committee: true } },
});

/**
 * Committee formation rate (action plan 三): compounds with an owners' or property-management
 * committee in office ÷ residential compounds (a compound merged into another no longer counts), by
 * district or street, against the year's target.
 */
export function registerFormationRoute(router: Router, db: Db): void {
  router.get('/api/committees/formation', async (ctx) => {
    const actor = requireActor(ctx, BUREAU_ROLES);
    const groupBy = ctx.query.groupBy ?? 'district';
    if (groupBy !== 'district' && groupBy !== 'street') throw badRequest('BAD_QUERY', 'groupBy 只能是 district 或 street');
    const yearText = String(ctx.query.year ?? new Date().getFullYear());
    if (!/^\d{4}$/.test(yearText)) throw badRequest('BAD_QUERY', 'year 必须是四位年份');
    const width = groupBy === 'district' ? 6 : 9;
    const result = await db.execute(sql`
      SELECT left(c.region_code, ${width}) AS code, r.name,
             count(*)::int AS residential,
             count(*) FILTER (WHERE ${compoundHasCommittee(sql`c.id`)})::int AS "withCommittee"
        FROM compounds c LEFT JOIN regions r ON r.code = left(c.region_code, ${width})
       WHERE ${regionCondition(actor, sql`c.region_code`)} AND c.retired_at IS NULL
       GROUP BY 1, 2 ORDER BY 1`);
    const targetPct = targetFor(Number(yearText))?.committeeFormationPct;
    ctx.body = (result.rows as { code: string; name: string; residential: number; withCommittee: number }[]).map((r) => ({
      ...r,
      ...formationRate(r.withCommittee, r.residential, targetPct),
      targetPct: targetPct ?? null,
      drills: formationDrills(r.code),
    }));
  });
}
