import { sql, type SQL } from 'drizzle-orm';
import type { Config } from '@baotou/config';
import {
  KPI_INDICATORS,
  KPI_INDICATOR_UNITS,
  assessIndicator,
  coverageRate,
  jurisdictionPrefix,
  regionLevel,
  sumActuals,
  type KpiActual,
  type KpiFigure,
  type KpiGroup,
  type KpiIndicator,
  type ManagementMode,
} from '@baotou/shared';
import type { DbOrTx } from '../db/client';
import { badRequest } from '../http/errors';

const CITY_LEVEL = 'city';
const GROUP_WIDTH: Record<KpiGroup, number> = { district: 6, street: 9 };

export interface KpiQuery {
  /** The region looked at: the city, a district or a street (already checked against jurisdiction). */
  scopeCode: string;
  groupBy: KpiGroup;
  /** The year whose targets apply. */
  year: number;
  /** 'YYYY-MM-DD' (Beijing): the record as it was at the end of that day. */
  asOf: string;
  /** Whether asOf is today (figures read today's statuses, exactly as the console's lists do). */
  today: boolean;
}

type ByGroup = Map<string, KpiActual>;

/** A year's targets by indicator: value (per mille for ratios, counts for counts) and the document setting it. */
export type KpiTargets = Map<KpiIndicator, { value: number; document: string }>;

/** The targets of a year; 400 NO_TARGETS when the year has none. */
export async function readTargets(db: DbOrTx, year: number): Promise<KpiTargets> {
  const { rows } = await db.execute(sql`SELECT indicator, value, document FROM kpi_targets WHERE year = ${year}`);
  if (!rows.length) throw badRequest('NO_TARGETS', `${year}年尚未设定年度目标，请先在“年度目标”中录入`, { year: `${year}年尚未设定年度目标` });
  return new Map((rows as { indicator: KpiIndicator; value: number; document: string }[]).map((r) => [r.indicator, { value: r.value, document: r.document }]));
}

async function rowsOf<T>(db: DbOrTx, q: SQL): Promise<T[]> {
  return (await db.execute(q)).rows as T[];
}

const pairs = (rows: { key: string; n: number | string; d: number | string }[]): ByGroup =>
  new Map(rows.map((r) => [r.key, { numerator: Number(r.n), denominator: Number(r.d) }]));
const counts = (rows: { key: string; n: number | string }[]): ByGroup => new Map(rows.map((r) => [r.key, { count: Number(r.n) }]));

/**
 * Each indicator by group within the scope, as at `asOf`. Each returns the per-group actuals and
 * whether the record's history let it be recomputed for a past date.
 */
