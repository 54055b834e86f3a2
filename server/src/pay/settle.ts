import { eq } from 'drizzle-orm';
import type { Config } from '@baotou/config';
import type { Tx } from '../db/client';
import { payOrders, type PayOrderRow } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { AppError, badRequest } from '../http/errors';
import { postFeePayment } from '../fees/posting';
import type { PayTransaction } from './client';
import { postFundDeposit } from './fundDeposit';

export type SettleOutcome = 'posted' | 'already' | 'unposted' | 'not_paid';

/**
 * Settles one order from WeChat's word that it was paid (a verified notification or the query
 * job's answer), in the caller's transaction, the order row locked FOR UPDATE first: so of twenty
 * identical notifications, or a notification racing the query job, exactly one posts and the rest
 * find it paid ('already'). Checks out_trade_no, appid/mchid and amount.total against the order
 * (400 ORDER_MISMATCH / AMOUNT_MISMATCH, nothing posted). A trade not SUCCESS posts nothing.
 * When the books refuse the posting (a bill reversed meanwhile), the order is kept as 'unposted'
 * (paid at WeChat, to refund from the console) and WeChat is told it was received.
 */
export async function settleOrder(
  tx: Tx,
  config: Pick<Config, 'pay' | 'fund'>,
  outTradeNo: string,
  t: PayTransaction,
): Promise<{ order: PayOrderRow; outcome: SettleOutcome }> {
  const [order] = await tx.select().from(payOrders).where(eq(payOrders.outTradeNo, outTradeNo)).for('update');
  assertTransactionMatches(config.pay, outTradeNo, order, t);
  if (order.status === 'paid' || order.status === 'unposted') return { order, outcome: 'already' };
  if (t.trade_state !== 'SUCCESS') return { order, outcome: 'not_paid' };
  const paidAt = t.success_time ? new Date(t.success_time) : new Date();
  let feePaymentId: number | null = null;
  let status = 'paid';
  try {
    if (order.purpose === 'fees') {
      // No savepoint: postFeePayment refuses (AppError) before it writes anything, so the
      // transaction goes on to record the order as unposted; any other error rolls it all back.
      const posted = await postFeePayment(tx, {
        householdId: order.householdId,
        billIds: order.billIds,
        amountFen: order.amountFen,
        method: 'wechat',
        reference: t.transaction_id ?? order.outTradeNo,
        payOrderId: order.id,
        actor: null,
      });
      feePaymentId = posted.paymentId;
    } else {
      await tx.transaction((sp) => postFundDeposit(sp, config.fund, order));
    }
  } catch (e) {
    if (!(e instanceof AppError) || e.status >= 500) throw e;
    status = 'unposted';
  }
  const [after] = await tx
    .update(payOrders)
    .set({
      status,
      paidAt: Number.isNaN(paidAt.getTime()) ? new Date() : paidAt,
      transactionId: t.transaction_id?.slice(0, 32) ?? null,
      feePaymentId,
      updatedAt: new Date(),
    })
    .where(eq(payOrders.id, order.id))
    .returning();
  await writeAudit(tx, null, {
    action: 'pay_notified',
    entity: 'pay_orders',
    entityId: order.id,
    before: { status: order.status },
    after: { status, transactionId: t.transaction_id, amountFen: order.amountFen, feePaymentId },
    regionCode: order.regionCode,
  });
  return { order: after, outcome: status === 'paid' ? 'posted' : 'unposted' };
}

/**
 * Refuses a transaction that is not this order's: no such order (404 UNKNOWN_ORDER), another
 * merchant, app or order number (400 ORDER_MISMATCH), another amount (400 AMOUNT_MISMATCH).
 */
export function assertTransactionMatches(
  settings: Pick<Config, 'pay'>['pay'],
  outTradeNo: string,
  order: PayOrderRow | undefined,
  t: PayTransaction,
): asserts order is PayOrderRow {
  if (!order) throw new AppError('UNKNOWN_ORDER', 404, `订单 ${outTradeNo} 不存在`);
  if (t.out_trade_no !== order.outTradeNo || t.appid !== settings.appId || t.mchid !== settings.mchId) {
    throw badRequest('ORDER_MISMATCH', '通知的商户号、应用号或订单号与订单不符');
  }
  if (t.amount?.total !== order.amountFen) throw badRequest('AMOUNT_MISMATCH', `通知金额 ${t.amount?.total} 分与订单金额 ${order.amountFen} 分不符`);
}
