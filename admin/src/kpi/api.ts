import { KPI_INDICATOR_UNITS, type KpiFigure, type KpiIndicator } from '@baotou/shared';
import { getJson } from '../committees/api';

export type { KpiFigure };

export const fetchKpi = (params: { year: number; asOf?: string; regionCode?: string }) => {
  const q = new URLSearchParams({ year: String(params.year) });
  if (params.asOf) q.set('asOf', params.asOf);
  if (params.regionCode) q.set('regionCode', params.regionCode);
  return getJson<KpiFigure[]>(`/kpi?${q}`);
};

/** A figure as a number for charts: per cent with one decimal for ratios (null for 0 ÷ 0), the count for counts. */
export function chartValue(f: KpiFigure): number | null {
  if (!f.actual) return null;
  if ('count' in f.actual) return f.actual.count;
  if (f.actual.denominator === 0) return null;
  return Math.floor((f.actual.numerator * 1000) / f.actual.denominator) / 10;
}

/** The target in the chart's unit (per cent for ratios). */
export const chartTarget = (indicator: KpiIndicator, target: number | null) =>
  target === null ? null : KPI_INDICATOR_UNITS[indicator] === 'ratio' ? target / 10 : target;

export const chartFormat = (indicator: KpiIndicator) => (v: number) => (KPI_INDICATOR_UNITS[indicator] === 'ratio' ? `${v}%` : `${v}`);

/** The console list behind a figure, with its filter (react-admin reads ?filter=). */
export const drillHref = (d: NonNullable<KpiFigure['drill']>) => `#/${d.resource}?filter=${encodeURIComponent(JSON.stringify(d.filter))}`;

/** The years that have targets set (GET /api/kpi-targets), newest first. */
export async function targetYears(): Promise<number[]> {
  const rows = await getJson<{ year: number }[]>(
    `/kpi-targets?filter=${encodeURIComponent('{}')}&sort=${encodeURIComponent('["year","DESC"]')}&range=${encodeURIComponent('[0,499]')}`,
  );
  return [...new Set(rows.map((r) => r.year))];
}

/** The latest year, up to this one, with targets set, or null when none is. */
export async function latestTargetYear(): Promise<number | null> {
  const thisYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  return (await targetYears()).find((y) => y <= thisYear) ?? null;
}
