/**
 * Owner satisfaction results (action plan 四(九)1; DOMAIN.md §9; research §2 rules 3–4, 7).
 * Integers only: rates are basis points (1/10000), thresholds are compared by cross-multiplying.
 */

export interface SatisfactionThresholds {
  /** A result counts only when valid responses reach this share of occupied homes (bp; default 3000 = 30%). */
  validSampleBasisPoints: number;
  /** Below this rate a valid result raises a warning (bp; default 8000 = 80%: `100 × satisfied < 80 × valid`). */
  warningBelowBasisPoints: number;
  /** At or above this rate a valid result is good conduct (bp; default 9000 = 90%, DOMAIN.md §5). */
  highAtBasisPoints: number;
}

/** The defaults DOMAIN.md §9 gives; config/src/supervisionSurveys.ts carries the settings (same values). */
export const DEFAULT_SATISFACTION_THRESHOLDS: SatisfactionThresholds = { validSampleBasisPoints: 3000, warningBelowBasisPoints: 8000, highAtBasisPoints: 9000 };

export interface SatisfactionCounts {
  /** Homes whose valid response answers the overall question 满意 (or 基本满意, a setting). */
  satisfied: number;
  /** Valid responses (one per home). */
  valid: number;
  /** Occupied homes of the project (the base of the 30% sample rule). */
  occupiedHomes: number;
}

export interface SatisfactionResult {
  /** false = 样本不足: fewer valid responses than the sample share of occupied homes (no warning then). */
  valid: boolean;
  /** floor(10000 × satisfied ÷ valid); 0 when nobody answered. */
  rateBasisPoints: number;
  /** Valid sample and `10000 × satisfied < warningBelow × valid` (default: `100 × satisfied < 80 × valid`). */
  warning: boolean;
}

function count(name: string, v: number): number {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative integer, got ${v}`);
  return v;
}

function basisPoints(name: string, v: number): number {
  if (!Number.isSafeInteger(v) || v < 0 || v > 10000) throw new RangeError(`${name} must be basis points 0..10000, got ${v}`);
  return v;
}

/**
 * One project's satisfaction result (DOMAIN.md §9). Shapes: counts are non-negative integer home
 * counts; the result's rate is integer basis points. Throws RangeError on a non-integer or
 * negative count, on satisfied > valid, or on thresholds outside 0..10000.
 * Products stay far below 2^53 (homes × 10000).
 */
export function satisfactionResult(counts: SatisfactionCounts, thresholds: SatisfactionThresholds = DEFAULT_SATISFACTION_THRESHOLDS): SatisfactionResult {
  const satisfied = count('satisfied', counts.satisfied);
  const valid = count('valid', counts.valid);
  const occupiedHomes = count('occupiedHomes', counts.occupiedHomes);
  if (satisfied > valid) throw new RangeError(`satisfied (${satisfied}) exceeds valid responses (${valid})`);
  const sample = basisPoints('validSampleBasisPoints', thresholds.validSampleBasisPoints);
  const below = basisPoints('warningBelowBasisPoints', thresholds.warningBelowBasisPoints);
  const sampleValid = occupiedHomes > 0 && valid > 0 && valid * 10000 >= sample * occupiedHomes;
  const rateBasisPoints = valid === 0 ? 0 : Math.floor((satisfied * 10000) / valid);
  return { valid: sampleValid, rateBasisPoints, warning: sampleValid && satisfied * 10000 < below * valid };
}

/**
 * Whether a result earns the good-conduct item `satisfaction_high` (DOMAIN.md §5, research §2 rule 7):
 * a valid sample with `10000 × satisfied ≥ highAt × valid` (default ≥ 90%). Same inputs and errors as satisfactionResult.
 */
export function satisfactionHigh(counts: SatisfactionCounts, thresholds: SatisfactionThresholds = DEFAULT_SATISFACTION_THRESHOLDS): boolean {
  const r = satisfactionResult(counts, thresholds);
  const high = basisPoints('highAtBasisPoints', thresholds.highAtBasisPoints);
  return r.valid && counts.satisfied * 10000 >= high * counts.valid;
}
