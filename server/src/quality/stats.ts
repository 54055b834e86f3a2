import { sql } from 'drizzle-orm';
import { targetFor } from '@baotou/config';
import { COST_ITEMS, costComposition, feeSummary, jurisdictionPrefix, levelAtOrAbove, type CostItem, type QualityStatsGroup } from '@baotou/shared';
import type { DbOrTx } from '../db/client';
import { currentLevelSql } from './levels';

export interface QualityStatsGroupRow {
  key: string;
  name: string;
  projects: number;
  atLevel2OrAbove: number;
  upgraded: number;
  awards: number;
  fee: ReturnType<typeof feeSummary>;
  /** From the fees capability when it exists: null = 暂无数据. */
  collectionRate: null;
  /** From the supervision capability when it exists: null = 暂无数据. */
  satisfaction: null;
  costComposition: ReturnType<typeof costComposition>;
}

interface ProjectFact {
  id: number;
  region_code: string;
  fee: number;
  level_code: string | null;
  level_name: string | null;
  level_order: number | null;
}

/**
 * Published statistics of service quality and prices for a year (DOMAIN.md §11; research §5 rule 4),
 * within a region prefix ('150200' = the city), grouped by district or by level:
 * projects whose contract runs in the year, their level as accepted by 31 December (level 2 or above
 * = order ≤ 2), fee per m² (median and range, integer fen), upgrades and awards of the year, and the
 * cost composition companies reported (by their registered district; level groups have none).
 * Collection rate and satisfaction are null until the fees and supervision capabilities exist.
 */
export async function readQualityStats(db: DbOrTx, regionCode: string, year: number, groupBy: QualityStatsGroup) {
  const prefix = `${jurisdictionPrefix(regionCode)}%`;
  const yearEnd = `DATE '${year}-12-31'`; // year is a validated integer
  const q = async <T>(s: ReturnType<typeof sql>) => (await db.execute(s)).rows as T[];
  const [projects, regions, reports, upgraded, awarded] = await Promise.all([
    q<ProjectFact>(sql`
      SELECT p.id, p.region_code, p.fee_fen_per_m_2_month AS fee, l.code AS level_code, l.name AS level_name, l."order" AS level_order
        FROM projects p LEFT JOIN service_levels l ON l.id = ${currentLevelSql('p.id', 'id', 'level', yearEnd)}
       WHERE p.region_code LIKE ${prefix} AND p.start_date <= ${`${year}-12-31`} AND p.end_date >= ${`${year}-01-01`}`),
    q<{ code: string; name: string }>(sql`SELECT code, name FROM regions WHERE level = 'district' AND code LIKE ${prefix}`),
    q<Record<string, string> & { region_code: string }>(sql`SELECT * FROM cost_reports WHERE year = ${year} AND region_code LIKE ${prefix}`),
    q<{ project_id: number }>(
      sql`SELECT i.project_id FROM upgrade_plan_items i JOIN upgrade_plans pl ON pl.id = i.plan_id WHERE pl.year = ${year} AND i.upgraded_on IS NOT NULL AND i.region_code LIKE ${prefix}`,
    ),
    q<{ project_id: number }>(sql`SELECT project_id FROM awards WHERE year = ${year} AND region_code LIKE ${prefix}`),
  ]);
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const keyOf = (p: ProjectFact) => (groupBy === 'district' ? p.region_code.slice(0, 6) : (p.level_code ?? ''));
  const nameOf = (key: string, p?: ProjectFact) => (groupBy === 'district' ? (regionName.get(key) ?? key) : key ? (p?.level_name ?? key) : '未评定');
  const costOf = (rows: typeof reports) =>
    costComposition(
      rows.map((r) => Object.fromEntries(COST_ITEMS.map((k) => [k, Number(r[k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)])])) as Record<CostItem, number>),
    );

  const summarise = (key: string, name: string, group: ProjectFact[], costRows: typeof reports | null): QualityStatsGroupRow => {
    const ids = new Set(group.map((p) => p.id));
    return {
      key,
      name,
      projects: group.length,
      atLevel2OrAbove: group.filter((p) => levelAtOrAbove(p.level_order === null ? null : { order: Number(p.level_order) }, 2)).length,
      upgraded: new Set(upgraded.filter((u) => ids.has(u.project_id)).map((u) => u.project_id)).size,
      awards: awarded.filter((a) => ids.has(a.project_id)).length,
      fee: feeSummary(group.map((p) => Number(p.fee))),
      collectionRate: null,
      satisfaction: null,
      costComposition: costRows ? costOf(costRows) : null,
    };
  };

  const byKey = new Map<string, ProjectFact[]>();
  if (groupBy === 'district') for (const r of regions) byKey.set(r.code, []);
  for (const p of projects) byKey.set(keyOf(p), [...(byKey.get(keyOf(p)) ?? []), p]);
  const groups = [...byKey.entries()]
    .map(([key, group]) => summarise(key, nameOf(key, group[0]), group, groupBy === 'district' ? reports.filter((r) => r.region_code.startsWith(key)) : null))
    .sort((a, b) => (groupBy === 'district' ? a.key.localeCompare(b.key) : a.key === '' ? 1 : b.key === '' ? -1 : levelOrder(a.key) - levelOrder(b.key)));
  function levelOrder(code: string) {
    return Number(projects.find((p) => p.level_code === code)?.level_order ?? 0);
  }
  const target = targetFor(year);
  return {
    year,
    groupBy,
    target: target ? { projectsAtLevel2OrAbove: target.projectsAtLevel2OrAbove, excellentProjects: target.excellentProjects } : null,
    totals: summarise('total', '合计', projects, reports),
    groups,
  };
}
