import { z } from 'zod';
import { intId, isoDate, optionalText, text } from '../places/fields';
import { uploadOrLinkUrlSchema, uploadUrlSchema } from '../uploads/schemas';
import { COMPOUND_TYPES } from '../places/enums';
import { AWARD_KINDS, REQUIREMENT_CATEGORIES, SERVICE_SCALES } from './levels';
import { COST_ITEMS, PRICING_FORMS, SELECTION_METHODS, type CostItem } from './fees';

const oneOf = <T extends readonly [string, ...string[]]>(label: string, values: T) => z.enum(values, { error: `${label}的取值无效` });
const year = (label = '年度') =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(2000, `${label}须在2000–2100年之间`)
    .max(2100, `${label}须在2000–2100年之间`);
/** Fen amounts: non-negative integers below 10^13 fen (10^11 元), far from 2^53. */
const fen = (label: string, max = 1e13) =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}须为整数分`)
    .min(0, `${label}不能为负`)
    .max(max, `${label}过大`);

export const requirementItemSchema = z.strictObject({
  category: oneOf('要求类别', REQUIREMENT_CATEGORIES),
  text: text('要求内容', 500),
});

export const serviceLevelSchema = z.strictObject({
  scale: oneOf('等级体系', SERVICE_SCALES),
  code: z
    .string({ error: '代码必须是文字' })
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,20}$/, '代码为1–20位字母、数字、-或_'),
  order: z.number({ error: '次序必须是数字' }).int('次序必须是整数').min(1, '次序从1开始（1为最高）').max(99, '次序不能超过99'),
  name: text('名称', 40),
  items: z.array(requirementItemSchema, { error: '要求条目必须是列表' }).max(200, '要求条目不能超过200条').default([]),
  sourceDocument: text('依据文件', 200),
  placeholder: z.boolean({ error: '是否占位必须是是/否' }).default(false),
});

/** An uploaded file (`/api/uploads/<id>`, the uploader's own) or a public https link, with its name. */
const evidenceSchema = z
  .array(
    z.strictObject({
      name: text('文件名称', 100),
      url: uploadOrLinkUrlSchema(),
    }),
    { error: '证明材料必须是列表' },
  )
  .max(20, '证明材料不能超过20项');

/** A photo taken at the assessment: an upload of the assessor's own. */
const photoUrlSchema = uploadUrlSchema('照片须先上传');

export const levelAssessmentCreateSchema = z.strictObject({
  projectId: intId('项目'),
  levelId: intId('申请等级'),
  evidence: evidenceSchema.default([]),
  applicationNote: optionalText('申请说明', 500),
});

export const itemResultSchema = z.strictObject({
  item: z.number({ error: '条目序号必须是数字' }).int().min(0, '条目序号无效').max(199, '条目序号无效'),
  met: z.boolean({ error: '是否达标必须是是/否' }),
  photos: z.array(photoUrlSchema, { error: '照片必须是列表' }).max(10, '每条最多10张照片').default([]),
});

export const levelAssessmentDecisionSchema = z.strictObject({
  decision: z.enum(['accepted', 'rejected'], { error: '评定结论须为认定或不予认定' }),
  results: z.array(itemResultSchema, { error: '逐项评定必须是列表' }).max(200).default([]),
  decisionNote: optionalText('评定意见', 500),
  decidedOn: isoDate('评定日期').optional(),
});

export const upgradePlanItemSchema = z.strictObject({
  projectId: intId('项目'),
  targetLevelId: intId('目标等级'),
});

export const upgradePlanSchema = z
  .strictObject({
    regionCode: z.string({ error: '区县必须是文字' }).regex(/^\d{6}$/, '区县须为6位行政区划代码'),
    year: year(),
    measures: text('主要措施', 2000),
    deadline: isoDate('完成期限'),
    items: z.array(upgradePlanItemSchema, { error: '项目清单必须是列表' }).min(1, '至少列入一个项目').max(500, '项目不能超过500个'),
  })
  .refine((p) => new Set(p.items.map((i) => i.projectId)).size === p.items.length, { message: '同一项目不能重复列入', path: ['items'] });

export const awardSchema = z.strictObject({
  projectId: intId('项目'),
  kind: oneOf('荣誉类别', AWARD_KINDS),
  year: year(),
  document: text('文件', 200),
  rewardFen: fen('奖励金额')
    .nullish()
    .transform((v) => v ?? null),
  rewardPaidOn: isoDate('奖励发放日期')
    .nullish()
    .transform((v) => v ?? null),
});

export const feeGuidanceSchema = z
  .strictObject({
    levelId: intId('服务等级'),
    propertyType: oneOf('物业类型', COMPOUND_TYPES),
    minFen: fen('指导价下限', 100000),
    maxFen: fen('指导价上限', 100000),
    sourceDocument: text('依据文件', 200),
    effectiveFrom: isoDate('生效日期'),
    effectiveUntil: isoDate('失效日期')
      .nullish()
      .transform((v) => v ?? null),
  })
  .refine((g) => g.minFen <= g.maxFen, { message: '下限不能高于上限', path: ['minFen'] })
  .refine((g) => !g.effectiveUntil || g.effectiveUntil >= g.effectiveFrom, { message: '失效日期不能早于生效日期', path: ['effectiveUntil'] });

export const costReportSchema = z.strictObject({
  companyId: intId('物业企业'),
  year: year(),
  ...(Object.fromEntries(COST_ITEMS.map((k) => [k, fen('费用')])) as Record<CostItem, ReturnType<typeof fen>>),
});

/** The pricing fields a project records (DOMAIN.md §11), spread into projectSchema. */
export const projectPricingFields = {
  pricingForm: oneOf('计费方式', PRICING_FORMS)
    .nullish()
    .transform((v) => v ?? null),
  selectionMethod: oneOf('选聘方式', SELECTION_METHODS)
    .nullish()
    .transform((v) => v ?? null),
  tenderDate: isoDate('招标日期')
    .nullish()
    .transform((v) => v ?? null),
  tenderResult: optionalText('招标结果', 200),
};

export const QUALITY_STATS_GROUPS = ['district', 'level'] as const;
export type QualityStatsGroup = (typeof QUALITY_STATS_GROUPS)[number];
export const qualityStatsQuerySchema = z.object({
  year: z.coerce.number({ error: '年度必须是数字' }).int('年度必须是整数').min(2000, '年度须在2000–2100年之间').max(2100, '年度须在2000–2100年之间'),
  groupBy: z.enum(QUALITY_STATS_GROUPS, { error: '分组须为 district 或 level' }).default('district'),
});
