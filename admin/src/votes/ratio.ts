// Display of vote figures without floats (DOMAIN.md §1: ratios are compared with integers).

/** Areas arrive in centi-m² (integers): 1234567 → "12,345.67". */
export const formatArea = (centi: number | null | undefined): string => {
  if (centi === null || centi === undefined) return '—';
  const sign = centi < 0 ? '-' : '';
  const abs = Math.abs(centi);
  const whole = Math.floor(abs / 100).toLocaleString('zh-CN');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
};

/** num/den as a percentage with one decimal, rounded down so a ratio is never shown above its true value. */
export const formatPercent = (num: number, den: number): string => {
  if (!den) return '—';
  const permille = Math.floor((num * 1000) / den);
  return `${Math.floor(permille / 10)}.${permille % 10}%`;
};

/** Turnout "ballots / eligible（x%）". */
export const formatTurnout = (ballots: number | null | undefined, eligible: number | null | undefined): string => {
  if (eligible === null || eligible === undefined) return '—';
  return `${ballots ?? 0} / ${eligible}（${formatPercent(ballots ?? 0, eligible)}）`;
};

export type Threshold = 'two_thirds' | 'three_quarters' | 'more_than_half';

export const THRESHOLD_LABELS: Record<Threshold, string> = {
  two_thirds: '≥ 2/3',
  three_quarters: '≥ 3/4',
  more_than_half: '> 1/2（过半数）',
};

/** DOMAIN.md §1: "≥" includes the boundary; "过半数" is strictly greater. */
export const meets = (threshold: Threshold, num: number, den: number): boolean => {
  if (den <= 0) return false;
  if (threshold === 'two_thirds') return 3 * num >= 2 * den;
  if (threshold === 'three_quarters') return 4 * num >= 3 * den;
  return 2 * num > den;
};
