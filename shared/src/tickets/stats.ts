/**
 * Ticket statistics with integers only (ARCHITECTURE.md: ratios are computed with integers).
 * A rate is per mille, rounded half up; an empty denominator has no rate (null), not 0.
 */
export function ratePermille(numerator: number, denominator: number): number | null {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) return null;
  return Math.floor((2000 * numerator + denominator) / (2 * denominator));
}

/** An average of 1–5 ratings as hundredths (4.33 → 433), rounded half up; none rated → null. */
export function averageHundredths(sum: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.floor((200 * sum + count) / (2 * count));
}

/** 915 → "91.5%". */
export function formatPermille(p: number | null): string {
  if (p === null) return '—';
  return `${Math.floor(p / 10)}.${p % 10}%`;
}

/** 433 → "4.33". */
export function formatHundredths(h: number | null): string {
  if (h === null) return '—';
  return `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
}

export const STATS_GROUPS = ['district', 'street', 'compound', 'company'] as const;
export type StatsGroup = (typeof STATS_GROUPS)[number];
export const STATS_GROUP_LABELS: Record<StatsGroup, string> = { district: '旗县区', street: '街道', compound: '小区', company: '物业企业' };

export interface TicketStatsRow {
  key: string;
  name: string;
  received: number;
  closed: number;
  closureRatePermille: number | null;
  /** Resolved, waiting for the resident (待评价); and confirmed, waiting for staff to close (已评价待办结). lifecycle.ts. */
  awaitingRating: number;
  awaitingClose: number;
  resolved: number;
  onTime: number;
  onTimeRatePermille: number | null;
  ratingCount: number;
  ratingSum: number;
  averageRatingHundredths: number | null;
  escalations: number;
}