function indicatorQueries(db: DbOrTx, q: KpiQuery, config: Config) {
  const prefix = `${jurisdictionPrefix(q.scopeCode)}%`;
  const width = GROUP_WIDTH[q.groupBy];
  const key = (col: string) => sql.raw(`left(${col}, ${width})`);
  const asOf = q.asOf;
  const yearFirst = `${q.year}-01-01`;
  // a year's training window ends on 31 December, or earlier when looking at a date within the year
  const windowEnd = asOf < `${q.year}-12-31` ? asOf : `${q.year}-12-31`;

  return {
    /** Compounds with an owners' or management committee in office ÷ residential compounds (not merged away). */
    async committee_formation() {
      const inOffice = q.today
        ? sql`k.status = 'in_office'`
        : sql`k.status <> 'preparing' AND k.term_start <= ${asOf}::date AND (k.term_end IS NULL OR k.term_end >= ${asOf}::date)`;
      const [groups, missing] = await Promise.all([
        rowsOf<{ key: string; n: number; d: number }>(
          db,
          sql`
          SELECT ${key('c.region_code')} AS key, count(*)::int AS d,
                 count(*) FILTER (WHERE EXISTS (SELECT 1 FROM committees k WHERE k.compound_id = c.id AND k.kind <> 'preparatory' AND ${inOffice}))::int AS n
            FROM compounds c
           WHERE c.region_code LIKE ${prefix} AND (c.retired_at IS NULL OR c.retired_at >= ((${asOf}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))
           GROUP BY 1`,
        ),
        q.today
          ? Promise.resolve([{ n: 0 }])
          : rowsOf<{ n: number }>(
              db,
              sql`
              SELECT count(*)::int AS n FROM committees k JOIN compounds c ON c.id = k.compound_id
               WHERE c.region_code LIKE ${prefix} AND k.kind <> 'preparatory' AND k.status <> 'preparing' AND k.term_start IS NULL`,
            ),
      ]);
      const gaps = Number(missing[0]?.n ?? 0);
      return {
        byGroup: pairs(groups),
        history: gaps ? ('missing' as const) : ('complete' as const),
        note: gaps ? `${gaps}个业主委员会未登记任期起始日期，无法判断其当日是否在任，未计入` : null,
      };
    },
    /** Headline coverage: floor area under a covered management mode ÷ all floor area (DOMAIN.md §13; renewal's setting). */
    async management_coverage() {
      const rows = await rowsOf<{ key: string; mode: ManagementMode; compounds: number; area: string; households: number }>(
        db,
        sql`
        SELECT ${key('c.region_code')} AS key, c.management_mode AS mode, count(*)::int AS compounds,
               coalesce(sum(round(c.total_area * 100)), 0)::bigint AS area, 0 AS households
          FROM compounds c
         WHERE c.region_code LIKE ${prefix} AND c.retired_into_compound_id IS NULL
         GROUP BY 1, 2`,
      );
      const keys = [...new Set(rows.map((r) => r.key))];
      const tally = coverageRate(
        rows.map((r) => ({ group: r.key, mode: r.mode, compounds: r.compounds, floorAreaCenti: Number(r.area), households: 0 })),
        { groups: keys, coveredModes: config.renewalSurvey.coveredModes },
      );
      return {
        byGroup: new Map<string, KpiActual>(tally.groups.map((g) => [g.group, { numerator: g.floorArea.covered, denominator: g.floorArea.total }])),
        history: q.today ? ('complete' as const) : ('missing' as const),
        note: q.today ? null : '小区管理模式未保存变更日期，按当前登记的管理模式计算',
      };
    },
    /** Projects whose contract runs on asOf at a level of order ≤ 2 by their latest accepted assessment on or before asOf. */
    async projects_level_two() {
      const rows = await rowsOf<{ key: string; n: number }>(
        db,
        sql`
        SELECT ${key('p.region_code')} AS key, count(*)::int AS n
          FROM projects p
         WHERE p.region_code LIKE ${prefix} AND p.start_date <= ${asOf}::date AND p.end_date >= ${asOf}::date
           AND (SELECT l."order" FROM level_assessments a JOIN service_levels l ON l.id = a.level_id
                 WHERE a.project_id = p.id AND a.status = 'accepted' AND l.scale = 'level' AND a.decided_on <= ${asOf}::date
                 ORDER BY a.decided_on DESC, a.id DESC LIMIT 1) <= 2
         GROUP BY 1`,
      );
      return { byGroup: counts(rows), history: 'complete' as const, note: null };
    },
    /** Distinct projects with a regional-excellent or demonstration award of the year or before. */
    async excellent_projects() {
      const rows = await rowsOf<{ key: string; n: number }>(
        db,
        sql`
        SELECT ${key('a.region_code')} AS key, count(DISTINCT a.project_id)::int AS n
          FROM awards a
         WHERE a.region_code LIKE ${prefix} AND a.year <= ${Number(asOf.slice(0, 4))}
         GROUP BY 1`,
      );
      return { byGroup: counts(rows), history: 'complete' as const, note: null };
    },
    /** Companies graded AAA in the latest yearly credit rating published by asOf (credit capability). */
    async aaa_companies() {
      const latest = await rowsOf<{ year: number | null }>(
        db,
        sql`
        SELECT max(year)::int AS year FROM credit_ratings WHERE year <= ${q.year} AND published_at < ${ratingsPublishedBy(q)}`,
      );
      const ratedYear = latest[0]?.year ?? null;
      if (ratedYear === null) return { byGroup: null, history: 'complete' as const, note: '暂无数据：尚未公布年度信用评价' };
      const rows = await rowsOf<{ key: string; n: number }>(
        db,
        sql`
        SELECT ${key('r.region_code')} AS key, count(*)::int AS n
          FROM credit_ratings r
         WHERE r.region_code LIKE ${prefix} AND r.year = ${ratedYear} AND r.grade = 'AAA'
         GROUP BY 1`,
      );
      return {
        byGroup: counts(rows),
        history: 'complete' as const,
        note: ratedYear === q.year ? null : `按${ratedYear}年度信用评价（${q.year}年度尚未公布）`,
        ratedYear,
      };
    },
    /** Staff hired in the year trained by their start date (+ grace) ÷ staff hired in the year (DOMAIN.md §13). */
    async pre_job_training() {
      const rows = await rowsOf<{ key: string; n: number; d: number }>(
        db,
        sql`
        SELECT ${key('s.region_code')} AS key, count(*)::int AS d,
               count(*) FILTER (WHERE EXISTS (
                 SELECT 1 FROM trainings t WHERE t.staff_id = s.id AND t.kind = 'pre_job'
                    AND t.trained_on <= s.hired_on + ${config.training.preJobGraceDays}::int AND t.trained_on <= ${asOf}::date))::int AS n
          FROM staff s
         WHERE s.region_code LIKE ${prefix} AND s.hired_on >= ${yearFirst}::date AND s.hired_on <= ${windowEnd}::date
         GROUP BY 1`,
      );
      return { byGroup: pairs(rows), history: 'complete' as const, note: null };
    },
    /** Specialist-post staff employed at the window's end with ≥ the required hours in the year ÷ those staff. */
    async continuing_education() {
      const rows = await rowsOf<{ key: string; n: number; d: number }>(
        db,
        sql`
        WITH s AS (
          SELECT id, region_code FROM staff
           WHERE region_code LIKE ${prefix} AND specialist AND hired_on <= ${windowEnd}::date AND (left_on IS NULL OR left_on >= ${windowEnd}::date)
        ), h AS (
          SELECT t.staff_id, sum(t.hours_tenths)::int AS tenths FROM trainings t
           WHERE t.kind = 'continuing' AND t.trained_on >= ${yearFirst}::date AND t.trained_on <= ${windowEnd}::date AND t.staff_id IN (SELECT id FROM s)
           GROUP BY 1
        )
        SELECT ${key('s.region_code')} AS key, count(*)::int AS d,
               count(*) FILTER (WHERE coalesce(h.tenths, 0) >= ${config.training.continuingHoursTenths}::int)::int AS n
          FROM s LEFT JOIN h ON h.staff_id = s.id
         GROUP BY 1`,
      );
      return { byGroup: pairs(rows), history: 'complete' as const, note: null };
    },
  } satisfies Record<KpiIndicator, () => Promise<{ byGroup: ByGroup | null; history: 'complete' | 'missing'; note: string | null }>>;
}

