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
}

export const fundEnvSchema = {
  FUND_FIRST_DEPOSIT_MULTI_STOREY_FEN: z.coerce.number().int().min(0).default(5000),
  FUND_FIRST_DEPOSIT_HIGH_RISE_FEN: z.coerce.number().int().min(0).default(8000),
  FUND_EMERGENCY_DISCLOSURE_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  FUND_PAYMENT_SECRET: z.string().min(16).optional(),
};

export function fundSettings(e: {
  NODE_ENV: string;
  FUND_FIRST_DEPOSIT_MULTI_STOREY_FEN: number;
  FUND_FIRST_DEPOSIT_HIGH_RISE_FEN: number;
  FUND_EMERGENCY_DISCLOSURE_DAYS: number;
  FUND_PAYMENT_SECRET?: string;
}): FundSettings {
  if (e.NODE_ENV === 'production' && !e.FUND_PAYMENT_SECRET) throw new Error('生产环境必须设置 FUND_PAYMENT_SECRET');
  return {
    firstDepositPerM2Fen: { multiStorey: e.FUND_FIRST_DEPOSIT_MULTI_STOREY_FEN, highRise: e.FUND_FIRST_DEPOSIT_HIGH_RISE_FEN },
    emergencyDisclosureDays: e.FUND_EMERGENCY_DISCLOSURE_DAYS,
    paymentSecret: e.FUND_PAYMENT_SECRET ?? 'dev-only-payment-secret-0000',
    localPaymentProvider: e.NODE_ENV !== 'production',
  };
}
