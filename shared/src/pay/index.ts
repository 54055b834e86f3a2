/**
 * WeChat Pay orders (issue 13; research §6): the enums every layer shares, with the Chinese a person
 * reads, and the console's refund of an order the books could not take.
 */
import { z } from 'zod';
import { text } from '../places/fields';

/** What an order pays: a home's bills, or a maintenance-fund self-deposit. */
export const PAY_ORDER_PURPOSES = ['fees', 'fund_deposit'] as const;
export type PayOrderPurpose = (typeof PAY_ORDER_PURPOSES)[number];
export const PAY_ORDER_PURPOSE_LABELS: Record<PayOrderPurpose, string> = { fees: '物业费', fund_deposit: '维修资金自缴' };

/**
 * open: placed, not paid; paid: paid and posted once; unposted: paid at WeChat but not taken by the
 * books (closed here before WeChat's word, or refunded at WeChat first) — staff refund what remains,
 * and the list's awaitingRefund says whether anything does; closed: expired or closed at WeChat.
 */
export const PAY_ORDER_STATUSES = ['open', 'paid', 'unposted', 'closed'] as const;
export type PayOrderStatus = (typeof PAY_ORDER_STATUSES)[number];
export const PAY_ORDER_STATUS_LABELS: Record<PayOrderStatus, string> = {
  open: '待支付',
  paid: '已支付入账',
  unposted: '已支付未入账',
  closed: '已关闭',
};

/**
 * POST /api/pay-orders/:id/refund: an unposted order's money goes back to the payer, with a reason —
 * `amountFen` (integer fen), or without it all that remains; less when part was refunded at WeChat's
 * merchant platform already, which the platform cannot see.
 */
export const unpostedRefundSchema = z.strictObject({
  amountFen: z
    .number({ error: '退款金额必须是整数（分）' })
    .int('退款金额必须是整数（分）')
    .min(1, '退款金额必须大于0')
    .max(1_000_000_000_000, '退款金额过大')
    .optional(),
  reason: text('退款原因', 200),
});
export type UnpostedRefundInput = z.infer<typeof unpostedRefundSchema>;