/**
 * SQL: the moment by which a credit rating must be published to count. A year's evaluation is
 * published after the year ends (DOMAIN.md §5: yearly, frozen and published), so the figure at a
 * year's 31 December counts that year's evaluation once it is out (up to today); at any other
 * date, only what had been published by the end of that day.
 */
export function ratingsPublishedBy(q: KpiQuery): SQL {
  const day = q.asOf === `${q.year}-12-31` ? sql`now()` : sql`((${q.asOf}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
  return sql`${day}`;
}

export const KPI_SOURCES: Record<KpiIndicator, string> = {
  committee_formation: 'committees',
  management_coverage: 'renewal',
  projects_level_two: 'quality',
  excellent_projects: 'quality',
  aaa_companies: 'credit',
  pre_job_training: 'quality',
  continuing_education: 'quality',
};

/** The console list behind a figure, filtered to the region (the figure equals its count where the list can say it exactly). */
function drillOf(indicator: KpiIndicator, regionCode: string, q: KpiQuery, extra: { ratedYear?: number }): KpiFigure['drill'] {
  const region = jurisdictionPrefix(regionCode);
  switch (indicator) {
    case 'committee_formation':
      return { resource: 'compounds', filter: { regionCode: region, retired: false, committee: true } };
    case 'management_coverage':
      return { resource: 'compounds', filter: { regionCode: region } };
    case 'projects_level_two':
      return q.today
        ? { resource: 'projects', filter: { regionCode: region, levelTwoOrAbove: true } }
        : { resource: 'projects', filter: { regionCode: region } };
    case 'excellent_projects':
      return { resource: 'projects', filter: { regionCode: region, awardedUpTo: Number(q.asOf.slice(0, 4)) } };
    case 'aaa_companies':
      return extra.ratedYear ? { resource: 'credit-ratings', filter: { regionCode: region, year: extra.ratedYear, grade: 'AAA' } } : null;
    case 'pre_job_training':
      return { resource: 'staff', filter: { regionCode: region, hiredYear: q.year } };
    case 'continuing_education':
      return { resource: 'staff', filter: { regionCode: region, specialist: true, employed: true } };
  }
}

export interface KpiRegion {
  code: string;
  name: string;
}

/** The regions a scope is broken down into (districts of the city, streets of a district…), in code order. */
export async function groupRegions(db: DbOrTx, scopeCode: string, groupBy: KpiGroup): Promise<KpiRegion[]> {
  return rowsOf<KpiRegion>(db, sql`SELECT code, name FROM regions WHERE level = ${groupBy} AND code LIKE ${`${jurisdictionPrefix(scopeCode)}%`} ORDER BY code`);
}

/**
 * GET /api/kpi's figures: for each indicator, one row per region of the breakdown and one for the
 * scope itself (its regionCode), each the sum of the counts below it (ratios of totals, DOMAIN.md
 * §13), against the year's target. Ratio targets apply to every region; count targets are the
 * city's, so only the city row carries them. A capability with nothing recorded yields actual null.
 * `yearTargets`: the year's targets when the caller has just read them (the cache's key), else read here.
 */
export async function computeKpi(db: DbOrTx, q: KpiQuery, config: Config, yearTargets?: KpiTargets): Promise<KpiFigure[]> {
  const [targets, regions, scopeName] = await Promise.all([
    yearTargets ?? readTargets(db, q.year),
    groupRegions(db, q.scopeCode, q.groupBy),
    rowsOf<{ name: string }>(db, sql`SELECT name FROM regions WHERE code = ${q.scopeCode}`),
  ]);
  const queries = indicatorQueries(db, q, config);
  const results = await Promise.all(KPI_INDICATORS.map((i) => queries[i]()));
  const isCity = regionLevel(q.scopeCode) === CITY_LEVEL;
  const out: KpiFigure[] = [];
  KPI_INDICATORS.forEach((indicator, idx) => {
    const r = results[idx] as { byGroup: ByGroup | null; history: 'complete' | 'missing'; note: string | null; ratedYear?: number };
    const unit = KPI_INDICATOR_UNITS[indicator];
    const target = targets.get(indicator)?.value ?? null;
    const figure = (regionCode: string, regionName: string, actual: KpiActual | null, ownTarget: number | null): KpiFigure => {
      const a = actual ? assessIndicator(indicator, actual, ownTarget) : { met: null, gap: null };
      return {
        indicator,
        regionCode,
        regionName,
        target: ownTarget,
        actual,
        unit,
        source: KPI_SOURCES[indicator],
        met: a.met,
        gap: a.gap,
        history: r.history,
        note: r.note,
        drill: actual ? drillOf(indicator, regionCode, q, { ratedYear: r.ratedYear }) : null,
      };
    };
    const zero: KpiActual = unit === 'ratio' ? { numerator: 0, denominator: 0 } : { count: 0 };
    const regionTarget = unit === 'ratio' ? target : null;
    for (const region of regions) out.push(figure(region.code, region.name, r.byGroup ? (r.byGroup.get(region.code) ?? zero) : null, regionTarget));
    // the scope's own figure counts everything under it, including rows filed under a region code without a region row
    const total = r.byGroup ? sumActuals([...r.byGroup.values()], unit) : null;
    out.push(figure(q.scopeCode, scopeName[0]?.name ?? q.scopeCode, total, isCity || unit === 'ratio' ? target : null));
  });
  return out;
}
