import { z } from 'zod';
import { contactPhone, intId, isoDate, mobilePhone, optionalText, text } from '../places/fields';
import { ALL_TICKET_CATEGORIES, COMPLAINT_TARGETS, RATING_TAGS, TICKET_CONTACT_SHARES, TICKET_KINDS, TICKET_LEVELS, categoryKind } from './enums';
import { STATS_GROUPS } from './stats';

export const MAX_TICKET_PHOTOS = 9;

const choice = <T extends readonly [string, ...string[]]>(label: string, values: T) => z.enum(values, { error: `${label}不在可选范围内` });

export const photoIds = (label = '照片') =>
  z
    .array(intId(label), { error: `${label}必须是上传文件编号的列表` })
    .max(MAX_TICKET_PHOTOS, `${label}最多${MAX_TICKET_PHOTOS}张`)
    .refine((ids) => new Set(ids).size === ids.length, `${label}不能重复`)
    .default([]);

const ticketBase = {
  kind: choice('类型', TICKET_KINDS),
  category: choice('类别', ALL_TICKET_CATEGORIES),
  against: choice('投诉对象', COMPLAINT_TARGETS).nullish(),
  householdId: intId('房屋'),
  description: z.string({ error: '问题描述必须是文字' }).trim().min(5, '问题描述至少5个字').max(1000, '问题描述不能超过1000个字'),
  photos: photoIds(),
  preferredTime: optionalText('期望上门时间', 40),
};

type TicketInputShape = { kind: string; category: string; against?: string | null };
const kindRules = (t: TicketInputShape, ctx: z.RefinementCtx) => {
  if (categoryKind(t.category) !== t.kind) ctx.addIssue({ code: 'custom', path: ['category'], message: '类别与类型不符' });
  if (t.kind === 'complaint' && !t.against) ctx.addIssue({ code: 'custom', path: ['against'], message: '投诉须选择投诉对象（物业企业或业主委员会）' });
  if (t.kind !== 'complaint' && t.against) ctx.addIssue({ code: 'custom', path: ['against'], message: '只有投诉需要选择投诉对象' });
};

/** A resident files from the mini-program, choosing what of their contact the handler may see (name and phone by default). */
export const ticketCreateSchema = z
  .strictObject({ ...ticketBase, shareContact: choice('联系方式', TICKET_CONTACT_SHARES).default('name_phone') })
  .superRefine(kindRules);

/** Staff enter a case for a resident (the 5267086 hotline, or a visit), choosing its level. */
export const ticketStaffCreateSchema = z
  .strictObject({
    ...ticketBase,
    channel: choice('来源', ['hotline', 'visit'] as const).default('hotline'),
    contactName: text('联系人', 40),
    // A hotline caller may call from a landline (issue 16 §1): phone.ts' rule.
    contactPhone: contactPhone('联系电话'),
    level: choice('受理层级', TICKET_LEVELS).nullish(),
  })
  .superRefine(kindRules);

const note = optionalText('备注', 500);
export const ticketActionSchemas = {
  accept: z.strictObject({ department: optionalText('受理部门', 60), person: optionalText('受理人员', 40), note }),
  dispatch: z.strictObject({ workerName: text('维修人员', 40), workerPhone: mobilePhone('维修人员电话').nullish(), note }),
  start: z.strictObject({ note }),
  resolve: z.strictObject({ result: text('处理结果', 1000), photos: photoIds('完工照片') }),
  confirm: z.strictObject({
    rating: z.number({ error: '评分必须是数字' }).int('评分必须是整数').min(1, '评分为1–5分').max(5, '评分为1–5分'),
    tags: z.array(choice('评价标签', RATING_TAGS)).max(RATING_TAGS.length).default([]),
    comment: optionalText('评价内容', 200),
  }),
  reject: z.strictObject({ reason: text('退回理由', 500) }),
  escalate: z.strictObject({ reason: text('升级理由', 500) }),
  answer: z.strictObject({ answer: text('答复内容', 2000) }),
  close: z.strictObject({ note }),
} as const;

const dateParam = (label: string) => isoDate(label);
export const ticketStatsQuerySchema = z
  .strictObject({ from: dateParam('开始日期'), to: dateParam('结束日期'), groupBy: choice('统计维度', STATS_GROUPS).default('district') })
  .refine((q) => q.from <= q.to, { path: ['to'], message: '结束日期不能早于开始日期' })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 2 * 86_400_000, { path: ['to'], message: '统计区间最长两年' });
