/**
 * Vote figures as people read them, without floats (DOMAIN.md §1: ratios are compared with
 * integers). Used by the console and the mini-program alike.
 */

/** The thresholds of Civil Code Art. 278: the quorum (2/3), special matters (3/4), ordinary ones (more than half). */
export const THRESHOLDS = ['two_thirds', 'three_quarters', 'more_than_half'] as const;
export type Threshold = (typeof THRESHOLDS)[number];

export const THRESHOLD_LABELS: Record<Threshold, string> = {
  two_thirds: '≥ 2/3',
  three_quarters: '≥ 3/4',
  more_than_half: '> 1/2（过半数）',
};

/**
 * Does num/den reach the threshold? DOMAIN.md §1: "≥" includes the boundary, "过半数" is strictly
 * more; nothing is reached over a zero or negative whole. Throws on a threshold outside THRESHOLDS.
 */
export function meets(threshold: Threshold, num: number, den: number): boolean {
  if (!(THRESHOLDS as readonly string[]).includes(threshold)) throw new Error(`表决比例要求 ${String(threshold)} 不在可选范围内`);
  if (den <= 0) return false;
  if (threshold === 'two_thirds') return 3 * num >= 2 * den;
  if (threshold === 'three_quarters') return 4 * num >= 3 * den;
  return 2 * num > den;
}

/** Centi-m² (integer) with thousands separators: 1234567 → "12,345.67"; none → "—". */
export function formatArea(centi: number | null | undefined): string {
  if (centi === null || centi === undefined) return '—';
  const abs = Math.abs(centi);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${centi < 0 ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** num/den as a percentage with one decimal, rounded down (a ratio is never shown above its true value); "—" over zero. */
export function formatPercent(num: number, den: number): string {
  if (!den) return '—';
  const permille = Math.floor((num * 1000) / den);
  return `${Math.floor(permille / 10)}.${permille % 10}%`;
}

/** Turnout "ballots / eligible（x%）"; "—" while the eligible count is unknown. */
export function formatTurnout(ballots: number | null | undefined, eligible: number | null | undefined): string {
  if (eligible === null || eligible === undefined) return '—';
  return `${ballots ?? 0} / ${eligible}（${formatPercent(ballots ?? 0, eligible)}）`;
}
