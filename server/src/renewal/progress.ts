import type Router from '@koa/router';
import { sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { targetFor, type Config } from '@baotou/config';
import { RENEWAL_CLASSIFICATIONS, coverageRate, type CoverageInput, type ManagementMode, type RenewalClassification } from '@baotou/shared';
import type { Db } from '../db/client';
import { readDb } from '../db/replica';
import { requireActor } from '../auth/middleware';
import { badRequest } from '../http/errors';
import { regionCondition } from '../jurisdiction/scope';
import { SURVEYED_TYPES } from './surveys';

/** Who reads the renewal figures: bureau staff who survey or classify (in their jurisdiction). */
const FIGURE_READERS = ['city_admin', 'district_staff', 'street_staff', 'community_staff'] as const;
const GROUP_WIDTH = { district: 6, street: 9 } as const;
const oldTypes = sql.raw(SURVEYED_TYPES.map((t) => `'${t}'`).join(', '));

function groupByOf(raw: unknown): keyof typeof GROUP_WIDTH {
  const g = raw ?? 'district';
  if (g !== 'district' && g !== 'street') throw badRequest('BAD_QUERY', 'groupBy 只能是 district 或 street', { groupBy: '只能按区或街道汇总' });
  return g;
}

/** The regions of a level within the actor's jurisdiction (groups with no compounds still appear). */
async function groups(db: Db, actor: Actor, level: keyof typeof GROUP_WIDTH) {
  // a street officer grouping by district sees their own district (the ancestor of their region)
  const { rows } = await db.execute(
    sql`SELECT r.code, r.name FROM regions r WHERE r.level = ${level} AND (${regionCondition(actor, sql`r.code`)} OR ${actor.regionCode ?? ''} LIKE r.code || '%') ORDER BY r.code`,
  );
  return rows as { code: string; name: string }[];
}

/**
 * Survey progress and classification by district or street (issue 11): old compounds and single
 * buildings (merged, retired compounds left out), how many are surveyed (draft / submitted), classified, and each confirmed
 * classification; a map of the same compounds with their coordinates.
 */
export function registerRenewalFigures(router: Router, db: Db, config: Config): void {
  router.get('/api/renewal/progress', async (ctx) => {
    const actor = requireActor(ctx, FIGURE_READERS);
    const level = groupByOf(ctx.query.groupBy);
    const width = GROUP_WIDTH[level];
    const [regionRows, { rows }] = await Promise.all([
      groups(db, actor, level),
      db.execute(sql`
        SELECT left(c.region_code, ${width}) AS code,
               count(*)::int AS "oldCompounds",
               count(s.id)::int AS surveyed,
               count(*) FILTER (WHERE s.status = 'draft')::int AS drafts,
               count(*) FILTER (WHERE s.status = 'submitted')::int AS submitted,
               count(s.classification)::int AS classified,
               ${sql.join(
                 RENEWAL_CLASSIFICATIONS.map((k) => sql`count(*) FILTER (WHERE s.classification = ${k})::int AS ${sql.identifier(k)}`),
                 sql`, `,
               )}
          FROM compounds c LEFT JOIN renewal_surveys s ON s.compound_id = c.id
         WHERE c.type IN (${oldTypes}) AND c.retired_into_compound_id IS NULL AND ${regionCondition(actor, sql`c.region_code`)}
         GROUP BY 1`),
    ]);
    const byCode = new Map((rows as Record<string, number | string>[]).map((r) => [r.code as string, r]));
    const zero = { oldCompounds: 0, surveyed: 0, drafts: 0, submitted: 0, classified: 0, ...Object.fromEntries(RENEWAL_CLASSIFICATIONS.map((k) => [k, 0])) };
    ctx.body = regionRows.map((g) => {
      const r = (byCode.get(g.code) ?? {}) as Record<string, number>;
      const counts = Object.fromEntries(Object.keys(zero).map((k) => [k, r[k] ?? 0])) as typeof zero & Record<RenewalClassification, number>;
      return { code: g.code, name: g.name, ...counts };
    });
  });

  router.get('/api/renewal/map', async (ctx) => {
    const actor = requireActor(ctx, FIGURE_READERS);
    const { rows } = await db.execute(sql`
      SELECT c.id, c.code, c.name, left(c.region_code, 6) AS "districtCode", c.lat::float8 AS lat, c.lng::float8 AS lng,
             c.management_mode AS "managementMode", s.id AS "surveyId", s.status, s.proposed_classification AS "proposedClassification", s.classification
        FROM compounds c LEFT JOIN renewal_surveys s ON s.compound_id = c.id
       WHERE c.type IN (${oldTypes}) AND c.retired_into_compound_id IS NULL AND ${regionCondition(actor, sql`c.region_code`)}
       ORDER BY c.id`);
    ctx.body = rows;
  });

  router.get('/api/renewal/coverage', async (ctx) => {
    const actor = requireActor(ctx, FIGURE_READERS);
    const level = groupByOf(ctx.query.groupBy);
    const yearText = String(ctx.query.year ?? new Date().getFullYear());
    if (!/^\d{4}$/.test(yearText) || Number(yearText) < 2000 || Number(yearText) > 2100)
      throw badRequest('BAD_QUERY', 'year 必须是2000至2100之间的年份', { year: '年份无效' });
    const width = GROUP_WIDTH[level];
    const [regionRows, { rows }] = await Promise.all([
      groups(readDb(db), actor, level),
      readDb(db).execute(sql`
        SELECT left(c.region_code, ${width}) AS "group", c.management_mode AS mode, count(*)::int AS compounds,
               coalesce(sum(round(c.total_area * 100)), 0)::bigint AS "floorAreaCenti",
               coalesce(sum(h.households), 0)::int AS households
          FROM compounds c
          LEFT JOIN compound_household_counts h ON h.compound_id = c.id
         WHERE c.retired_into_compound_id IS NULL AND ${regionCondition(actor, sql`c.region_code`)}
         GROUP BY 1, 2`),
    ]);
    const target = targetFor(Number(yearText))?.managementCoveragePermille ?? null;
    const known = new Set(regionRows.map((g) => g.code));
    const input: CoverageInput[] = (rows as { group: string; mode: ManagementMode; compounds: number; floorAreaCenti: string | number; households: number }[])
      // a compound filed under a region code with no region row still counts city-wide
      .map((r) => ({ ...r, group: known.has(r.group) ? r.group : '—', floorAreaCenti: Number(r.floorAreaCenti) }));
    const names = new Map(regionRows.map((g) => [g.code, g.name]));
    const codes = [...regionRows.map((g) => g.code), ...(input.some((r) => r.group === '—') ? ['—'] : [])];
    const result = coverageRate(input, { groups: codes, coveredModes: config.renewalSurvey.coveredModes, targetPermille: target });
    ctx.body = {
      year: Number(yearText),
      targetPermille: target,
      coveredModes: config.renewalSurvey.coveredModes,
      groups: result.groups.map((g) => ({ ...g, code: g.group, name: names.get(g.group) ?? '未登记区域' })),
      total: { ...result.total, code: 'total', name: '合计' },
    };
  });
}
