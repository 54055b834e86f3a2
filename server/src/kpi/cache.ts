import type { KpiFigure } from '@baotou/shared';
import type { KpiQuery } from './figures';

/**
 * The dashboard's figures by (region, grouping, year, date), kept `seconds` in memory: the figures
 * are read by many and change slowly (issue 14: repeated reads ≤ 30 ms). Authority is checked
 * before a lookup, so a cached answer never crosses jurisdictions. A change of targets clears it.
 */
const entries = new Map<string, { at: number; value: Promise<KpiFigure[]> }>();
const MAX_ENTRIES = 500;

export function cachedFigures(q: KpiQuery, seconds: number, compute: () => Promise<KpiFigure[]>): Promise<KpiFigure[]> {
  if (seconds <= 0) return compute();
  const key = `${q.scopeCode}|${q.groupBy}|${q.year}|${q.asOf}|${q.today}`;
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && now - hit.at < seconds * 1000) return hit.value;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  const value = compute();
  entries.set(key, { at: now, value });
  // a failed computation is not kept
  value.catch(() => entries.get(key)?.value === value && entries.delete(key));
  return value;
}

/** Forgets every cached figure (targets changed). */
export function clearKpiCache(): void {
  entries.clear();
}
