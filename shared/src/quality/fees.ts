/**
 * Fee guidance and prices (DOMAIN.md §11; research §5 rule 3; 物业服务收费管理办法 Arts. 6, 7, 9).
 * Amounts are integer fen per m² per month (1.39 元 = 139 fen), the unit projects record their
 * contract fee in.
 */

/** 包干制 / 酬金制. */
export const PRICING_FORMS = ['lump_sum', 'cost_plus'] as const;
export type PricingForm = (typeof PRICING_FORMS)[number];
export const PRICING_FORM_LABELS: Record<PricingForm, string> = { lump_sum: '包干制', cost_plus: '酬金制' };

/** How the company was selected. */
export const SELECTION_METHODS = ['public_tender', 'invitation', 'negotiation'] as const;
export type SelectionMethod = (typeof SELECTION_METHODS)[number];
export const SELECTION_METHOD_LABELS: Record<SelectionMethod, string> = { public_tender: '公开招标', invitation: '邀请招标', negotiation: '协议选聘' };

/** Where a contract fee sits against its band. */
export const FEE_BAND_FLAGS = ['below', 'above'] as const;
export type FeeBandFlag = (typeof FEE_BAND_FLAGS)[number];
export const FEE_BAND_FLAG_LABELS: Record<FeeBandFlag, string> = { below: '低于指导价', above: '高于指导价' };

/** The nine standard cost items of 物业服务收费管理办法 (research §5; DOMAIN.md §11), in its order. */
export const COST_ITEMS = [
  'staffFen',
  'sharedFacilitiesFen',
  'cleaningFen',
  'greeningFen',
  'securityFen',
  'officeFen',
  'depreciationFen',
  'insuranceFen',
  'otherFen',
] as const;
export type CostItem = (typeof COST_ITEMS)[number];
export const COST_ITEM_LABELS: Record<CostItem, string> = {
  staffFen: '人员工资、社保和福利',
  sharedFacilitiesFen: '共用部位、共用设施设备日常运行维护',
  cleaningFen: '清洁卫生',
  greeningFen: '绿化养护',
  securityFen: '秩序维护',
  officeFen: '办公费用',
  depreciationFen: '企业固定资产折旧',
  insuranceFen: '共用部位及公众责任保险',
  otherFen: '经业主同意的其他费用',
};

/** A band's days: effectiveFrom inclusive, effectiveUntil inclusive or null (open-ended), 'YYYY-MM-DD'. */
export interface DateSpan {
  effectiveFrom: string;
  effectiveUntil: string | null;
}

/** Whether two date spans share a day (inclusive ends; null = open-ended). */
export function spansOverlap(a: DateSpan, b: DateSpan): boolean {
  const aEndsBeforeB = a.effectiveUntil !== null && a.effectiveUntil < b.effectiveFrom;
  const bEndsBeforeA = b.effectiveUntil !== null && b.effectiveUntil < a.effectiveFrom;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/**
 * Where a contract fee sits against its guidance band (research §5 rule 3): 'below' / 'above' flags
 * it, null is inside (both bounds inclusive) — flagged, never blocked. Fen per m² per month, integers.
 * Throws RangeError on a non-integer or negative amount, or min > max.
 */
export function feeBandFlag(feeFen: number, band: { minFen: number; maxFen: number }): FeeBandFlag | null {
  for (const [k, v] of [
    ['fee', feeFen],
    ['min', band.minFen],
    ['max', band.maxFen],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${k} must be a non-negative integer of fen, got ${v}`);
  }
  if (band.minFen > band.maxFen) throw new RangeError('min > max');
  if (feeFen < band.minFen) return 'below';
  if (feeFen > band.maxFen) return 'above';
  return null;
}

/**
 * Median and range of fees per m² per month (the association's published statistics, research §5
 * rule 4): integer fen; with an even count the median is the mean of the middle two, rounded half-up
 * once (DOMAIN.md §12's rounding). Empty → null. Throws RangeError on a non-integer or negative fee.
 */
export function feeSummary(feesFen: readonly number[]): { count: number; minFen: number; medianFen: number; maxFen: number } | null {
  for (const v of feesFen) if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`fee must be a non-negative integer of fen, got ${v}`);
  if (!feesFen.length) return null;
  const s = [...feesFen].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const medianFen = s.length % 2 ? s[mid] : Math.floor((s[mid - 1] + s[mid] + 1) / 2);
  return { count: s.length, minFen: s[0], medianFen, maxFen: s[s.length - 1] };
}

/**
 * Cost composition: each of the nine items' share of the total in basis points (integer, floor;
 * the remainder is not spread, so shares may sum to < 10000). reports: rows of fen per item. Total 0 → null.
 */
export function costComposition(
  reports: readonly Record<CostItem, number>[],
): { totals: Record<CostItem, number>; totalFen: number; sharesBp: Record<CostItem, number> } | null {
  const totals = Object.fromEntries(COST_ITEMS.map((k) => [k, 0])) as Record<CostItem, number>;
  let total = 0n;
  const big = Object.fromEntries(COST_ITEMS.map((k) => [k, 0n])) as Record<CostItem, bigint>;
  for (const r of reports) {
    for (const k of COST_ITEMS) {
      const v = r[k];
      if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${k} must be a non-negative integer of fen, got ${v}`);
      big[k] += BigInt(v);
      total += BigInt(v);
    }
  }
  if (total === 0n) return null;
  for (const k of COST_ITEMS) totals[k] = Number(big[k]);
  const sharesBp = Object.fromEntries(COST_ITEMS.map((k) => [k, Number((big[k] * 10000n) / total)])) as Record<CostItem, number>;
  return { totals, totalFen: Number(total), sharesBp };
}

/** "1.39" from 139 fen (display, no float arithmetic). */
export function formatFenAsYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}
