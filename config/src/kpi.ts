import { z } from 'zod';

/** The yearly-targets dashboard (issue 14). */
export interface KpiSettings {
  /** How long the figures of one region, year and date are served from memory (0 = always recomputed). */
  cacheSeconds: number;
}

export const kpiEnvSchema = {
  /**
   * Seconds the dashboard's figures are kept in memory (issue 14's benchmark: repeated reads ≤ 30 ms);
   * targets are read on every request, so their changes show at once. No document sets this: a freshness the bureau can accept.
   */
  KPI_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
};

export function kpiSettings(e: { KPI_CACHE_SECONDS: number }): KpiSettings {
  return { cacheSeconds: e.KPI_CACHE_SECONDS };
}
