import { z } from 'zod';

/**
 * Maintenance-fund settings (DOMAIN.md §3). The first-deposit amounts are the city's choice
 * (5%–8% of construction cost); these defaults are placeholders to replace with Baotou's figures.
 */
export interface FundSettings {
  /** Fen per m² of exclusive area: buildings up to 6 floors (multi-storey) and above (high-rise, with lifts). */
  firstDepositPerM2Fen: { multiStorey: number; highRise: number };
  /** Emergency repairs are disclosed to the owners within this many days. */
  emergencyDisclosureDays: number;
  /** Shared secret of the payment provider's callback signature. */
  paymentSecret: string;
  /** The local payment provider's "pay now" endpoint; never in production. */
  localPaymentProvider: boolean;
  /** Bounds on every amount and balance the ledger keeps (issue 9 §2; see DEFAULT_FUND_LIMITS). */
  limits: { maxPostingFen: number; maxBalanceFen: number };
}

/**
 * The ledger keeps fen as JavaScript numbers, exact only up to 2^53 − 1 ≈ 9.0 × 10^15 fen, and a
 * sum past it loses fen for good. Every amount (a line, a posting's total, a deposit, a budget) is
 * bounded by maxPostingFen and every resulting balance or running total by maxBalanceFen, far below
 * 2^53. Defaults: 10^12 fen (100 亿元) per amount — orders of magnitude above any real repair or
 * deposit (a whole compound's fund is a few million 元) yet small enough that nothing legitimate is
 * refused; 10^13 fen (1,000 亿元) per account or household total, so even 900 accounts at the bound
 * sum exactly, and balance + one more posting never nears 2^53.
 */
export const DEFAULT_FUND_LIMITS = { maxPostingFen: 1_000_000_000_000, maxBalanceFen: 10_000_000_000_000 } as const;

export const fundEnvSchema = {
  FUND_FIRST_DEPOSIT_MULTI_STOREY_FEN: z.coerce.number().int().min(0).default(5000),
  FUND_FIRST_DEPOSIT_HIGH_RISE_FEN: z.coerce.number().int().min(0).default(8000),
  FUND_EMERGENCY_DISCLOSURE_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  FUND_PAYMENT_SECRET: z.string().min(16).optional(),
  FUND_MAX_POSTING_FEN: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).default(DEFAULT_FUND_LIMITS.maxPostingFen),
  FUND_MAX_BALANCE_FEN: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).default(DEFAULT_FUND_LIMITS.maxBalanceFen),
};

export function fundSettings(
  e: {
    NODE_ENV: string;
    FUND_FIRST_DEPOSIT_MULTI_STOREY_FEN: number;
    FUND_FIRST_DEPOSIT_HIGH_RISE_FEN: number;
    FUND_EMERGENCY_DISCLOSURE_DAYS: number;
    FUND_PAYMENT_SECRET?: string;
    FUND_MAX_POSTING_FEN: number;
    FUND_MAX_BALANCE_FEN: number;
  },
  localPaymentSecret?: string,
): FundSettings {
  if (e.NODE_ENV === 'production' && !e.FUND_PAYMENT_SECRET) throw new Error('生产环境必须设置 FUND_PAYMENT_SECRET');
  // A balance at its bound plus one more posting must still be exact.
  if (e.FUND_MAX_POSTING_FEN > e.FUND_MAX_BALANCE_FEN || e.FUND_MAX_BALANCE_FEN + e.FUND_MAX_POSTING_FEN > Number.MAX_SAFE_INTEGER) {
    throw new Error(
      'FUND_MAX_POSTING_FEN 不能大于 FUND_MAX_BALANCE_FEN，且两者之和不能超过 2^53−1 (FUND_MAX_POSTING_FEN ≤ FUND_MAX_BALANCE_FEN, sum ≤ 2^53−1)',
    );
  }
  return {
    firstDepositPerM2Fen: { multiStorey: e.FUND_FIRST_DEPOSIT_MULTI_STOREY_FEN, highRise: e.FUND_FIRST_DEPOSIT_HIGH_RISE_FEN },
    emergencyDisclosureDays: e.FUND_EMERGENCY_DISCLOSURE_DAYS,
    // Outside production without the setting: the installation's own secret (config's localSecrets), never a built-in one.
    paymentSecret: (e.FUND_PAYMENT_SECRET ?? localPaymentSecret)!,
    localPaymentProvider: e.NODE_ENV !== 'production',
    limits: { maxPostingFen: e.FUND_MAX_POSTING_FEN, maxBalanceFen: e.FUND_MAX_BALANCE_FEN },
  };
}
