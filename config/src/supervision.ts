import { z } from 'zod';

/**
 * Inspections and hazards (issue 10; DOMAIN.md §10; research/domain-2026-11.md §3 rule 3). Baotou's
 * own rule was not found: the deadlines are the research's defaults ([D]), the on-the-spot list is
 * 公安部令第61号 Art. 31. Each setting carries the document it comes from, for the console.
 */
export interface SupervisionSettings {
  /** Hours a company has to rectify a general hazard (default 7 days). */
  hazardGeneralHours: number;
  /** Hours for a major hazard (default 24 h). */
  hazardMajorHours: number;
  /** Seconds between sweeps that report overdue hazards to the street or district. */
  hazardSweepSeconds: number;
  /** Where each number comes from, shown beside it. */
  sources: { hazardGeneralHours: string; hazardMajorHours: string };
}

export const SUPERVISION_SOURCES = {
  hazardGeneralHours: '研究默认值（research §3 规则3；公安部令第61号第32条：限期整改），包头市暂行办法未取得',
  hazardMajorHours: '研究默认值（research §3 规则3：重大隐患24小时），包头市暂行办法未取得',
} as const;

export const supervisionEnvSchema = {
  /** DOMAIN.md §10: a general hazard's deadline, hours (default 7 days). */
  HAZARD_GENERAL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  /** DOMAIN.md §10: a major hazard's deadline, hours (default 24). */
  HAZARD_MAJOR_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  /** How often overdue hazards are looked for (seconds). */
  HAZARD_SWEEP_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
};

export function supervisionSettings(e: { HAZARD_GENERAL_HOURS: number; HAZARD_MAJOR_HOURS: number; HAZARD_SWEEP_SECONDS: number }): SupervisionSettings {
  return {
    hazardGeneralHours: e.HAZARD_GENERAL_HOURS,
    hazardMajorHours: e.HAZARD_MAJOR_HOURS,
    hazardSweepSeconds: e.HAZARD_SWEEP_SECONDS,
    sources: { ...SUPERVISION_SOURCES },
  };
}
