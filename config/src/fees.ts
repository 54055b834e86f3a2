import { z } from 'zod';

/**
 * Property-fee settings (issue 13; DOMAIN.md §12; research §6). None of these numbers is set by a
 * Baotou document; each default says where it comes from.
 */
export interface FeesSettings {
  /** Cap on a contract's late-fee rate, basis points per month (research §6: courts cut penalties above about LPR × 1.3). */
  lateFeeMaxBpPerMonth: number;
  /** A bill is due this many days after its period starts (research §6 rule 3 suggests 30 days for a 催告; a placeholder). */
  dueDays: number;
  /** A home is a long-term defaulter once a bill has been unpaid this many months past due (research §6 rule 3 [D]; covenant-dependent). */
  longTermDefaultMonths: number;
  /** One reminder per home within this many days (no harassment; a placeholder). */
  reminderMinDays: number;
  /** WeChat subscribe-message template for a fee reminder (issue 16 §4: templates are settings). */
  reminderTemplateId: string;
  /** Projects a billing run bills at once, each in its own transaction (issue 13's 1,000,000-home target; a performance knob, no document). */
  billingConcurrency: number;
}

export const feesEnvSchema = {
  /** LPR 1y 3.0% × 1.3 ≈ 3.9% a year ≈ 33 bp a month (research §6, 违约金). */
  FEES_LATE_FEE_MAX_BP_PER_MONTH: z.coerce.number().int().min(0).max(10_000).default(33),
  FEES_DUE_DAYS: z.coerce.number().int().min(0).max(366).default(30),
  FEES_LONG_TERM_DEFAULT_MONTHS: z.coerce.number().int().min(1).max(120).default(6),
  FEES_REMINDER_MIN_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  WECHAT_FEES_TEMPLATE_ID: z.string().min(1).max(64).default('fee-reminder-template'),
  /** Two: one project's INSERT … SELECT keeps a core busy; more only queue on a small server. */
  FEES_BILLING_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
};

export function feesSettings(e: {
  FEES_LATE_FEE_MAX_BP_PER_MONTH: number;
  FEES_DUE_DAYS: number;
  FEES_LONG_TERM_DEFAULT_MONTHS: number;
  FEES_REMINDER_MIN_DAYS: number;
  WECHAT_FEES_TEMPLATE_ID: string;
  FEES_BILLING_CONCURRENCY: number;
}): FeesSettings {
  return {
    lateFeeMaxBpPerMonth: e.FEES_LATE_FEE_MAX_BP_PER_MONTH,
    dueDays: e.FEES_DUE_DAYS,
    longTermDefaultMonths: e.FEES_LONG_TERM_DEFAULT_MONTHS,
    reminderMinDays: e.FEES_REMINDER_MIN_DAYS,
    reminderTemplateId: e.WECHAT_FEES_TEMPLATE_ID,
    billingConcurrency: e.FEES_BILLING_CONCURRENCY,
  };
}

/** The defaults, for the seed and benches that run without a Config. */
export const DEFAULT_FEES_SETTINGS: FeesSettings = feesSettings(z.object(feesEnvSchema).parse({}));
