/**
 * Property fees (DOMAIN.md §12; research §6): the enums every layer shares, with the Chinese a
 * person reads. Money is integer fen everywhere.
 */

/** A project's fee items: the property fee is priced per m² of the home's area; the others are a flat monthly amount. */
export const FEE_ITEM_KINDS = ['property_fee', 'parking', 'other'] as const;
export type FeeItemKind = (typeof FEE_ITEM_KINDS)[number];
export const FEE_ITEM_KIND_LABELS: Record<FeeItemKind, string> = { property_fee: '物业服务费', parking: '停车费', other: '其他固定费用' };

/** How often a fee item is billed, per the contract. */
export const BILLING_CYCLES = ['monthly', 'quarterly', 'yearly'] as const;
export type BillingCycle = (typeof BILLING_CYCLES)[number];
export const BILLING_CYCLE_LABELS: Record<BillingCycle, string> = { monthly: '按月', quarterly: '按季', yearly: '按年' };
export const BILLING_CYCLE_MONTHS: Record<BillingCycle, number> = { monthly: 1, quarterly: 3, yearly: 12 };

export const BILL_STATUSES = ['unpaid', 'partly_paid', 'paid', 'reversed'] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];
export const BILL_STATUS_LABELS: Record<BillStatus, string> = { unpaid: '未缴', partly_paid: '部分缴纳', paid: '已缴清', reversed: '已冲销' };

/** Who owes a bill: unsold or undelivered homes are the developer's (物业管理条例 Art. 41). */
export const BILL_PAYERS = ['household', 'developer'] as const;
export type BillPayer = (typeof BILL_PAYERS)[number];
export const BILL_PAYER_LABELS: Record<BillPayer, string> = { household: '业主', developer: '开发建设单位' };

export const PAYMENT_METHODS = ['wechat', 'cash', 'bank_transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = { wechat: '微信支付', cash: '现金', bank_transfer: '银行转账' };
/** What the counter records by hand; WeChat payments arrive only from the payment provider. */
export const COUNTER_PAYMENT_METHODS = ['cash', 'bank_transfer'] as const satisfies readonly PaymentMethod[];

export const BILLING_RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type BillingRunStatus = (typeof BILLING_RUN_STATUSES)[number];
export const BILLING_RUN_STATUS_LABELS: Record<BillingRunStatus, string> = { queued: '排队中', running: '进行中', completed: '已完成', failed: '失败' };

/** Who urged payment (DOMAIN.md §12: the committee urges, as the covenant allows; the company reminds). */
export const FEE_REMINDER_SENDERS = ['company', 'committee'] as const;
export type FeeReminderSender = (typeof FEE_REMINDER_SENDERS)[number];
export const FEE_REMINDER_SENDER_LABELS: Record<FeeReminderSender, string> = { company: '物业服务企业提醒', committee: '业主委员会催缴' };

/** Groupings of the bureau's collection-rate report. */
export const COLLECTION_GROUPS = ['project', 'company', 'street', 'district'] as const;
export type CollectionGroup = (typeof COLLECTION_GROUPS)[number];
export const COLLECTION_GROUP_LABELS: Record<CollectionGroup, string> = { project: '按项目', company: '按企业', street: '按街道', district: '按旗县区' };
