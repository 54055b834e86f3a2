import { firstDepositFen, isTopUpDue } from './rules';
import type { FundLedgerStatus } from './ledgerStatusLabels';

/** The per-m² first-deposit amounts the city sets (config FUND_FIRST_DEPOSIT_*_FEN), in fen. */
export interface FirstDepositRates {
  multiStorey: number;
  highRise: number;
}

/**
 * The per-m² amount for a building (DOMAIN.md §3; 住宅专项维修资金管理办法 Art. 7): a building of more
 * than 6 floors is high-rise, otherwise (or floors unknown) multi-storey. Throws RangeError on a floor
 * count that is not a non-negative integer.
 */
export function firstDepositRateFen(floors: number | null | undefined, rates: FirstDepositRates): number {
  if (floors === null || floors === undefined) return rates.multiStorey;
  if (!Number.isSafeInteger(floors) || floors < 0) throw new RangeError('楼层数无效');
  return floors > 6 ? rates.highRise : rates.multiStorey;
}

/**
 * How much of its first deposit a home still owes, in fen: nothing once the first deposit is booked
 * (ledger firstDepositFen > 0); otherwise the amount due (area × rate, firstDepositFen) less what was
 * already deposited, never below 0. areaCenti in centi-m²; throws RangeError as firstDepositFen does.
 */
export function firstDepositOwedFen(ledger: { firstDepositFen: number; depositedFen: number }, areaCenti: number, rateFen: number): number {
  if (ledger.firstDepositFen > 0) return 0;
  return Math.max(firstDepositFen(areaCenti, rateFen) - ledger.depositedFen, 0);
}

export { FUND_LEDGER_STATUSES, FUND_LEDGER_STATUS_LABELS, type FundLedgerStatus } from './ledgerStatusLabels';

/**
 * A home's sub-ledger as staff and its resident see it (DOMAIN.md §3; issue 16 §2): a home whose first
 * deposit was never booked owes it (its balance is 0, which is not "below 30% of nothing"); a home
 * whose balance fell below 30% of its first deposit owes a top-up; otherwise normal. Amounts in fen.
 */
export function fundLedgerStatus(ledger: { firstDepositFen: number; balanceFen: number }): FundLedgerStatus {
  if (ledger.firstDepositFen <= 0) return 'first_deposit_owed';
  return isTopUpDue(ledger.balanceFen, ledger.firstDepositFen) ? 'top_up_due' : 'normal';
}
