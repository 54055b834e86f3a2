import { sql, type SQL } from 'drizzle-orm';
import type { Config } from '@baotou/config';
import { KPI_INDICATORS, jurisdictionPrefix, type KpiFigure, type KpiIndicator } from '@baotou/shared';
import type { DbOrTx } from '../db/client';
import { computeKpi, ratingsPublishedBy, readTargets, type KpiQuery } from './figures';

/** One list behind a figure: column headings and rows of text (Chinese, no personal data). */
export interface KpiList {
  indicator: KpiIndicator;
  title: string;
  headings: string[];
  rows: string[][];
}

/** The other figures the plan tracks (五(三)); null where the capability has recorded nothing: 暂无数据. */
export interface OtherFigure {
  label: string;
  value: string | null;
}

export interface KpiReport {
  query: KpiQuery;
  regionName: string;
  figures: KpiFigure[];
  targetDocuments: string[];
  lists: KpiList[];
  others: OtherFigure[];
}

async function rowsOf<T>(db: DbOrTx, q: SQL): Promise<T[]> {
  return (await db.execute(q)).rows as T[];
}

/** The rows behind each figure, within the scope, as at the date (same conditions as figures.ts). */
async function readLists(db: DbOrTx, q: KpiQuery, config: Config): Promise<KpiList[]> {
  const prefix = `${jurisdictionPrefix(q.scopeCode)}%`;
  const asOf = q.asOf;
  const windowEnd = asOf < `${q.year}-12-31` ? asOf : `${q.year}-12-31`;
  const inOffice = q.today
    ? sql`k.status = 'in_office'`
    : sql`k.status <> 'preparing' AND k.term_start <= ${asOf}::date AND (k.term_end IS NULL OR k.term_end >= ${asOf}::date)`;
  const regionName = sql`coalesce((SELECT r.name FROM regions r WHERE r.code = left(x.region_code, 9)), (SELECT r.name FROM regions r WHERE r.code = left(x.region_code, 6)), x.region_code)`;
  const [committees, projects, awards, ratings, training] = await Promise.all([
    rowsOf<{ name: string; region: string; kind: string; term_start: string | null }>(
      db,
      sql`
      SELECT x.name, ${regionName} AS region,
             (SELECT CASE k.kind WHEN 'owners_committee' THEN '业主委员会' ELSE '物业管理委员会' END FROM committees k
               WHERE k.compound_id = x.id AND k.kind <> 'preparatory' AND ${inOffice} ORDER BY k.id DESC LIMIT 1) AS kind,
             (SELECT k.term_start::text FROM committees k WHERE k.compound_id = x.id AND k.kind <> 'preparatory' AND ${inOffice} ORDER BY k.id DESC LIMIT 1) AS term_start
        FROM compounds x
       WHERE x.region_code LIKE ${prefix} AND (x.retired_at IS NULL OR x.retired_at >= ((${asOf}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))
         AND EXISTS (SELECT 1 FROM committees k WHERE k.compound_id = x.id AND k.kind <> 'preparatory' AND ${inOffice})
       ORDER BY x.region_code, x.name`,
    ),
    rowsOf<{ compound: string; company: string; level: string; decided_on: string; region: string }>(
      db,
      sql`
      SELECT * FROM (
        SELECT c.name AS compound, co.name AS company, x.region_code,
               (SELECT l.name || '|' || a.decided_on::text || '|' || l."order" FROM level_assessments a JOIN service_levels l ON l.id = a.level_id
                 WHERE a.project_id = x.id AND a.status = 'accepted' AND l.scale = 'level' AND a.decided_on <= ${asOf}::date
                 ORDER BY a.decided_on DESC, a.id DESC LIMIT 1) AS level, ${regionName} AS region
          FROM projects x JOIN compounds c ON c.id = x.compound_id JOIN companies co ON co.id = x.company_id
         WHERE x.region_code LIKE ${prefix} AND x.start_date <= ${asOf}::date AND x.end_date >= ${asOf}::date) p
       WHERE split_part(p.level, '|', 3)::int <= 2
       ORDER BY p.region_code, p.compound`,
    ),
    rowsOf<{ compound: string; kinds: string; years: string; region: string }>(
      db,
      sql`
      SELECT c.name AS compound, string_agg(DISTINCT CASE x.kind WHEN 'demonstration' THEN '示范项目' ELSE '区域优秀项目' END, '、') AS kinds,
             string_agg(DISTINCT x.year::text, '、') AS years, min(${regionName}) AS region
        FROM awards x JOIN projects p ON p.id = x.project_id JOIN compounds c ON c.id = p.compound_id
       WHERE x.region_code LIKE ${prefix} AND x.year <= ${Number(asOf.slice(0, 4))}
       GROUP BY p.id, c.name ORDER BY min(x.region_code), c.name`,
    ),
    rowsOf<{ company: string; score: number; year: number; region: string }>(
      db,
      sql`
      SELECT co.name AS company, x.score_tenths AS score, x.year, ${regionName} AS region
        FROM credit_ratings x JOIN companies co ON co.id = x.company_id
       WHERE x.region_code LIKE ${prefix} AND x.grade = 'AAA'
         AND x.year = (SELECT max(year) FROM credit_ratings WHERE year <= ${q.year} AND published_at < ${ratingsPublishedBy(q)})
       ORDER BY x.score_tenths DESC, co.name`,
    ),
    rowsOf<{ company: string; hired: number; trained: number; specialists: number; qualified: number }>(
      db,
      sql`
      WITH s AS (
        SELECT s.id, s.company_id, s.hired_on,
               (s.hired_on >= ${`${q.year}-01-01`}::date AND s.hired_on <= ${windowEnd}::date) AS hired_in_year,
               (s.specialist AND s.hired_on <= ${windowEnd}::date AND (s.left_on IS NULL OR s.left_on >= ${windowEnd}::date)) AS on_end
          FROM staff s WHERE s.region_code LIKE ${prefix}
      ), h AS (
        SELECT t.staff_id, sum(t.hours_tenths)::int AS tenths FROM trainings t
         WHERE t.kind = 'continuing' AND t.trained_on >= ${`${q.year}-01-01`}::date AND t.trained_on <= ${windowEnd}::date
           AND t.staff_id IN (SELECT id FROM s WHERE on_end) GROUP BY 1
      )
      SELECT co.name AS company,
             count(*) FILTER (WHERE s.hired_in_year)::int AS hired,
             count(*) FILTER (WHERE s.hired_in_year AND EXISTS (SELECT 1 FROM trainings t WHERE t.staff_id = s.id AND t.kind = 'pre_job'
                AND t.trained_on <= s.hired_on + ${config.training.preJobGraceDays}::int AND t.trained_on <= ${asOf}::date))::int AS trained,
             count(*) FILTER (WHERE s.on_end)::int AS specialists,
             count(*) FILTER (WHERE s.on_end AND coalesce(h.tenths, 0) >= ${config.training.continuingHoursTenths}::int)::int AS qualified
        FROM s JOIN companies co ON co.id = s.company_id LEFT JOIN h ON h.staff_id = s.id
       GROUP BY co.id, co.name HAVING count(*) FILTER (WHERE s.hired_in_year OR s.on_end) > 0
       ORDER BY co.name`,
    ),
  ]);
  return [
    {
      indicator: 'committee_formation',
      title: '已组建业主委员会（物业管理委员会）的小区',
      headings: ['小区', '区域', '组织', '任期起始'],
      rows: committees.map((r) => [r.name, r.region, r.kind, r.term_start ?? '未登记']),
    },
    {
      indicator: 'projects_level_two',
      title: '二级及以上服务等级项目',
      headings: ['项目（小区）', '物业企业', '区域', '等级', '认定日期'],
      rows: projects.map((r) => {
        const [level, on] = r.level.split('|');
        return [r.compound, r.company, r.region, level, on];
      }),
    },
    {
      indicator: 'excellent_projects',
      title: '区域优秀示范项目',
      headings: ['项目（小区）', '区域', '称号', '年度'],
      rows: awards.map((r) => [r.compound, r.region, r.kinds, r.years]),
    },
    {
      indicator: 'aaa_companies',
      title: 'AAA级信用企业',
      headings: ['企业', '区域', '信用分', '评价年度'],
      rows: ratings.map((r) => [r.company, r.region, (r.score / 10).toFixed(1), String(r.year)]),
    },
    {
      indicator: 'pre_job_training',
      title: '各企业培训情况（岗前培训、继续教育）',
      headings: ['企业', '当年入职', '按时岗前培训', '专业岗位人员', '继续教育达标'],
      rows: training.map((r) => [r.company, String(r.hired), String(r.trained), String(r.specialists), String(r.qualified)]),
    },
  ];
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${Math.floor((n * 1000) / d) / 10}%`);

/** A figure from a capability that may not have recorded anything yet: null (暂无数据) when its tables are absent or empty. */
async function optional(db: DbOrTx, q: SQL, format: (row: Record<string, number | null>) => string | null): Promise<string | null> {
  try {
    const [row] = await rowsOf<Record<string, number | null>>(db, q);
    return row ? format(row) : null;
  } catch {
    return null; // the capability's tables are not there (not landed): no data, never a made-up figure
  }
}

async function readOthers(db: DbOrTx, q: KpiQuery): Promise<OtherFigure[]> {
  const prefix = `${jurisdictionPrefix(q.scopeCode)}%`;
  const from = `${q.year}-01-01`;
  const end = sql`((${q.asOf}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
  const inYear = (col: string) => sql`${sql.raw(col)} >= (${from}::date::timestamp AT TIME ZONE 'Asia/Shanghai') AND ${sql.raw(col)} < ${end}`;
  const [complaints, warnings, interviews, hazards, subsidies, applications] = await Promise.all([
    optional(
      db,
      sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE status IN ('confirmed', 'closed'))::int AS closed,
                            count(*) FILTER (WHERE status IN ('confirmed', 'closed') AND NOT overran)::int AS on_time
                       FROM tickets WHERE kind = 'complaint' AND region_code LIKE ${prefix} AND ${inYear('created_at')}`,
      (r) =>
        r.total
          ? `受理${r.total}件，办结${r.closed}件（办结率${pct(r.closed!, r.total!)}），按时办结${r.on_time}件（按时率${pct(r.on_time!, r.closed!)}）`
          : null,
    ),
    optional(
      db,
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE warning)::int AS warned FROM survey_projects WHERE region_code LIKE ${prefix} AND ${inYear('created_at')}`,
      (r) => (r.n ? `测评项目${r.n}个，满意度预警${r.warned}个` : null),
    ),
    optional(
      db,
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE held_at IS NOT NULL)::int AS held FROM interviews WHERE region_code LIKE ${prefix} AND ${inYear('created_at')}`,
      (r) => (r.n ? `约谈${r.n}次，已约谈${r.held}次` : null),
    ),
    optional(
      db,
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE status <> 'closed' AND deadline_at < ${end})::int AS overdue FROM hazards WHERE region_code LIKE ${prefix} AND created_at < ${end}`,
      (r) => (r.n ? `隐患${r.n}处，逾期未整改${r.overdue}处` : null),
    ),
    optional(
      db,
      sql`SELECT count(*)::int AS n, coalesce(sum(total_fen), 0)::bigint AS fen FROM subsidy_batches WHERE region_code LIKE ${prefix} AND year = ${q.year} AND status = 'paid' AND paid_at < ${end}`,
      (r) => (r.n ? `已拨付${r.n}批，合计${(Number(r.fen) / 100).toFixed(2)}元` : null),
    ),
    optional(
      db,
      sql`SELECT count(*)::int AS n FROM fund_applications WHERE region_code LIKE ${prefix} AND status <> 'draft' AND ${inYear('created_at')}`,
      (r) => (r.n ? `网上办理${r.n}件` : null),
    ),
  ]);
  return [
    { label: '投诉办结率与按时办结率', value: complaints },
    { label: '满意度测评预警', value: warnings },
    { label: '约谈', value: interviews },
    { label: '逾期未整改隐患', value: hazards },
    { label: '准物业补助拨付', value: subsidies },
    { label: '维修资金使用申请网上办理', value: applications },
  ];
}

/** Everything the yearly assessment report shows (五(三)), for one region and year, as at the date. */
export async function readKpiReport(db: DbOrTx, q: KpiQuery, config: Config): Promise<KpiReport> {
  const [figures, targets, lists, others, names] = await Promise.all([
    computeKpi(db, q, config),
    readTargets(db, q.year),
    readLists(db, q, config),
    readOthers(db, q),
    rowsOf<{ name: string }>(db, sql`SELECT name FROM regions WHERE code = ${q.scopeCode}`),
  ]);
  return {
    query: q,
    regionName: names[0]?.name ?? q.scopeCode,
    figures,
    targetDocuments: [...new Set(KPI_INDICATORS.map((i) => targets.get(i)?.document).filter((d): d is string => !!d))],
    lists,
    others,
  };
}
