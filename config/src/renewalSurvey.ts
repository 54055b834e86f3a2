import { z } from 'zod';

/**
 * Old-compound survey settings (action plan 四(四); DOMAIN.md §4 and §13; research §4 rule 2, §8).
 * None of these numbers was found in a Baotou document: they are the defaults the research
 * proposes, to be replaced by the city's own.
 */
export interface RenewalSurveySettings {
  /** classifyOldCompound's thresholds (shared/src/renewal/classify.ts). */
  classification: { mergeBelowHouseholds: number; quasiMaxPartialItems: number; selfMinWillingPermille: number };
  /** Management modes counted as covered (DOMAIN.md §13: default all four managed modes). */
  coveredModes: ('professional' | 'quasi' | 'community' | 'self')[];
}

const MANAGED = ['professional', 'quasi', 'community', 'self'] as const;

export const renewalSurveyEnvSchema = {
  /** "one below N households, with a neighbour set" → merge (research §4 rule 2; N a placeholder). */
  RENEWAL_MERGE_BELOW_HOUSEHOLDS: z.coerce.number().int().min(0).max(100_000).default(60),
  /** Quasi-property needs no item missing (research §4 rule 2); how many may be partial is the city's call. */
  RENEWAL_QUASI_MAX_PARTIAL_ITEMS: z.coerce.number().int().min(0).max(11).default(3),
  /** Self-managed rather than committee-managed when a committee exists and this share (‰) would pay. */
  RENEWAL_SELF_MIN_WILLING_PERMILLE: z.coerce.number().int().min(0).max(1000).default(500),
  /** Comma-separated management modes counted as covered (DOMAIN.md §13). */
  COVERAGE_MODES: z
    .string()
    .default(MANAGED.join(','))
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(MANAGED)).min(1, 'COVERAGE_MODES lists at least one managed mode')),
};

export function renewalSurveySettings(e: {
  RENEWAL_MERGE_BELOW_HOUSEHOLDS: number;
  RENEWAL_QUASI_MAX_PARTIAL_ITEMS: number;
  RENEWAL_SELF_MIN_WILLING_PERMILLE: number;
  COVERAGE_MODES: RenewalSurveySettings['coveredModes'];
}): RenewalSurveySettings {
  return {
    classification: {
      mergeBelowHouseholds: e.RENEWAL_MERGE_BELOW_HOUSEHOLDS,
      quasiMaxPartialItems: e.RENEWAL_QUASI_MAX_PARTIAL_ITEMS,
      selfMinWillingPermille: e.RENEWAL_SELF_MIN_WILLING_PERMILLE,
    },
    coveredModes: [...new Set(e.COVERAGE_MODES)],
  };
}
