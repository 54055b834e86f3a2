import { z } from 'zod';
import { intId, isoDate, optionalText, text } from '../places/fields';

/**
 * Quasi-property enrolment, yearly assessment, subsidy batches and their use, and renovation
 * (DOMAIN.md §4; action plan 四(四), 四(十一)2, 五(四); research §4 rules 3–4). State machines are data.
 */

export const ASSESSMENT_RESULTS = ['pass', 'fail'] as const;
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number];
export const ASSESSMENT_RESULT_LABELS: Record<AssessmentResult, string> = { pass: '合格', fail: '不合格' };

/** draft → district approves → city approves → paid (四(四)2: paid yearly on the city's request). */
export const SUBSIDY_BATCH_STATUSES = ['draft', 'district_approved', 'city_approved', 'paid'] as const;
export type SubsidyBatchStatus = (typeof SUBSIDY_BATCH_STATUSES)[number];
export const SUBSIDY_BATCH_STATUS_LABELS: Record<SubsidyBatchStatus, string> = {
  draft: '草稿',
  district_approved: '区级已审核',
  city_approved: '市级已审核',
  paid: '已拨付',
};

/**
 * Each step: the status it starts from, the status it leads to, and the role that takes it.
 * `approve` is one action taken twice: by the district on a draft, by the city on a district-approved batch.
 */
export const SUBSIDY_BATCH_STEPS = [
  { action: 'approve', from: 'draft', to: 'district_approved', role: 'district_staff' },
  { action: 'approve', from: 'district_approved', to: 'city_approved', role: 'city_admin' },
  { action: 'pay', from: 'city_approved', to: 'paid', role: 'city_admin' },
] as const;

/**
 * The step `role` may take with `action` ('approve' | 'pay'), or undefined when that role has none:
 * district staff approve drafts, the city approves district-approved batches and pays city-approved ones.
 */
export function subsidyBatchStep(action: string, role: string) {
  return SUBSIDY_BATCH_STEPS.find((s) => s.action === action && s.role === role);
}

/** Where subsidy money may go (五(四)): facilities, greening, road repair. */
export const SUBSIDY_USAGE_CATEGORIES = ['facilities', 'greening', 'roads'] as const;
export type SubsidyUsageCategory = (typeof SUBSIDY_USAGE_CATEGORIES)[number];
export const SUBSIDY_USAGE_CATEGORY_LABELS: Record<SubsidyUsageCategory, string> = { facilities: '设施设备', greening: '绿化', roads: '道路维修' };

/** 老旧小区改造: planned → (owners agree through a vote) → contracted → in progress → accepted. */
export const RENOVATION_STATUSES = ['planned', 'contracted', 'in_progress', 'accepted'] as const;
export type RenovationStatus = (typeof RENOVATION_STATUSES)[number];
export const RENOVATION_STATUS_LABELS: Record<RenovationStatus, string> = {
  planned: '计划中',
  contracted: '已签服务合同',
  in_progress: '施工中',
  accepted: '已验收',
};

const fen = (label: string, min = 0) =>
  z
    .number({ error: `${label}必须是数字（分）` })
    .int(`${label}必须是整数（分）`)
    .min(min, `${label}不能小于${min}`)
    .max(1e13, `${label}过大`);

export const yearField = (label = '年度') =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(2000, `${label}不能早于2000年`)
    .max(2100, `${label}不能晚于2100年`);

export const mergeIntoSchema = z.strictObject({ targetCompoundId: intId('接收小区') });

export const quasiStandardItemSchema = z.strictObject({
  text: text('标准条目', 200),
  sortOrder: z.number({ error: '排序必须是数字' }).int('排序必须是整数').min(0).max(999).default(0),
  active: z.boolean({ error: '是否启用必须是是/否' }).default(true),
});

export const quasiEnrolmentSchema = z
  .strictObject({
    compoundId: intId('小区'),
    companyId: intId('准物业服务企业'),
    startDate: isoDate('开始日期'),
    endDate: isoDate('结束日期')
      .nullish()
      .transform((v) => v ?? null),
    note: optionalText('备注', 500),
  })
  .refine((v) => !v.endDate || v.endDate >= v.startDate, { message: '结束日期不能早于开始日期', path: ['endDate'] });

const evidence = z.array(intId('证明材料')).max(20, '每项证明材料最多20个').default([]);
export const quasiAssessmentSchema = z.strictObject({
  enrolmentId: intId('准物业备案'),
  year: yearField('考核年度'),
  result: z.enum(ASSESSMENT_RESULTS, { error: '考核结论只能是合格或不合格' }),
  items: z
    .array(z.strictObject({ itemId: intId('标准条目'), met: z.boolean({ error: '是否达标必须是是/否' }), evidence, note: optionalText('说明', 200) }), {
      error: '考核条目必须是列表',
    })
    .max(50, '考核条目最多50项'),
  note: optionalText('考核意见', 500),
});

export const subsidyBatchSchema = z.strictObject({
  districtCode: z.string({ error: '区县必须是文字' }).regex(/^\d{6}$/, '区县代码必须是6位数字'),
  year: yearField('补贴年度'),
});

export const subsidyUsageSchema = z.strictObject({
  lineId: intId('补贴明细'),
  category: z.enum(SUBSIDY_USAGE_CATEGORIES, { error: '用途只能是设施设备、绿化或道路维修' }),
  amountFen: fen('金额', 1),
  spentOn: isoDate('使用日期'),
  note: optionalText('说明', 200),
});

export const renovationSchema = z
  .strictObject({
    compoundId: intId('小区'),
    title: text('项目名称', 100),
    items: z
      .array(z.strictObject({ name: text('改造内容', 100), budgetFen: fen('预算', 1) }), { error: '改造内容必须是列表' })
      .min(1, '至少填写一项改造内容')
      .max(50, '改造内容最多50项'),
    plannedStart: isoDate('计划开工日期'),
    plannedEnd: isoDate('计划完工日期'),
    serviceStandard: optionalText('改造后服务标准', 500),
    feeFenPerSqmMonth: fen('改造后物业费（分/㎡·月）')
      .nullish()
      .transform((v) => v ?? null),
  })
  .refine((v) => v.plannedEnd >= v.plannedStart, { message: '计划完工日期不能早于开工日期', path: ['plannedEnd'] });

export const renovationVoteSchema = z.strictObject({ voteId: intId('业主表决') });
export const renovationContractSchema = z.strictObject({ contractRef: text('服务合同编号', 80) });
export const renovationProgressSchema = z.strictObject({
  progressPercent: z.number({ error: '进度必须是数字' }).int('进度必须是整数').min(0, '进度不能小于0').max(100, '进度不能超过100'),
  note: optionalText('进度说明', 500),
});
export const renovationAcceptSchema = z.strictObject({ acceptedOn: isoDate('验收日期'), note: optionalText('验收意见', 500) });
