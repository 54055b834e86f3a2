import { z } from 'zod';
import { intId, isoDate, optionalText } from '../places/fields';
import { uploadUrlSchema } from '../uploads/schemas';
import {
  ENCLOSURE_STATES,
  INFRASTRUCTURE_ITEMS,
  INFRASTRUCTURE_STATES,
  SURVEY_MANAGEMENT_STATES,
  SURVEY_RENOVATION_STATES,
  type EnclosureState,
  type InfrastructureItem,
  type InfrastructureState,
  type SurveyManagementState,
  type SurveyRenovationState,
} from './enums';

/** Counts a survey records: whole, not negative, and below anything a compound could have. */
const count = (label: string, max: number) =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(0, `${label}不能为负数`)
    .max(max, `${label}不能超过${max}`)
    .nullish()
    .transform((v) => v ?? null);

const flag = (label: string) =>
  z
    .boolean({ error: `${label}必须是是/否` })
    .nullish()
    .transform((v) => v ?? null);

const choice = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z
    .enum(values, { error: `${label}不在可选范围内` })
    .nullish()
    .transform((v) => v ?? null);

/** Upper bounds: 10 million m² (in centi-m²) and 100,000 households are far beyond any compound. */
export const SURVEY_LIMITS = { floorAreaCenti: 1_000_000_000, households: 100_000, buildings: 1_000, stairwells: 10_000, feeFen: 1_000, photos: 20 } as const;

const photo = z.strictObject({
  name: z.string({ error: '照片名称必须是文字' }).trim().min(1, '照片名称不能为空').max(100, '照片名称不能超过100个字'),
  url: uploadUrlSchema('照片须先上传'),
});

/**
 * The survey (摸底调查表, research §4 rule 1) as staff save it: every field may be empty in a draft
 * (saved and resumed); {@link surveyMissing} says what a submission still lacks. Floor area is
 * centi-m² (integer), the fee fen per m² per month (integer), willingness the number of households
 * willing to pay (≤ householdCount).
 */
export const renewalSurveySchema = z
  .strictObject({
    compoundId: intId('小区'),
    buildingCount: count('楼栋数', SURVEY_LIMITS.buildings),
    stairwellCount: count('单元（楼梯）数', SURVEY_LIMITS.stairwells),
    householdCount: count('户数', SURVEY_LIMITS.households),
    floorAreaCenti: count('建筑面积', SURVEY_LIMITS.floorAreaCenti),
    singleBuilding: flag('是否单栋楼'),
    neighbourCompoundIds: z
      .array(intId('相邻小区'), { error: '相邻小区必须是小区编号列表' })
      .max(20, '相邻小区最多20个')
      .nullish()
      .transform((v) => [...new Set(v ?? [])]),
    enclosure: choice(ENCLOSURE_STATES, '封闭情况'),
    hasGate: flag('是否有门岗'),
    infrastructure: z
      .partialRecord(
        z.enum(INFRASTRUCTURE_ITEMS, { error: '基础设施项目不在可选范围内' }),
        z.enum(INFRASTRUCTURE_STATES, { error: '设施状况须为完好、部分或缺失' }),
        {
          error: '基础设施状况格式不正确',
        },
      )
      .nullish()
      .transform((v) => v ?? {}),
    currentManagement: choice(SURVEY_MANAGEMENT_STATES, '现管理方式'),
    hasCommittee: flag('是否有业主委员会'),
    fundDeposited: flag('是否已交存维修资金'),
    renovation: choice(SURVEY_RENOVATION_STATES, '改造情况'),
    willingHouseholds: count('愿意付费户数', SURVEY_LIMITS.households),
    proposedFeeFen: count('意向物业费', SURVEY_LIMITS.feeFen),
    photos: z
      .array(photo, { error: '照片格式不正确' })
      .max(SURVEY_LIMITS.photos, `照片最多${SURVEY_LIMITS.photos}张`)
      .nullish()
      .transform((v) => v ?? []),
    notes: optionalText('备注', 2000),
    surveyedOn: isoDate('调查日期')
      .nullish()
      .transform((v) => v ?? null),
  })
  .refine((s) => s.willingHouseholds === null || s.householdCount === null || s.willingHouseholds <= s.householdCount, {
    message: '愿意付费户数不能超过总户数',
    path: ['willingHouseholds'],
  })
  .refine((s) => !s.singleBuilding || s.buildingCount === null || s.buildingCount === 1, {
    message: '单栋楼的楼栋数应为1',
    path: ['buildingCount'],
  })
  .refine((s) => !s.neighbourCompoundIds.includes(s.compoundId), { message: '相邻小区不能是本小区', path: ['neighbourCompoundIds'] });
export type RenewalSurveyInput = z.output<typeof renewalSurveySchema>;

/** The fields a save sends, read off the schema (a client picks these; the strict schema refuses presented-only ones). */
export const RENEWAL_SURVEY_FIELDS = renewalSurveySchema.keyof().options;
export type RenewalSurveyField = (typeof RENEWAL_SURVEY_FIELDS)[number];

/** What classification reads from a survey (a complete, submitted one). */
export interface SurveyFacts {
  householdCount: number;
  singleBuilding: boolean;
  neighbourCompoundIds: readonly number[];
  enclosure: EnclosureState;
  infrastructure: Partial<Record<InfrastructureItem, InfrastructureState>>;
  currentManagement: SurveyManagementState;
  hasCommittee: boolean;
  willingHouseholds: number;
  renovation: SurveyRenovationState;
}

const REQUIRED: readonly (keyof RenewalSurveyInput)[] = [
  'buildingCount',
  'stairwellCount',
  'householdCount',
  'floorAreaCenti',
  'singleBuilding',
  'enclosure',
  'hasGate',
  'currentManagement',
  'hasCommittee',
  'fundDeposited',
  'renovation',
  'willingHouseholds',
  'surveyedOn',
];

/**
 * The fields a submission still lacks: field → Chinese message (empty when complete). Every
 * infrastructure item must have a state; neighbours are optional (none found is an answer).
 */
export function surveyMissing(s: Partial<Record<keyof RenewalSurveyInput, unknown>>): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const key of REQUIRED) if (s[key] === null || s[key] === undefined) missing[key] = '提交前须填写此项';
  const infra = (s.infrastructure ?? {}) as Record<string, unknown>;
  const unsurveyed = INFRASTRUCTURE_ITEMS.filter((i) => !infra[i]);
  if (unsurveyed.length) missing.infrastructure = `提交前须填写每项基础设施的状况（尚缺${unsurveyed.length}项）`;
  return missing;
}
