import type { KpiFigure, KpiIndicator } from '@baotou/shared';
import type { DbOrTx } from '../db/client';
import { readTargets, type KpiQuery, type KpiTargets } from './figures';

/**
 * The dashboard's figures by (region, grouping, year, date), kept `seconds` in memory as the JSON
 * text sent (issue 14: repeated reads ≤ 30 ms): a hit is one read of the year's targets (a handful
 * of rows by a unique index) and a map lookup, with no recomputation and no re-serialising.
 *
 * Freshness, in every server process (several may serve one database):
 * - the targets are read on every request and are part of the entry's key, so a target added,
 *   corrected or removed anywhere shows on the next read (and a year left without targets is 400);
 * - the counts (committees, compounds, projects, ratings, staff) are at most `seconds` old.
 * Authority is checked before a lookup, so a cached answer never crosses jurisdictions.
 */
interface Entry {
  at: number;
  targets: string;
  body: Promise<string>;
}
const entries = new Map<string, Entry>();
const MAX_ENTRIES = 500;

/** The targets as they bear on the figures: indicator and value, in a fixed order. */
function targetsStamp(targets: KpiTargets): string {
  return [...targets]
    .map(([indicator, t]: [KpiIndicator, { value: number }]) => `${indicator}=${t.value}`)
    .sort()
    .join(',');
}

/**
 * GET /api/kpi's answer as JSON text. `compute` gets the targets just read (so the figures and the
 * entry's key agree). Throws 400 NO_TARGETS (readTargets) for a year without targets.
 */
export async function cachedKpiJson(db: DbOrTx, q: KpiQuery, seconds: number, compute: (targets: KpiTargets) => Promise<KpiFigure[]>): Promise<string> {
  const targets = await readTargets(db, q.year);
  if (seconds <= 0) return JSON.stringify(await compute(targets));
  const stamp = targetsStamp(targets);
  const key = `${q.scopeCode}|${q.groupBy}|${q.year}|${q.asOf}|${q.today}`;
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.targets === stamp && now - hit.at < seconds * 1000) return hit.body;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  const body = compute(targets).then((figures) => JSON.stringify(figures));
  const entry: Entry = { at: now, targets: stamp, body };
  entries.set(key, entry);
  // a failed computation is not kept
  body.catch(() => entries.get(key) === entry && entries.delete(key));
  return body;
}

/** Forgets every cached figure (frees memory when targets change here; correctness does not depend on it). */
export function clearKpiCache(): void {
  entries.clear();
}
