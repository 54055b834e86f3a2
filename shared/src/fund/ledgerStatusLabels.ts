// Apart from the rules so the mini-program can take the labels without BigInt code (its ES2017 target).
export const FUND_LEDGER_STATUSES = ['first_deposit_owed', 'top_up_due', 'normal'] as const;
export type FundLedgerStatus = (typeof FUND_LEDGER_STATUSES)[number];
export const FUND_LEDGER_STATUS_LABELS: Record<FundLedgerStatus, string> = {
  first_deposit_owed: '未首次交存',
  top_up_due: '需续交',
  normal: '正常',
};
