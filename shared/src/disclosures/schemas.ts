import { z } from 'zod';
import { intId, isoDate, optionalText, text } from '../places/fields';
import { uploadOrLinkUrlSchema } from '../uploads/schemas';
import { DISCLOSURE_KINDS, STATEMENT_KINDS } from './enums';

const fen = (label: string) =>
  z
    .number({ error: `${label}必须是整数（分）` })
    .int(`${label}必须是整数（分）`)
    .min(0, `${label}不能为负数`)
    .max(Number.MAX_SAFE_INTEGER, `${label}过大`);

const line = z.strictObject({ label: text('项目名称', 60), amountFen: fen('金额') });

export const statementSchema = z.strictObject({
  openingFen: fen('期初余额'),
  incomeLines: z.array(line, { error: '收入明细必须是列表' }).max(200, '收入明细最多200项'),
  expenseLines: z.array(line, { error: '支出明细必须是列表' }).max(200, '支出明细最多200项'),
  closingFen: fen('期末余额'),
});

export const attachmentSchema = z.strictObject({
  name: text('附件名称', 100),
  url: uploadOrLinkUrlSchema('附件地址无效'),
});

export const disclosureSchema = z
  .strictObject({
    compoundId: intId('小区'),
    kind: z.enum(DISCLOSURE_KINDS, { error: '公开类型不在可选范围内' }),
    title: text('标题', 100),
    body: optionalText('正文', 20000),
    periodStart: isoDate('期间开始').nullish(),
    periodEnd: isoDate('期间结束').nullish(),
    statement: statementSchema.nullish(),
    attachments: z.array(attachmentSchema).max(20, '附件最多20个').default([]),
    dueDate: isoDate('整改期限').nullish(),
    targetId: intId('相关公开事项').nullish(),
  })
  .refine((d) => !STATEMENT_KINDS.includes(d.kind) || !!d.statement, { message: '收支公开须填写收支明细', path: ['statement'] })
  .refine((d) => !STATEMENT_KINDS.includes(d.kind) || (!!d.periodStart && !!d.periodEnd), { message: '收支公开须填写期间', path: ['periodStart'] })
  .refine((d) => !d.periodStart || !d.periodEnd || d.periodEnd >= d.periodStart, { message: '期间结束不能早于开始', path: ['periodEnd'] })
  .refine((d) => d.kind !== 'street_order' || (!!d.dueDate && !!d.targetId), { message: '责令改正须指明决定和整改期限', path: ['dueDate'] });

export const flagSchema = z.strictObject({
  disclosureId: intId('公开事项'),
  line: z.string().regex(/^(income:\d{1,3}|expense:\d{1,3}|opening|closing|body)$/, '请选择要纠错的项目'),
  comment: text('纠错说明', 500),
});
export const flagAnswerSchema = z.strictObject({ answer: text('答复', 1000) });
export const revokeSchema = z.strictObject({ reason: text('撤销理由', 500) });
