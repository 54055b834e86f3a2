/**
 * Bounds on maintenance-fund amounts (issue 9 §2; DOMAIN.md §3: money is integer fen and the
 * ledger reconciles to the fen). JavaScript numbers are exact only up to 2^53 − 1; a balance or a
 * total past that loses fen for good, so every amount and every resulting balance is kept within
 * settings far below it (config/src/fund.ts, FUND_MAX_POSTING_FEN and FUND_MAX_BALANCE_FEN).
 */
export interface FundLimits {
  /** The largest amount, in fen, of one line, one posting's total, a deposit or a budget. */
  maxPostingFen: number;
  /** The largest balance or running total, in fen, of a household ledger or an account. */
  maxBalanceFen: number;
}

function integer(fen: number): number {
  if (!Number.isInteger(fen)) throw new RangeError(`金额必须是整数（分）：${fen}`);
  return Math.abs(fen);
}

/**
 * An amount (signed fen): a posting line, a posting's total, a deposit, a payment, a budget or a
 * cost. Returns 'AMOUNT_TOO_LARGE' when |fen| > maxPostingFen, else null.
 * Throws RangeError for a value that is not an integer (callers validate input first).
 */
export function amountOutOfRange(fen: number, limits: FundLimits): 'AMOUNT_TOO_LARGE' | null {
  return integer(fen) > limits.maxPostingFen ? 'AMOUNT_TOO_LARGE' : null;
}

/**
 * A balance or running total (signed fen) as it would stand after a posting: a ledger's balance,
 * deposited, earned or used total, or an account's balance. Returns 'BALANCE_OUT_OF_RANGE' when
 * |fen| > maxBalanceFen, else null. Overdraft (a negative balance) is a separate rule.
 * Throws RangeError for a value that is not an integer.
 */
export function balanceOutOfRange(fen: number, limits: FundLimits): 'BALANCE_OUT_OF_RANGE' | null {
  return integer(fen) > limits.maxBalanceFen ? 'BALANCE_OUT_OF_RANGE' : null;
}
