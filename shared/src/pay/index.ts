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
 * books (a bill reversed or closed meanwhile) — to be refunded by staff; closed: expired or closed at WeChat.
 */
export const PAY_ORDER_STATUSES = ['open', 'paid', 'unposted', 'closed'] as const;
export type PayOrderStatus = (typeof PAY_ORDER_STATUSES)[number];
export const PAY_ORDER_STATUS_LABELS: Record<PayOrderStatus, string> = {
  open: '待支付',
  paid: '已支付入账',
  unposted: '已支付未入账（待退款）',
  closed: '已关闭',
};

/** POST /api/pay-orders/:id/refund: an unposted order's whole remaining amount goes back to the payer, with a reason. */
export const unpostedRefundSchema = z.strictObject({ reason: text('退款原因', 200) });
export type UnpostedRefundInput = z.infer<typeof unpostedRefundSchema>;
