import {
  formatYuan,
  BILL_PAYER_LABELS,
  BILL_STATUS_LABELS,
  BILLING_CYCLE_LABELS,
  BILLING_RUN_STATUS_LABELS,
  COLLECTION_GROUP_LABELS,
  FEE_ITEM_KIND_LABELS,
  PAYMENT_METHOD_LABELS,
} from '@baotou/shared';

const toChoices = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const feeItemKindChoices = toChoices(FEE_ITEM_KIND_LABELS);
export const billingCycleChoices = toChoices(BILLING_CYCLE_LABELS);
export const billStatusChoices = toChoices(BILL_STATUS_LABELS);
export const billPayerChoices = toChoices(BILL_PAYER_LABELS);
export const paymentMethodChoices = toChoices(PAYMENT_METHOD_LABELS);
export const counterMethodChoices = paymentMethodChoices.filter((c) => c.id !== 'wechat');
export const billingRunStatusChoices = toChoices(BILLING_RUN_STATUS_LABELS);
export const collectionGroupChoices = toChoices(COLLECTION_GROUP_LABELS);
export const overdueChoices = [
  { id: 1, name: '已逾期' },
  { id: 90, name: '逾期3个月以上' },
  { id: 180, name: '逾期6个月以上' },
  { id: 365, name: '逾期1年以上' },
];

/** Labels for the Excel exports. */
export const feesEnums = {
  kind: FEE_ITEM_KIND_LABELS,
  feeItemKind: FEE_ITEM_KIND_LABELS,
  billingCycle: BILLING_CYCLE_LABELS,
  status: { ...BILL_STATUS_LABELS, ...BILLING_RUN_STATUS_LABELS },
  payer: BILL_PAYER_LABELS,
  method: PAYMENT_METHOD_LABELS,
} as Record<string, Record<string, string>>;

const pad = (n: number) => String(n).padStart(2, '0');
/** The last 24 months, newest first, as 'YYYY-MM' choices (Beijing calendar). */
export function monthChoices(now = new Date()): { id: string; name: string }[] {
  const b = new Date(now.getTime() + 8 * 3600_000);
  // months since year 0, this month included: December is 11, never 12 (which read as next January)
  const current = b.getUTCFullYear() * 12 + b.getUTCMonth();
  return Array.from({ length: 25 }, (_, i) => {
    const idx = current - i;
    const y = Math.floor(idx / 12);
    const m = (idx % 12) + 1;
    return { id: `${y}-${pad(m)}`, name: `${y}年${m}月` };
  });
}

/** Fen shown as yuan, exact: shared's one yuan rule with the unit. */
export const yuan = (fen: number | null | undefined) => (fen == null ? '—' : `${formatYuan(fen)} 元`);
