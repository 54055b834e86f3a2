import { z } from 'zod';

/** Filings (合同备案 / 项目经理备案) of service projects (issue 10 "Filings"). */
export interface FilingSettings {
  /** A filed filing within this many days of its valid-until date shows 即将到期 (expiring). */
  warnDays: number;
  /** How often the sweep records filing_missing / filings_complete credit items (seconds). */
  sweepSeconds: number;
}

export const filingEnvSchema = {
  /**
   * Days before expiry a filing is flagged 即将到期. Baotou's 暂行办法 was not found (issue 10):
   * 30 days is the platform's own default, giving a company a month to renew before the gap
   * becomes a credit item.
   */
  FILING_WARN_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  /** Seconds between filings sweeps (default daily: a filing expires by the day). */
  FILING_SWEEP_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 86400)
    .default(86400),
};

/** The filing settings alone, for the sweep and the alert list (parsed once per process). */
let cached: FilingSettings | undefined;
export function filingSettingsFromEnv(env: Record<string, string | undefined> = process.env): FilingSettings {
  if (env === process.env && cached) return cached;
  const e = z
    .object(filingEnvSchema)
    .parse({ FILING_WARN_DAYS: env.FILING_WARN_DAYS || undefined, FILING_SWEEP_SECONDS: env.FILING_SWEEP_SECONDS || undefined });
  const s = { warnDays: e.FILING_WARN_DAYS, sweepSeconds: e.FILING_SWEEP_SECONDS };
  if (env === process.env) cached = s;
  return s;
}
