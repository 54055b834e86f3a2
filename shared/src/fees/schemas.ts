import { z } from 'zod';
import { intId, isoDate, optionalText, text } from '../places/fields';
import { BILLING_CYCLES, COLLECTION_GROUPS, COUNTER_PAYMENT_METHODS, FEE_ITEM_KINDS } from './enums';

const fen = (label: string, min = 0) =>
  z
    .number({ error: `${label}必须是整数（分）` })
    .int(`${label}必须是整数（分）`)
    .min(min, min > 0 ? `${label}必须大于0` : `${label}不能为负数`)
    .max(1_000_000_000_000, `${label}过大`);

const billingMonth = (label: string) =>
  z.string({ error: `${label}格式应为 YYYY-MM` }).regex(/^20\d{2}-(0[1-9]|1[0-2])$/, `${label}格式应为 YYYY-MM（2000—2099年）`);

/**
 * A fee item (DOMAIN.md §12): the property fee is priced per m² per month in milli-fen (1.39 元 =
 * 139000), other items a flat monthly amount in fen; billing starts on the 1st of a month. A
 * late-fee rate only where the contract sets one (basis points per month; the server caps it).
 */
export const feeItemSchema = z
  .strictObject({
    projectId: intId('服务项目'),
    kind: z.enum(FEE_ITEM_KINDS, { error: '收费项目类型不在可选范围内' }),
    name: text('收费项目名称', 40),
    feeMilliFenPerM2Month: z
      .number({ error: '单价必须是整数（毫分/㎡·月）' })
      .int('单价必须是整数（毫分/㎡·月）')
      .min(1, '单价必须大于0')
      .max(100_000_000, '单价过大')
      .nullish(),
    monthlyFen: fen('月收费金额', 1).nullish(),
    billingCycle: z.enum(BILLING_CYCLES, { error: '计费周期只能是按月、按季或按年' }),
    startsOn: isoDate('起始计费日期').refine((d) => d.endsWith('-01'), '起始计费日期须为某月1日'),
    lateFeeBpPerMonth: z
      .number({ error: '违约金比例必须是整数（万分之一/月）' })
      .int('违约金比例必须是整数（万分之一/月）')
      .min(1, '违约金比例必须大于0')
      .max(10_000, '违约金比例过大')
      .nullish(),
    active: z.boolean({ error: '是否启用必须是是/否' }).default(true),
  })
  .refine((f) => f.kind !== 'property_fee' || (f.feeMilliFenPerM2Month ?? null) !== null, {
    message: '物业服务费须填写每平方米每月单价',
    path: ['feeMilliFenPerM2Month'],
  })
  .refine((f) => f.kind !== 'property_fee' || (f.monthlyFen ?? null) === null, { message: '物业服务费按面积计费，不填月收费金额', path: ['monthlyFen'] })
  .refine((f) => f.kind === 'property_fee' || (f.monthlyFen ?? null) !== null, { message: '请填写月收费金额', path: ['monthlyFen'] })
  .refine((f) => f.kind === 'property_fee' || (f.feeMilliFenPerM2Month ?? null) === null, {
    message: '固定费用不按面积计费，不填单价',
    path: ['feeMilliFenPerM2Month'],
  });
export type FeeItemInput = z.infer<typeof feeItemSchema>;

/** What may change on a fee item: the price is fixed once billed; stop it and add another instead. */
export const feeItemUpdateSchema = z.strictObject({
  name: text('收费项目名称', 40).optional(),
  lateFeeBpPerMonth: z
    .number({ error: '违约金比例必须是整数（万分之一/月）' })
    .int('违约金比例必须是整数（万分之一/月）')
    .min(1, '违约金比例必须大于0')
    .max(10_000, '违约金比例过大')
    .nullish(),
  active: z.boolean({ error: '是否启用必须是是/否' }).optional(),
});

/** POST /api/billing-runs: a project, or some compounds of the company's, for one month. */
export const billingRunSchema = z
  .strictObject({
    projectId: intId('服务项目').optional(),
    compoundIds: z.array(intId('小区'), { error: '小区必须是列表' }).min(1, '至少选择一个小区').max(500, '一次最多500个小区').optional(),
    period: billingMonth('计费月份'),
  })
  .refine((r) => (r.projectId === undefined) !== (r.compoundIds === undefined), { message: '请选择一个服务项目或若干小区（二选一）', path: ['projectId'] });
export type BillingRunInput = z.infer<typeof billingRunSchema>;

/** A counter payment (cash, bank transfer): partial allowed, never more than owed. */
export const counterPaymentSchema = z.strictObject({
  householdId: intId('房屋'),
  billIds: z.array(intId('账单'), { error: '账单必须是列表' }).min(1, '至少选择一张账单').max(200, '一次最多200张账单').nullish(),
  amountFen: fen('缴费金额', 1),
  method: z.enum(COUNTER_PAYMENT_METHODS, { error: '柜台收款方式只能是现金或银行转账' }),
  reference: optionalText('凭证号/备注', 64),
});
export type CounterPaymentInput = z.infer<typeof counterPaymentSchema>;

export const reverseBillSchema = z.strictObject({ reason: text('冲销原因', 200) });
export const refundPaymentSchema = z.strictObject({ amountFen: fen('退款金额', 1), reason: text('退款原因', 200) });
export const feeReminderSchema = z.strictObject({
  householdIds: z.array(intId('房屋'), { error: '房屋必须是列表' }).min(1, '至少选择一户').max(500, '一次最多500户'),
});

export const collectionQuerySchema = z.strictObject({
  from: isoDate('开始日期'),
  to: isoDate('结束日期'),
  groupBy: z.enum(COLLECTION_GROUPS, { error: '分组只能是项目、企业、街道或旗县区' }).default('project'),
});
