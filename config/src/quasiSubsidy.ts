import { z } from 'zod';

/**
 * Quasi-property subsidy (action plan 四(四)2; DOMAIN.md §4): the districts it applies to. Each entry
 * is a 6-digit district code or a district's registered name (稀土高新区's code is itself a setting,
 * HIGH_TECH_ZONE_CODE, so the default names it).
 */
export interface QuasiSubsidySettings {
  /** District codes or names in scope. */
  districts: string[];
}

export const DEFAULT_QUASI_SUBSIDY_DISTRICTS = '昆都仑区,青山区,东河区,九原区,稀土高新区';

export const quasiSubsidyEnvSchema = {
  QUASI_SUBSIDY_DISTRICTS: z
    .string()
    .max(500)
    .default(DEFAULT_QUASI_SUBSIDY_DISTRICTS)
    .refine((v) => v.split(',').some((s) => s.trim()), 'QUASI_SUBSIDY_DISTRICTS lists at least one district'),
};

export function quasiSubsidySettings(e: { QUASI_SUBSIDY_DISTRICTS: string }): QuasiSubsidySettings {
  return {
    districts: e.QUASI_SUBSIDY_DISTRICTS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}
