/**
 * Credit items recorded by rule from the platform's own data (DOMAIN.md §5 "Inputs"; research §1
 * rules 5–6). The points of each rule are settings (config/src/credit.ts, signed tenths of a point,
 * each with its source document); which part of the score a rule feeds is fixed here.
 */

/** The parts of a company's score (DOMAIN.md §5: base ≤ 80 + good ≤ 40 − bad). */
export const CREDIT_CATEGORIES = ['base', 'good', 'bad'] as const;
export type CreditCategory = (typeof CREDIT_CATEGORIES)[number];
export const CREDIT_CATEGORY_LABELS: Record<CreditCategory, string> = { base: '基础信息', good: '良好行为', bad: '不良行为' };

export const CREDIT_RULES = [
  'complaint_verified',
  'ticket_overdue',
  'inspection_failed',
  'hazard_overdue',
  'satisfaction_high',
  'resurvey_below',
  'project_upgraded',
  'party_organisation',
  'filings_complete',
  'filing_missing',
] as const;
export type CreditRule = (typeof CREDIT_RULES)[number];

export const CREDIT_RULE_LABELS: Record<CreditRule, string> = {
  complaint_verified: '投诉经核实',
  ticket_overdue: '工单办理超时',
  inspection_failed: '检查不合格',
  hazard_overdue: '隐患逾期未整改',
  satisfaction_high: '业主满意度达90%以上',
  resurvey_below: '复测满意度仍低于80%',
  project_upgraded: '项目提档升级达标',
  party_organisation: '企业建有党组织',
  filings_complete: '备案信息齐全',
  filing_missing: '备案缺失或过期',
};

/** Which part of the score each rule feeds (DOMAIN.md §5 lists each input under base, good or bad). */
export const CREDIT_RULE_CATEGORY: Record<CreditRule, CreditCategory> = {
  complaint_verified: 'bad',
  ticket_overdue: 'bad',
  inspection_failed: 'bad',
  hazard_overdue: 'bad',
  satisfaction_high: 'good',
  resurvey_below: 'bad',
  project_upgraded: 'good',
  party_organisation: 'good',
  filings_complete: 'base',
  filing_missing: 'bad',
};

/** The rule named by `value`; throws RangeError for anything outside CREDIT_RULES. */
export function creditRule(value: unknown): CreditRule {
  if (typeof value !== 'string' || !(CREDIT_RULES as readonly string[]).includes(value)) throw new RangeError(`unknown credit rule: ${String(value)}`);
  return value as CreditRule;
}

/**
 * Whether signed points fit a category: base and good are ≥ 0, bad is ≤ 0 (tenths of a point).
 * Throws RangeError for a category outside CREDIT_CATEGORIES or points that are not a safe integer.
 */
export function pointsFitCategory(category: CreditCategory, pointsTenths: number): boolean {
  if (!(CREDIT_CATEGORIES as readonly string[]).includes(category)) throw new RangeError(`unknown credit category: ${String(category)}`);
  if (!Number.isSafeInteger(pointsTenths)) throw new RangeError(`points must be integer tenths, got ${String(pointsTenths)}`);
  return category === 'bad' ? pointsTenths <= 0 : pointsTenths >= 0;
}
