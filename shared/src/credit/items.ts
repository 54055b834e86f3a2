/**
 * A credit item's life (DOMAIN.md §5 "Publicity and objection"): published for comment, then
 * counting while valid; an objection flags it 异议中 until the authority answers; it may be withdrawn.
 */
export const CREDIT_ITEM_STATUSES = ['published', 'objected', 'withdrawn'] as const;
export type CreditItemStatus = (typeof CREDIT_ITEM_STATUSES)[number];

/** What a reader sees on a date: the stored status combined with the publicity and validity dates. */
export const CREDIT_ITEM_STATES = ['publicising', 'objected', 'effective', 'expired', 'pending', 'withdrawn'] as const;
export type CreditItemState = (typeof CREDIT_ITEM_STATES)[number];
export const CREDIT_ITEM_STATE_LABELS: Record<CreditItemState, string> = {
  publicising: '公示中',
  objected: '异议中',
  effective: '生效中',
  expired: '已过期',
  pending: '未到生效日',
  withdrawn: '已撤销',
};

export interface CreditItemDates {
  status: CreditItemStatus;
  /** YYYY-MM-DD, last day of publication for comment. */
  publicUntil: string;
  validFrom: string;
  validUntil: string;
}

/**
 * The state of an item on `asOf` (YYYY-MM-DD, Beijing): withdrawn and objected win; then 公示中 up to
 * and including publicUntil; then 未到生效日 before validFrom, 已过期 after validUntil, else 生效中.
 * Only 'effective' counts in a score (DOMAIN.md §5). Throws RangeError for a status outside
 * CREDIT_ITEM_STATUSES.
 */
export function creditItemState(item: CreditItemDates, asOf: string): CreditItemState {
  if (!(CREDIT_ITEM_STATUSES as readonly string[]).includes(item.status)) throw new RangeError(`unknown credit item status: ${String(item.status)}`);
  if (item.status === 'withdrawn') return 'withdrawn';
  if (item.status === 'objected') return 'objected';
  if (asOf <= item.publicUntil) return 'publicising';
  if (asOf < item.validFrom) return 'pending';
  if (asOf > item.validUntil) return 'expired';
  return 'effective';
}
