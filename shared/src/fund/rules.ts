/** Maintenance-fund rules (住宅专项维修资金管理办法, 建设部/财政部令第165号; DOMAIN.md §3). */

/** First deposit: exclusive area × the per-m² amount the city sets for the building type, rounded half up to the fen. */
export function firstDepositFen(areaCenti: number, perM2Fen: number): number {
  if (!Number.isSafeInteger(areaCenti) || areaCenti <= 0) throw new RangeError('面积无效');
  if (!Number.isSafeInteger(perM2Fen) || perM2Fen < 0) throw new RangeError('交存标准无效');
  return Number((BigInt(areaCenti) * BigInt(perM2Fen) + 50n) / 100n);
}

/** Top-up (续交) is due when the balance falls below 30% of the first deposit. */
export function isTopUpDue(balanceFen: number, firstDepositFen: number): boolean {
  return firstDepositFen > 0 && balanceFen * 10 < firstDepositFen * 3;
}

export const FUND_ENTRY_KINDS = ['first_deposit', 'top_up', 'self_deposit', 'earnings', 'usage', 'refund', 'reversal'] as const;
export type FundEntryKind = (typeof FUND_ENTRY_KINDS)[number];
export const FUND_ENTRY_KIND_LABELS: Record<FundEntryKind, string> = {
  first_deposit: '首次交存',
  top_up: '续交',
  self_deposit: '线上自助交存',
  earnings: '增值收益',
  usage: '维修分摊',
  refund: '拆迁退还',
  reversal: '冲正',
};

export const EMERGENCY_KINDS = ['roof_leak', 'lift_fault', 'pump_failure', 'facade_risk', 'drainage_failure', 'fire_system_failure'] as const;
export type EmergencyKind = (typeof EMERGENCY_KINDS)[number];
export const EMERGENCY_KIND_LABELS: Record<EmergencyKind, string> = {
  roof_leak: '屋面渗漏',
  lift_fault: '电梯故障危及安全',
  pump_failure: '二次供水水泵故障致停水',
  facade_risk: '外墙脱落危险',
  drainage_failure: '排水设施故障',
  fire_system_failure: '消防设施故障',
};

export const FUND_APPLICATION_STATUSES = [
  'draft',
  'voting',
  'under_review',
  'returned',
  'approved',
  'supervised',
  'accepted',
  'disbursed',
  'rejected',
] as const;
export type FundApplicationStatus = (typeof FUND_APPLICATION_STATUSES)[number];
export const FUND_APPLICATION_STATUS_LABELS: Record<FundApplicationStatus, string> = {
  draft: '草稿',
  voting: '业主表决中',
  under_review: '区住建局审核中',
  returned: '已退回',
  approved: '已批准',
  supervised: '已监理审价',
  accepted: '已验收',
  disbursed: '已划拨',
  rejected: '表决未通过',
};

export type FundAction = 'submit' | 'vote_passed' | 'vote_failed' | 'approve' | 'return' | 'supervise' | 'accept' | 'disburse';

/**
 * The usage procedure as data (DOMAIN.md §3): proposal → vote of the owners in scope → review →
 * supervision and cost audit → acceptance → payment. The emergency route skips the vote (and may
 * skip supervision): application → approval → payment, disclosed afterwards.
 */
export const FUND_APPLICATION_TRANSITIONS: Record<
  'normal' | 'emergency',
  Partial<Record<FundApplicationStatus, Partial<Record<FundAction, FundApplicationStatus>>>>
> = {
  normal: {
    draft: { submit: 'voting' },
    voting: { vote_passed: 'under_review', vote_failed: 'rejected' },
    under_review: { approve: 'approved', return: 'returned' },
    returned: { submit: 'under_review' },
    approved: { supervise: 'supervised' },
    supervised: { accept: 'accepted' },
    accepted: { disburse: 'disbursed' },
  },
  emergency: {
    draft: { submit: 'under_review' },
    under_review: { approve: 'approved', return: 'returned' },
    returned: { submit: 'under_review' },
    approved: { supervise: 'supervised', accept: 'accepted' },
    supervised: { accept: 'accepted' },
    accepted: { disburse: 'disbursed' },
  },
};

export function nextFundStatus(emergency: boolean, from: FundApplicationStatus, action: FundAction): FundApplicationStatus | undefined {
  return FUND_APPLICATION_TRANSITIONS[emergency ? 'emergency' : 'normal'][from]?.[action];
}

const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Earnings are credited for a period that has ended, in proportion to each home's balance at the
 * period's end (DOMAIN.md §3 "Earnings"); a period ending after today would split balances not yet
 * known and reserve a future period. `periodEnd` and `today` are 'YYYY-MM-DD' Beijing calendar days
 * (the period's last day may be today). Returns 'PERIOD_IN_FUTURE' when periodEnd > today, else null.
 * Throws RangeError for a value that is not a 'YYYY-MM-DD' day.
 */
export function earningsPeriodRefusal(periodEnd: string, today: string): 'PERIOD_IN_FUTURE' | null {
  for (const d of [periodEnd, today]) if (!ISO_DAY.test(d)) throw new RangeError(`日期须为 YYYY-MM-DD：${d}`);
  return periodEnd > today ? 'PERIOD_IN_FUTURE' : null;
}
