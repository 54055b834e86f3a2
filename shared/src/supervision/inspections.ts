import { z } from 'zod';
import { coordinate, intId, optionalText, text } from '../places/fields';
import { uploadUrlSchema } from '../uploads/schemas';

/**
 * Inspections and company patrols from a checklist that is data (DOMAIN.md §10; research
 * domain-2026-11.md §3 rule 1). Enum tuples are used by zod, by the Drizzle pgEnums and by the
 * console's choices; values outside them throw (zod) or are refused by the database.
 */

/** DOMAIN.md §10's checklist categories, plus the plan's other supervision items. */
export const CHECKLIST_CATEGORIES = [
  'fire_lane',
  'exits',
  'fire_facilities',
  'ebike',
  'micro_station',
  'disclosure',
  'illegal_construction',
  'cleanliness',
] as const;
export type ChecklistCategory = (typeof CHECKLIST_CATEGORIES)[number];
export const CHECKLIST_CATEGORY_LABELS: Record<ChecklistCategory, string> = {
  fire_lane: '消防车通道',
  exits: '安全出口与疏散通道',
  fire_facilities: '消防设施',
  ebike: '电动自行车停放充电',
  micro_station: '微型消防站',
  disclosure: '信息公开',
  illegal_construction: '违法建设',
  cleanliness: '环境卫生',
};

/** A finding's severity: a major one gets the short deadline (DOMAIN.md §10: 24 h). */
export const HAZARD_SEVERITIES = ['general', 'major'] as const;
export type HazardSeverity = (typeof HAZARD_SEVERITIES)[number];
export const HAZARD_SEVERITY_LABELS: Record<HazardSeverity, string> = { general: '一般隐患', major: '重大隐患' };

/** An inspection by bureau staff, or a company's own daily patrol (research §3 rule 2). */
export const INSPECTION_KINDS = ['inspection', 'patrol'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = { inspection: '监督检查', patrol: '企业巡查' };

export const ITEM_RESULTS = ['passed', 'failed', 'not_applicable'] as const;
export type ItemResult = (typeof ITEM_RESULTS)[number];
export const ITEM_RESULT_LABELS: Record<ItemResult, string> = { passed: '合格', failed: '不合格', not_applicable: '不适用' };

const oneOf = <T extends readonly [string, ...string[]]>(label: string, values: T) => z.enum(values, { error: `${label}的取值无效` });
const bool = (label: string) => z.boolean({ error: `${label}必须是是/否` });

/** A photo: an upload of the acting user's own (the server checks ownership). */
export const photoUrlSchema = uploadUrlSchema('照片须先上传');
const photos = (label: string) => z.array(photoUrlSchema, { error: `${label}必须是列表` }).max(9, `${label}不能超过9张`);

/** A checklist item kept by city staff (`inspection-checklist-items`). */
export const checklistItemSchema = z.strictObject({
  code: z
    .string({ error: '代码必须是文字' })
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, '代码为1–40位字母、数字、-或_'),
  category: oneOf('类别', CHECKLIST_CATEGORIES),
  text: text('检查内容', 300),
  severity: oneOf('隐患等级', HAZARD_SEVERITIES).default('general'),
  onSpot: bool('是否须当场改正').default(false),
  fireLane: bool('是否涉及消防车通道').default(false),
  sourceDocument: text('依据文件', 200),
  sortOrder: z.number({ error: '排序必须是数字' }).int('排序必须是整数').min(0, '排序不能为负').max(9999, '排序不能超过9999').default(0),
  active: bool('是否启用').default(true),
});
export type ChecklistItemInput = z.infer<typeof checklistItemSchema>;

/** One checklist item's result in an inspection or patrol. */
export const itemResultInputSchema = z.strictObject({
  itemId: intId('检查条目'),
  result: oneOf('检查结果', ITEM_RESULTS),
  photos: photos('现场照片').default([]),
  note: optionalText('说明', 300),
  /** A failed on-the-spot item corrected during the visit: needs rectificationPhotos. */
  correctedOnSpot: bool('是否当场改正').default(false),
  rectificationPhotos: photos('整改照片').default([]),
});
export type ItemResultInput = z.infer<typeof itemResultInputSchema>;

/** POST /api/inspections: one visit to one project, every item answered once. */
export const inspectionCreateSchema = z.strictObject({
  projectId: intId('项目'),
  kind: oneOf('检查类型', INSPECTION_KINDS).default('inspection'),
  /** When the visit took place; default now. Not in the future, not older than 30 days (server). */
  inspectedAt: z.iso.datetime({ offset: true, error: '检查时间格式无效' }).nullish(),
  lat: coordinate('纬度', 90).nullish(),
  lng: coordinate('经度', 180).nullish(),
  note: optionalText('备注', 500),
  results: z.array(itemResultInputSchema, { error: '检查结果必须是列表' }).min(1, '至少填写一项检查结果').max(200, '检查结果不能超过200项'),
});
export type InspectionCreateInput = z.infer<typeof inspectionCreateSchema>;

/**
 * The results of one visit checked as a whole (DOMAIN.md §10): each item once; a failed item
 * corrected on the spot carries a rectification photo and must be an on-the-spot item; a photo of
 * the finding for each failed item. Returns field → Chinese message (empty when fine). Pure.
 * `items` are the checklist rows by id; an id not among them is reported too.
 */
export function inspectionResultProblems(
  results: readonly ItemResultInput[],
  items: ReadonlyMap<number, { onSpot: boolean; active: boolean }>,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const seen = new Set<number>();
  results.forEach((r, i) => {
    const at = `results.${i}`;
    const item = items.get(r.itemId);
    if (!item || !item.active) problems[`${at}.itemId`] = '检查条目不存在或已停用';
    else if (seen.has(r.itemId)) problems[`${at}.itemId`] = '同一条目不能重复填写';
    seen.add(r.itemId);
    if (r.result !== 'failed' && (r.correctedOnSpot || r.rectificationPhotos.length)) problems[`${at}.correctedOnSpot`] = '只有不合格条目才有当场整改';
    if (r.result === 'failed' && r.photos.length === 0) problems[`${at}.photos`] = '不合格条目须附现场照片';
    if (r.correctedOnSpot && item && !item.onSpot) problems[`${at}.correctedOnSpot`] = '该条目不属于须当场改正的情形';
    if (r.correctedOnSpot && r.rectificationPhotos.length === 0) problems[`${at}.rectificationPhotos`] = '当场整改须附整改照片';
  });
  return problems;
}
