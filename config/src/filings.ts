import { z } from 'zod';

/** Filings (合同备案 / 项目经理备案) of service projects (issue 10 "Filings"). */
export interface FilingSettings {
  /** A filed filing within this many days of its valid-until date shows 即将到期 (expiring). */
  warnDays: number;
}

export const filingEnvSchema = {
  /**
   * Days before expiry a filing is flagged 即将到期. Baotou's 暂行办法 was not found (issue 10):
   * 30 days is the platform's own default, giving a company a month to renew before the gap
   * becomes a credit item.
   */
  FILING_WARN_DAYS: z.coerce.number().int().min(0).max(365).default(30),
};

/** The filing settings alone, for the sweep and the alert list (parsed once per process). */
let cached: FilingSettings | undefined;
export function filingSettingsFromEnv(env: Record<string, string | undefined> = process.env): FilingSettings {
  if (env === process.env && cached) return cached;
  const e = z.object(filingEnvSchema).parse({ FILING_WARN_DAYS: env.FILING_WARN_DAYS || undefined });
  const s = { warnDays: e.FILING_WARN_DAYS };
  if (env === process.env) cached = s;
  return s;
}
