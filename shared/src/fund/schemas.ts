import { z } from 'zod';
import { intId, isoDate, optionalText, text } from '../places/fields';
import { uploadOrLinkUrlSchema } from '../uploads/schemas';
import { VOTE_SCOPES } from '../votes/enums';
import { EMERGENCY_KINDS } from './rules';

const fen = (label: string, min = 0) =>
  z
    .number({ error: `${label}必须是整数（分）` })
    .int(`${label}必须是整数（分）`)
    .min(min, min > 0 ? `${label}必须大于0` : `${label}不能为负数`)
    .max(Number.MAX_SAFE_INTEGER, `${label}过大`);

const documents = z
  .array(z.strictObject({ name: text('文件名称', 100), url: uploadOrLinkUrlSchema('文件地址无效') }))
  .max(20, '文件最多20个')
  .default([]);

export const depositSchema = z.strictObject({
  householdId: intId('房屋'),
  kind: z.enum(['first_deposit', 'top_up'], { error: '交存类型只能是首次交存或续交' }),
  amountFen: fen('金额', 1).optional(),
  memo: optionalText('备注', 200),
});

export const allocateEarningsSchema = z.strictObject({
  periodEnd: isoDate('结息日'),
  amountFen: fen('收益金额', 1),
});

export const reverseSchema = z.strictObject({ reason: text('冲正原因', 200) });

export const fundApplicationSchema = z
  .strictObject({
    compoundId: intId('小区'),
    title: text('维修项目', 100),
    items: z
      .array(z.strictObject({ name: text('维修内容', 100), budgetFen: fen('预算', 1) }), { error: '维修内容必须是列表' })
      .min(1, '至少填写一项维修内容')
      .max(50, '维修内容最多50项'),
    contractor: text('施工单位', 100),
    scopeType: z.enum(VOTE_SCOPES, { error: '分摊范围不在可选范围内' }),
    scopeIds: z.array(intId('范围')).max(500).default([]),
    emergency: z.boolean({ error: '是否应急必须是是/否' }).default(false),
    emergencyKind: z.enum(EMERGENCY_KINDS, { error: '应急情形不在可选范围内' }).nullish(),
    description: optionalText('说明', 2000),
  })
  .refine((a) => a.scopeType === 'compound' || a.scopeIds.length > 0, { message: '请选择分摊范围内的楼栋或单元', path: ['scopeIds'] })
  .refine((a) => !a.emergency || !!a.emergencyKind, { message: '应急维修须选择应急情形', path: ['emergencyKind'] })
  .refine((a) => a.emergency || !a.emergencyKind, { message: '非应急维修不能选择应急情形', path: ['emergencyKind'] });

export const reviewSchema = z
  .strictObject({ decision: z.enum(['approve', 'return'], { error: '审核结论只能是批准或退回' }), reason: optionalText('理由', 500) })
  .refine((r) => r.decision === 'approve' || !!r.reason, { message: '退回须说明理由', path: ['reason'] });

export const superviseSchema = z.strictObject({
  supervisor: text('监理单位', 100),
  report: text('监理及审价意见', 2000),
  auditedCostFen: fen('审定造价', 1),
  documents,
});

export const acceptSchema = z.strictObject({ actualCostFen: fen('实际费用', 1), documents, note: optionalText('验收意见', 1000) });

export const paymentSchema = z.strictObject({ householdId: intId('房屋'), amountFen: fen('交存金额', 1) });

export const paymentCallbackSchema = z.strictObject({
  providerTxnId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '交易号无效'),
  amountFen: fen('金额', 1),
  status: z.enum(['SUCCESS', 'FAIL']),
  sign: z.string().regex(/^[0-9a-f]{64}$/, '签名无效'),
});

/** A custodian bank account number: digits (spaces and dashes as typed are dropped); empty until the bank has opened it. */
const accountNo = z
  .string({ error: '专户账号必须是文字' })
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^(\d{6,40})?$/, '专户账号须为6–40位数字'))
  .nullish()
  .transform((v) => (v ? v : null));

/** The custodian bank's details of a compound's special account (DOMAIN.md §3). */
export const fundAccountBankSchema = z.strictObject({ bankName: optionalText('开户银行', 60), accountNo });

/** Opening a special account for a compound that has none (issue 9 §8). */
export const fundAccountSchema = z.strictObject({ compoundId: intId('小区'), bankName: optionalText('开户银行', 60), accountNo });
