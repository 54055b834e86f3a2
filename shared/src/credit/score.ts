import { CREDIT_CATEGORIES, type CreditCategory } from './rules';
import { creditItemState, type CreditItemDates } from './items';
import type { CreditGrade } from './grades';

/**
 * The grade of a score in tenths (DOMAIN.md §5; Yantai 烟建住房〔2022〕13号), lower bound included:
 * AAA ≥ 850, AA ≥ 800, A ≥ 700, B ≥ 600, C below (negative scores too).
 * Throws RangeError when totalTenths is not a safe integer.
 */
export function creditGrade(totalTenths: number): CreditGrade {
  if (!Number.isSafeInteger(totalTenths)) throw new RangeError(`score must be integer tenths, got ${String(totalTenths)}`);
  if (totalTenths >= 850) return 'AAA';
  if (totalTenths >= 800) return 'AA';
  if (totalTenths >= 700) return 'A';
  if (totalTenths >= 600) return 'B';
  return 'C';
}

export interface ScoredCreditItem extends CreditItemDates {
  category: CreditCategory;
  /** Signed tenths: base and good ≥ 0, bad ≤ 0. */
  pointsTenths: number;
  /** The project the item is about, or null for a company-level item. */
  projectId: number | null;
}

export interface CreditScoreOptions {
  /**
   * Floor area (centi-m², integers ≥ 0) of each of the company's projects, to weigh project-level
   * items (DOMAIN.md §5; Qiqihar, Beijing): an item counts points × its project's share of the total.
   * Must name every project an item refers to. When the total is 0 (no homes registered) the projects
   * weigh equally. Omitted: every item counts in full (a single-project or unweighted view).
   */
  projectAreas?: Record<number, number>;
  /** Caps in tenths (config credit.baseCapTenths / goodCapTenths; DOMAIN.md §5: 800 and 400). */
  baseCapTenths?: number;
  goodCapTenths?: number;
}

export interface CreditScore {
  baseTenths: number;
  goodTenths: number;
  /** What bad conduct subtracts, as a positive number of tenths. */
  badTenths: number;
  totalTenths: number;
  grade: CreditGrade;
}

/** round(n / d) for n ≥ 0, d > 0, half up, in BigInt (points × centi-m² exceeds 2^53 quickly). */
function divHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

function nonNegativeInt(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what} must be a non-negative integer, got ${String(value)}`);
  return value;
}

/**
 * A company's score on `asOf` (YYYY-MM-DD) from its items (DOMAIN.md §5): only items in effect on
 * that day count — past publicity, not under objection or withdrawn, valid_from ≤ asOf ≤ valid_until.
 * score = min(base, 80) + min(good, 40) − bad, each part in integer tenths; project-level items
 * weighted by floor area (options.projectAreas), each part's weighted sum rounded half up once.
 * Returns { baseTenths, goodTenths, badTenths (positive), totalTenths, grade }.
 * Throws RangeError on an unknown category or status, points that are not integer tenths or whose
 * sign does not fit the category, a bad area, or an item whose project has no area.
 */
export function creditScore(items: readonly ScoredCreditItem[], asOf: string, options: CreditScoreOptions = {}): CreditScore {
  const baseCap = nonNegativeInt(options.baseCapTenths ?? 800, 'baseCapTenths');
  const goodCap = nonNegativeInt(options.goodCapTenths ?? 400, 'goodCapTenths');
  const areas = options.projectAreas;
  let totalArea = 0n;
  let projectCount = 0n;
  if (areas) {
    for (const [projectId, area] of Object.entries(areas)) {
      totalArea += BigInt(nonNegativeInt(area, `area of project ${projectId}`));
      projectCount += 1n;
    }
  }
  const equalWeights = totalArea === 0n;
  // Per category: company-level tenths, and project-level tenths × weight numerator (over one denominator).
  const direct: Record<CreditCategory, bigint> = { base: 0n, good: 0n, bad: 0n };
  const weighted: Record<CreditCategory, bigint> = { base: 0n, good: 0n, bad: 0n };
  for (const item of items) {
    if (!(CREDIT_CATEGORIES as readonly string[]).includes(item.category)) throw new RangeError(`unknown credit category: ${String(item.category)}`);
    if (!Number.isSafeInteger(item.pointsTenths)) throw new RangeError(`points must be integer tenths, got ${String(item.pointsTenths)}`);
    if (item.category === 'bad' ? item.pointsTenths > 0 : item.pointsTenths < 0) throw new RangeError(`${item.category} points cannot be ${item.pointsTenths}`);
    if (creditItemState(item, asOf) !== 'effective') continue;
    const magnitude = BigInt(Math.abs(item.pointsTenths));
    if (!areas || item.projectId === null) {
      direct[item.category] += magnitude;
      continue;
    }
    const area = areas[item.projectId];
    if (area === undefined) throw new RangeError(`project ${item.projectId} has no floor area given`);
    weighted[item.category] += magnitude * (equalWeights ? 1n : BigInt(area));
  }
  const denominator = equalWeights ? projectCount : totalArea;
  const part = (c: CreditCategory) => Number(direct[c] + (weighted[c] === 0n ? 0n : divHalfUp(weighted[c], denominator)));
  const baseTenths = Math.min(part('base'), baseCap);
  const goodTenths = Math.min(part('good'), goodCap);
  const badTenths = part('bad');
  const totalTenths = baseTenths + goodTenths - badTenths;
  return { baseTenths, goodTenths, badTenths, totalTenths, grade: creditGrade(totalTenths) };
}
