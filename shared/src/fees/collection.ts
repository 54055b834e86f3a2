/**
 * DOMAIN.md §12 / research §6 rule 4: the collection rate (收缴率) of a period P, by amount, for the
 * current period only: collected for P within P ÷ due for P. Arrears recovery (清欠率: collected in
 * P for bills of earlier periods ÷ what those bills owed when P began) is a separate figure, and the
 * household rate (households that paid all of P's bills within P ÷ households billed for P) a second.
 * All as integer pairs with basis points rounded half-up; null when nothing was due.
 *
 * Figures may be bigints (sums as PostgreSQL gives them): the ratio is computed exactly whatever
 * their size. A sum beyond 2^53 fen (90 trillion 元, no city's books) comes back as the nearest
 * number rather than as an error, so one absurd fee item cannot take a city's report down.
 *
 * @param numerator fen (or households) collected, ≥ 0 integer
 * @param denominator fen (or households) due, ≥ 0 integer, ≥ numerator
 * @returns { numerator, denominator, basisPoints } — basisPoints 0..10000 or null when denominator is 0
 * @throws RangeError on a negative or non-integer figure, or numerator > denominator
 */
export function collectionRate(
  numerator: number | bigint,
  denominator: number | bigint,
): { numerator: number; denominator: number; basisPoints: number | null } {
  const exact = (k: string, v: number | bigint): bigint => {
    if ((typeof v === 'bigint' || Number.isInteger(v)) && v >= 0) return BigInt(v);
    throw new RangeError(`collectionRate: ${k} must be a non-negative integer, got ${typeof v === 'number' ? JSON.stringify(v) : typeof v}`);
  };
  const n = exact('numerator', numerator);
  const d = exact('denominator', denominator);
  if (n > d) throw new RangeError(`collectionRate: collected ${n} exceeds due ${d}`);
  if (d === 0n) return { numerator: Number(n), denominator: 0, basisPoints: null };
  return { numerator: Number(n), denominator: Number(d), basisPoints: Number((n * 20_000n + d) / (2n * d)) };
}

/** 9234 → "92.34%"; null → "—". */
export function formatBasisPoints(bp: number | null): string {
  if (bp === null) return '—';
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}
