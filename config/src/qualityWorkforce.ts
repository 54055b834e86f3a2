import { z } from 'zod';

/**
 * Staff training rates (DOMAIN.md §13; research domain-2026-11 §7): no official definition was
 * found for Baotou or Inner Mongolia, so the two knobs are settings until the city confirms them.
 */
export interface TrainingSettings {
  /** A pre-job training counts when dated on or before the start date + this many days (TRAINING_PRE_JOB_GRACE_DAYS, default 0: "by their start date"). */
  preJobGraceDays: number;
  /** Continuing education a specialist needs in the year, tenths of an hour (TRAINING_CONTINUING_HOURS, in hours, default 24). */
  continuingHoursTenths: number;
}

export const trainingEnvSchema = {
  TRAINING_PRE_JOB_GRACE_DAYS: z.coerce.number().int().min(0).max(365).default(0),
  /** Hours, at most one decimal (24, 24.5). */
  TRAINING_CONTINUING_HOURS: z
    .string()
    .regex(/^\d{1,3}(\.\d)?$/, 'TRAINING_CONTINUING_HOURS must be hours with at most one decimal')
    .default('24')
    .transform((v) => Math.round(Number(v) * 10))
    .refine((t) => t > 0 && t <= 3660, 'TRAINING_CONTINUING_HOURS must be > 0 and at most 366 days of hours'),
};

export function trainingSettings(e: { TRAINING_PRE_JOB_GRACE_DAYS: number; TRAINING_CONTINUING_HOURS: number }): TrainingSettings {
  return { preJobGraceDays: e.TRAINING_PRE_JOB_GRACE_DAYS, continuingHoursTenths: e.TRAINING_CONTINUING_HOURS };
}
