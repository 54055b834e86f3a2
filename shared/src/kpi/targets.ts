import { z } from 'zod';
import { KPI_INDICATORS, KPI_INDICATOR_LABELS, KPI_INDICATOR_UNITS, type KpiIndicator } from './indicators';

/**
 * The config's yearly targets (config/src/targets.ts, 包府办发〔2022〕73号 三) as kpi_targets rows:
 * percents become per mille, counts stay counts. Used to seed 2022–2024.
 */
export function targetRowsFromPlan(t: {
  committeeFormationPct: number;
  managementCoveragePermille: number;
  projectsAtLevel2OrAbove: number;
  excellentProjects: number;
  aaaCompanies: number;
  preJobTrainingPct: number;
  continuingEducationPct: number;
}): Record<KpiIndicator, number> {
  return {
    committee_formation: t.committeeFormationPct * 10,
    management_coverage: t.managementCoveragePermille,
    projects_level_two: t.projectsAtLevel2OrAbove,
    excellent_projects: t.excellentProjects,
    aaa_companies: t.aaaCompanies,
    pre_job_training: t.preJobTrainingPct * 10,
    continuing_education: t.continuingEducationPct * 10,
  };
}

/** A target the city adds (kpi-targets): year, indicator, value (per mille for ratios, a count otherwise) and the document setting it. */
export const kpiTargetSchema = z
  .object({
    year: z.number({ error: '年份必须是数字' }).int('年份必须是整数').min(2022, '年份不能早于2022年').max(2100, '年份不能晚于2100年'),
    indicator: z.enum(KPI_INDICATORS, { error: '指标的取值无效' }),
    value: z.number({ error: '目标值必须是数字' }).int('目标值必须是整数').min(0, '目标值不能为负').max(1_000_000, '目标值过大'),
    document: z
      .string({ error: '文件必须是文字' })
      .trim()
      .min(2, '请填写设定目标的文件（文号）')
      .max(200, '文件不超过200字')
      .regex(/^[^\u0000-\u001f\u007f]*$/, '文件不能含控制字符'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (KPI_INDICATOR_UNITS[v.indicator] === 'ratio' && v.value > 1000) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${KPI_INDICATOR_LABELS[v.indicator]}以千分比填写，不能超过1000（100%）` });
    }
  });
export type KpiTargetInput = z.infer<typeof kpiTargetSchema>;

export const KPI_GROUPS = ['district', 'street'] as const;
export type KpiGroup = (typeof KPI_GROUPS)[number];

/** Whether an indicator's figure could be recomputed from the record as it was on `asOf`. */
export const KPI_HISTORY = ['complete', 'missing'] as const;
export type KpiHistory = (typeof KPI_HISTORY)[number];

/** One row of GET /api/kpi. */
export interface KpiFigure {
  indicator: KpiIndicator;
  regionCode: string;
  regionName: string;
  /** Per mille for ratios, a count for counts; null: no target for the region (targets are city-wide). */
  target: number | null;
  /** null: no data yet (the capability has not recorded any), never a made-up figure. */
  actual: { numerator: number; denominator: number } | { count: number } | null;
  unit: 'ratio' | 'count';
  source: string;
  met: boolean | null;
  gap: number | null;
  history: KpiHistory;
  /** Chinese: why a figure is missing or recomputed from today's record. */
  note: string | null;
  /** The console list with the rows behind the figure (ra-data-simple-rest resource and filter). */
  drill: { resource: string; filter: Record<string, unknown> } | null;
}
