import { z } from 'zod';
import { intId, isoDate, optionalText, text } from '../places/fields';
import { uploadUrlSchema } from '../uploads/schemas';

/** Signed tenths of a point as an item may carry them; the item type narrows the range (server). */
export const pointsTenthsField = (label = '分值') =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}须为0.1分的整数倍`)
    .min(-1000, `${label}不能低于-100分`)
    .max(1000, `${label}不能超过100分`);

const evidenceFiles = z
  .array(
    z.strictObject({
      name: text('文件名称', 100),
      url: uploadUrlSchema('证明材料须先上传'),
    }),
    { error: '证明材料必须是列表' },
  )
  .max(20, '证明材料不能超过20项');

/** Evidence: files the recording staff member uploaded (the uploads capability), at least one. */
export const creditEvidenceSchema = evidenceFiles.min(1, '请上传至少一份证明材料');

/**
 * A credit item recorded by hand by city or district staff (DOMAIN.md §5): points within the type's
 * range, the authority and its document number, evidence, valid from (default: the day it happened)
 * until (default: one year, the validity setting).
 */
export const creditItemCreateSchema = z
  .strictObject({
    companyId: intId('企业'),
    projectId: intId('项目')
      .nullish()
      .transform((v) => v ?? null),
    type: z
      .string({ error: (iss) => (iss.input === undefined || iss.input === null ? '请选择事项类型' : '信用事项类型必须是文字') })
      .regex(/^[a-z][a-z0-9_]{1,39}$/, '信用事项类型无效'),
    pointsTenths: pointsTenthsField(),
    authority: text('认定机关', 100),
    document: text('文书编号', 200),
    note: optionalText('事项说明', 500),
    evidence: creditEvidenceSchema,
    occurredOn: isoDate('发生日期'),
    validFrom: isoDate('有效期起')
      .nullish()
      .transform((v) => v ?? null),
    validUntil: isoDate('有效期止')
      .nullish()
      .transform((v) => v ?? null),
  })
  .refine((v) => !v.validFrom || !v.validUntil || v.validFrom <= v.validUntil, { message: '有效期止不能早于有效期起', path: ['validUntil'] });
export type CreditItemCreate = z.infer<typeof creditItemCreateSchema>;

/** A company's objection (异议) to one of its items, with its reasons (DOMAIN.md §5). */
export const creditObjectionCreateSchema = z.strictObject({
  itemId: intId('信用事项'),
  reason: text('异议理由', 1000),
  evidence: evidenceFiles.default([]),
});
export type CreditObjectionCreate = z.infer<typeof creditObjectionCreateSchema>;

export const CREDIT_OBJECTION_STATUSES = ['pending', 'upheld', 'corrected', 'withdrawn'] as const;
export type CreditObjectionStatus = (typeof CREDIT_OBJECTION_STATUSES)[number];
export const CREDIT_OBJECTION_STATUS_LABELS: Record<CreditObjectionStatus, string> = {
  pending: '待答复',
  upheld: '维持原认定',
  corrected: '已更正',
  withdrawn: '已撤销事项',
};
export const CREDIT_OBJECTION_OUTCOMES = ['upheld', 'corrected', 'withdrawn'] as const;
export type CreditObjectionOutcome = (typeof CREDIT_OBJECTION_OUTCOMES)[number];

/** The authority's answer (DOMAIN.md §5): upheld, corrected (with the new points) or withdrawn. */
export const creditObjectionAnswerSchema = z
  .strictObject({
    outcome: z.enum(CREDIT_OBJECTION_OUTCOMES, { error: '答复结论须为维持、更正或撤销' }),
    answer: text('答复意见', 1000),
    pointsTenths: pointsTenthsField('更正后分值')
      .nullish()
      .transform((v) => v ?? null),
  })
  .refine((v) => v.outcome !== 'corrected' || v.pointsTenths !== null, { message: '更正须给出更正后的分值', path: ['pointsTenths'] });
export type CreditObjectionAnswer = z.infer<typeof creditObjectionAnswerSchema>;

export const creditEvaluateSchema = z.strictObject({
  year: z.number({ error: '年度必须是数字' }).int('年度必须是整数').min(2000, '年度须在2000年以后').max(2100, '年度不能超过2100年'),
});
