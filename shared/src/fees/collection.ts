/**
 * DOMAIN.md §12 / research §6 rule 4: the collection rate (收缴率) of a period P, by amount, for the
 * current period only: collected for P within P ÷ due for P. Arrears recovery (清欠率: collected in
 * P for bills of earlier periods ÷ what those bills owed when P began) is a separate figure, and the
 * household rate (households that paid all of P's bills within P ÷ households billed for P) a second.
 * All as integer pairs with basis points rounded half-up; null when nothing was due.
 *
 * @param numerator fen (or households) collected, ≥ 0 integer
 * @param denominator fen (or households) due, ≥ 0 integer, ≥ numerator
 * @returns { numerator, denominator, basisPoints } — basisPoints 0..10000 or null when denominator is 0
 * @throws RangeError on a negative or non-integer figure, or numerator > denominator
 */
export function collectionRate(numerator: number, denominator: number): { numerator: number; denominator: number; basisPoints: number | null } {
  for (const [k, v] of [
    ['numerator', numerator],
    ['denominator', denominator],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`collectionRate: ${k} must be a non-negative integer, got ${JSON.stringify(v)}`);
  }
  if (numerator > denominator) throw new RangeError(`collectionRate: collected ${numerator} exceeds due ${denominator}`);
  if (denominator === 0) return { numerator, denominator, basisPoints: null };
  const bp = (BigInt(numerator) * 20_000n + BigInt(denominator)) / (2n * BigInt(denominator));
  return { numerator, denominator, basisPoints: Number(bp) };
}

/** 9234 → "92.34%"; null → "—". */
export function formatBasisPoints(bp: number | null): string {
  if (bp === null) return '—';
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}
