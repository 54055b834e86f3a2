import { randomBytes } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { payOrders, payRefunds } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { badRequest, conflict, notFound } from '../http/errors';
import { PayProviderError } from './client';
import { payClient } from './registry';
import type { Actor } from '../auth/actor';

/**
 * Refunds part or all of a paid WeChat order through the refund API (POST
 * /v3/refund/domestic/refunds; issue 13, research §6). The order row is locked first, so refunds of
 * one order are serialised and their sum never exceeds what was paid (409 REFUND_TOO_LARGE); an
 * order not paid is 409 ORDER_NOT_PAID; WeChat's refusal is 409 REFUND_REFUSED with its code, and
 * then nothing is recorded. Runs in the caller's transaction when given one (a savepoint), so a
 * fee refund and its WeChat refund commit together. `refundFen`: positive integer fen; `actor`, the
 * staff member audited (null: the platform, as for a fee payment's refund audited on its own).
 * Returns our out_refund_no and WeChat's status (SUCCESS | PROCESSING | CLOSED | ABNORMAL).
 */
export async function requestRefund(
  db: DbOrTx,
  input: { payOrderId: number; refundFen: number; reason: string },
  actor: Actor | null = null,
): Promise<{ refundNo: string; status: string }> {
  if (!Number.isSafeInteger(input.refundFen) || input.refundFen <= 0)
    throw badRequest('VALIDATION_FAILED', '退款金额必须为正整数（分）', { refundFen: '退款金额必须为正整数（分）' });
  return db.transaction(async (tx) => {
    const [order] = await tx.select().from(payOrders).where(eq(payOrders.id, input.payOrderId)).for('update');
    if (!order) throw notFound('支付订单');
    // 'unposted': paid at WeChat but refused by the books (a bill reversed meanwhile) — refundable too.
    if (order.status !== 'paid' && order.status !== 'unposted') throw conflict('ORDER_NOT_PAID', '该订单未支付成功，不能退款');
    const [{ refunded }] = await tx
      .select({ refunded: sql<string>`coalesce(sum(${payRefunds.refundFen}), 0)::text` })
      .from(payRefunds)
      .where(and(eq(payRefunds.payOrderId, order.id), ne(payRefunds.status, 'FAILED'), ne(payRefunds.status, 'CLOSED')));
    if (Number(refunded) + input.refundFen > order.amountFen) {
      throw conflict('REFUND_TOO_LARGE', `退款金额超过可退金额（已付 ${order.amountFen} 分，已退 ${refunded} 分）`);
    }
    const refundNo = `RF${order.id}T${Date.now().toString(36)}${randomBytes(4).toString('hex')}`.toUpperCase();
    let result;
    try {
      result = await payClient().refund({
        outTradeNo: order.outTradeNo,
        outRefundNo: refundNo,
        refundFen: input.refundFen,
        totalFen: order.amountFen,
        reason: input.reason,
      });
    } catch (e) {
      if (e instanceof PayProviderError) throw conflict('REFUND_REFUSED', `微信支付拒绝退款（${e.code}）：${e.message}`);
      throw e;
    }
    const [row] = await tx
      .insert(payRefunds)
      .values({
        payOrderId: order.id,
        outRefundNo: refundNo,
        refundFen: input.refundFen,
        reason: input.reason.slice(0, 80),
        status: result.status,
        refundId: result.refund_id,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: 'pay_refund',
      entity: 'pay_orders',
      entityId: order.id,
      after: { refundNo, refundFen: input.refundFen, status: result.status, reason: input.reason },
      regionCode: order.regionCode,
    });
    return { refundNo: row.outRefundNo, status: row.status };
  });
}

/**
 * Refunds an 'unposted' order — paid at WeChat, not taken by the books (POST
 * /api/pay-orders/:id/refund; issue 13): `amountFen`, or all that remains of it after our refunds.
 * The order is locked first; an order in any other status is 409 ORDER_NOT_UNPOSTED (a posted order
 * is refunded through its fee payment), one refunded in full already 409 ALREADY_REFUNDED, more than
 * remains 409 REFUND_TOO_LARGE; WeChat refusing (e.g. NOT_ENOUGH: part was refunded on its merchant
 * platform) 409 REFUND_REFUSED with its reason. requestRefund runs in the same transaction, audited as `actor`.
 */
export async function refundUnposted(
  db: DbOrTx,
  actor: Actor,
  payOrderId: number,
  { reason, amountFen }: { reason: string; amountFen?: number },
): Promise<{ refundNo: string; status: string; refundFen: number }> {
  return db.transaction(async (tx) => {
    const [order] = await tx.select().from(payOrders).where(eq(payOrders.id, payOrderId)).for('update');
    if (!order) throw notFound('支付订单');
    if (order.status !== 'unposted') throw conflict('ORDER_NOT_UNPOSTED', '只有已支付未入账的订单在此退款；已入账的请在缴费记录中退款');
    const [{ refunded }] = await tx
      .select({ refunded: sql<string>`coalesce(sum(${payRefunds.refundFen}), 0)::text` })
      .from(payRefunds)
      .where(and(eq(payRefunds.payOrderId, order.id), ne(payRefunds.status, 'FAILED'), ne(payRefunds.status, 'CLOSED')));
    const remaining = order.amountFen - Number(refunded);
    if (remaining <= 0) throw conflict('ALREADY_REFUNDED', '该订单已全额退款');
    const refundFen = amountFen ?? remaining;
    return { ...(await requestRefund(tx, { payOrderId, refundFen, reason }, actor)), refundFen };
  });
}
