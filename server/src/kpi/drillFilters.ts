import { sql, type SQL } from 'drizzle-orm';
import { badRequest } from '../http/errors';
import { filterValue } from '../http/listQuery';
import { beijingDate } from '../jurisdiction/scope';

/**
 * Filters the projects list takes so that it lists exactly the projects behind a KPI figure today
 * (issue 14 drill-down; the same conditions as figures.ts with asOf = today).
 */
export function kpiProjectFilters(project: { id: SQL | unknown; startDate: unknown; endDate: unknown }) {
  return {
    /** true: contract running today and the latest accepted level (order) ≤ 2 — 二级及以上. */
    levelTwoOrAbove: (v: unknown) => {
      const today = beijingDate();
      const cond = sql`(${project.startDate} <= ${today}::date AND ${project.endDate} >= ${today}::date AND (SELECT l."order" FROM level_assessments a JOIN service_levels l ON l.id = a.level_id
        WHERE a.project_id = ${project.id} AND a.status = 'accepted' AND l.scale = 'level' AND a.decided_on <= ${today}::date ORDER BY a.decided_on DESC, a.id DESC LIMIT 1) <= 2)`;
      return filterValue.bool('levelTwoOrAbove', v) ? cond : sql`NOT coalesce(${cond}, false)`;
    },
    /** A year: projects with a regional-excellent or demonstration award of that year or before. */
    awardedUpTo: (v: unknown) => {
      const year = filterValue.int('awardedUpTo', v);
      if (year < 2000 || year > 2100) throw badRequest('BAD_FILTER', '年份无效', { awardedUpTo: '年份无效' });
      return sql`EXISTS (SELECT 1 FROM awards w WHERE w.project_id = ${project.id} AND w.year <= ${year})`;
    },
  };
}
