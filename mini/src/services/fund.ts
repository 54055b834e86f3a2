import { request } from './request';
import { listQuery } from './votes';

// Maintenance fund (docs/API.md, "Maintenance fund (issue 4)"). Money is integer fen on the wire;
// residents type yuan, converted by string arithmetic (never through a float).

export type FundEntryKind = 'first_deposit' | 'top_up' | 'self_deposit' | 'earnings' | 'usage' | 'refund' | 'reversal';

export interface FundLedger {
  id: number;
  accountId: number;
  compoundId: number;
  householdId: number;
  buildingName: string;
  unitName: string | null;
  room: string;
  area: string;
  developerUnsold: boolean;
  firstDepositFen: number;
  depositedFen: number;
  earnedFen: number;
  usedFen: number;
  balanceFen: number;
  topUpDue: boolean;
  /** first_deposit_owed | top_up_due | normal (@baotou/shared fundLedgerStatus). */
  status: 'first_deposit_owed' | 'top_up_due' | 'normal';
  /** What the home still owes of its first deposit, in fen (0 once booked). */
  firstDepositOwedFen: number;
}

export interface FundEntry {
  id: number;
  ledgerId: number;
  householdId: number;
  batchId: number | string | null;
  kind: FundEntryKind;
  amountFen: number;
  balanceAfterFen: number;
  reference: string | null;
  reversesId: number | null;
  memo: string | null;
  postedAt: string;
}

export interface FundApplication {
  id: number;
  compoundId: number;
  title: string;
  items: { name: string; budgetFen: number }[];
  budgetFen: number;
  contractor: string;
  scopeType: 'compound' | 'buildings' | 'units';
  scopeIds: number[];
  emergency: boolean;
  emergencyKind: string | null;
  status: string;
  voteId: number | null;
  actualCostFen: number | null;
  disclosureId: number | null;
  createdAt: string;
}

export interface FundShare {
  householdId: number;
  room: string;
  areaCenti: number;
  fen: number;
  balanceFen: number;
  shortfallFen: number;
  payer: 'owner' | 'developer';
}

export interface FundShares {
  totalFen: number;
  shares: FundShare[];
  shortfallFen: number;
}

export interface FundPayment {
  paymentId: number;
  providerTxnId: string;
  status: string;
}

export const ENTRY_KIND_LABEL: Record<string, string> = {
  first_deposit: '首次交存',
  top_up: '续交',
  self_deposit: '线上自助交存',
  earnings: '增值收益',
  usage: '维修分摊',
  refund: '拆迁退还',
  reversal: '冲正',
};

export const APPLICATION_STATUS_LABEL: Record<string, string> = {
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

export const EMERGENCY_KIND_LABEL: Record<string, string> = {
  roof_leak: '屋面渗漏',
  lift_fault: '电梯故障危及安全',
  pump_failure: '二次供水水泵故障致停水',
  facade_risk: '外墙脱落危险',
  drainage_failure: '排水设施故障',
  fire_system_failure: '消防设施故障',
};

/** The resident's ledgers (the server returns only their verified homes'). */
export function listMyLedgers(householdId?: number, loading: string | false = '加载中'): Promise<FundLedger[]> {
  return request(`/fund-ledgers?${listQuery(householdId ? { householdId } : {}, ['id', 'ASC'])}`, { loading });
}

export function listEntries(householdId: number, perPage = 100): Promise<FundEntry[]> {
  return request(`/fund-entries?${listQuery({ householdId }, ['id', 'DESC'], perPage)}`, { loading: false });
}

export function listApplications(compoundId: number): Promise<FundApplication[]> {
  return request(`/fund-applications?${listQuery({ compoundId }, ['createdAt', 'DESC'])}`, { loading: false });
}

export function getShares(applicationId: number): Promise<FundShares> {
  return request(`/fund-applications/${applicationId}/shares`, { loading: false, toast: false });
}

export function createPayment(householdId: number, amountFen: number): Promise<FundPayment> {
  return request('/fund-payments', { method: 'POST', data: { householdId, amountFen }, loading: '下单中' });
}

/** The local payment provider's "pay" step (development and tests only). */
export function simulatePay(paymentId: number): Promise<unknown> {
  return request(`/fund-payments/${paymentId}/simulate-pay`, { method: 'POST', loading: '支付中' });
}

// Yuan typed and shown by the one rule the console uses too (shared/src/fund/money.ts).
export { formatSignedYuan, formatYuan, parseYuan } from '@baotou/shared/src/fund/money';
