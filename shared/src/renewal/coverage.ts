import { MANAGEMENT_MODES, type ManagementMode } from '../places/enums';

/** Management modes that can count as covered (DOMAIN.md §13): every mode but `none`. */
export const MANAGED_MODES = ['professional', 'quasi', 'community', 'self'] as const satisfies readonly ManagementMode[];

/**
 * One row of input: compounds of one group (a district, or the city) under one management mode,
 * with their floor area (centi-m²) and households. A single compound is a row with `compounds: 1`.
 */
export interface CoverageInput {
  group: string;
  mode: ManagementMode;
  compounds: number;
  floorAreaCenti: number;
  households: number;
}

/** covered ÷ total as an integer pair; `permille` is the ratio rounded half up, for display only. */
export interface Ratio {
  covered: number;
  total: number;
  permille: number | null;
}

export interface CoverageTally {
  group: string;
  compounds: Ratio;
  /** The headline (DOMAIN.md §13). */
  floorArea: Ratio;
  households: Ratio;
  /** Compounds under each mode (the breakdown by type is always shown). */
  byMode: Record<ManagementMode, number>;
  /** Whether the headline reaches the target (permille), exactly: covered × 1000 ≥ target × total; null without a target or compounds. */
  meetsTarget: boolean | null;
}

function ratio(covered: number, total: number): Ratio {
  // BigInt: floor areas summed city-wide times 1000 can pass 2^53.
  const permille = total === 0 ? null : Number((BigInt(covered) * BigInt(2000) + BigInt(total)) / (BigInt(2) * BigInt(total)));
  return { covered, total, permille };
}

function checkCount(label: string, v: number) {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${label} must be a non-negative integer, got ${v}`);
}

/**
 * `coverageRate(rows, { groups, coveredModes, targetPermille })` → one tally per group, in the
 * order of `groups` (a group with no compounds appears with 0 / 0 and `permille` null), then the
 * whole as the ratio of totals (group `'total'`; never an average of the group ratios — DOMAIN §13).
 * Coverage (DOMAIN.md §13; research §8): compounds whose mode is one of `coveredModes` (a setting;
 * default all four managed modes) ÷ all compounds, by compound count, floor area (centi-m²,
 * headline) and households. Throws on a mode outside MANAGEMENT_MODES, `none` among the covered
 * modes, a row of an unlisted group, negative or fractional counts, or a target outside 0..1000.
 */
export function coverageRate(
  rows: readonly CoverageInput[],
  opts: { groups: readonly string[]; coveredModes?: readonly ManagementMode[]; targetPermille?: number | null },
): { groups: CoverageTally[]; total: CoverageTally } {
  const covered = opts.coveredModes ?? MANAGED_MODES;
  for (const m of covered) if (!(MANAGED_MODES as readonly string[]).includes(m)) throw new RangeError(`management mode ${m} cannot count as covered`);
  const target = opts.targetPermille ?? null;
  if (target !== null && (!Number.isInteger(target) || target < 0 || target > 1000)) throw new RangeError(`target ${target} must be 0..1000 per mille`);

  type Acc = { c: [number, number]; a: [number, number]; h: [number, number]; byMode: Record<ManagementMode, number> };
  const empty = (): Acc => ({
    c: [0, 0],
    a: [0, 0],
    h: [0, 0],
    byMode: Object.fromEntries(MANAGEMENT_MODES.map((m) => [m, 0])) as Record<ManagementMode, number>,
  });
  const acc = new Map<string, Acc>(opts.groups.map((g) => [g, empty()]));
  const all = empty();
  for (const r of rows) {
    if (!MANAGEMENT_MODES.includes(r.mode)) throw new RangeError(`unknown management mode ${String(r.mode)}`);
    checkCount('compounds', r.compounds);
    checkCount('floorAreaCenti', r.floorAreaCenti);
    checkCount('households', r.households);
    const g = acc.get(r.group);
    if (!g) throw new RangeError(`row of unlisted group ${r.group}`);
    const isCovered = covered.includes(r.mode);
    for (const x of [g, all]) {
      x.c[1] += r.compounds;
      x.a[1] += r.floorAreaCenti;
      x.h[1] += r.households;
      if (isCovered) {
        x.c[0] += r.compounds;
        x.a[0] += r.floorAreaCenti;
        x.h[0] += r.households;
      }
      x.byMode[r.mode] += r.compounds;
    }
  }
  const tally = (group: string, x: Acc): CoverageTally => ({
    group,
    compounds: ratio(...x.c),
    floorArea: ratio(...x.a),
    households: ratio(...x.h),
    byMode: x.byMode,
    meetsTarget: target === null || x.a[1] === 0 ? null : BigInt(x.a[0]) * BigInt(1000) >= BigInt(target) * BigInt(x.a[1]),
  });
  return { groups: opts.groups.map((g) => tally(g, acc.get(g)!)), total: tally('total', all) };
}
