import { eq, sql, type SQL } from 'drizzle-orm';
import type { Config } from '@baotou/config';
import type { Tx } from '../db/client';
import { payOrders, type PayOrderRow } from '../db/schema';
import { auditInsert } from '../audit/audit';
import { AppError, badRequest } from '../http/errors';
import { LOCKED_BILL_COLUMNS, lockedBill, postOntoLockedBills } from '../fees/posting';
import type { PayTransaction } from './client';
import { postFundDeposit } from './fundDeposit';

export type SettleOutcome = 'posted' | 'already' | 'unposted' | 'not_paid';

/** The order as settlement reads it under its lock. */
export type SettlingOrder = Pick<
  PayOrderRow,
  'id' | 'purpose' | 'householdId' | 'billIds' | 'fundPaymentId' | 'amountFen' | 'outTradeNo' | 'status' | 'regionCode'
>;

/**
 * Settles one order from WeChat's word that it was paid (a verified notification or the query
 * job's answer), in the caller's transaction, the order row locked FOR UPDATE first: so of twenty
 * identical notifications, or a notification racing the query job, exactly one posts and the rest
 * find it paid ('already'). Checks out_trade_no, appid/mchid and amount.total against the order
 * (400 ORDER_MISMATCH / AMOUNT_MISMATCH, nothing posted). A trade not SUCCESS posts nothing.
 * When the books refuse the posting (a bill reversed meanwhile), the order is kept as 'unposted'
 * (paid at WeChat, to refund from the console) and WeChat is told it was received.
 *
 * Round trips (a notification waits on each; issue 13's target): one read locks the order, then
 * its bills in id order (as postFeePayment would), and takes the payment's id; one statement writes
 * the payment, receipt, bills, the order's new status and both audit rows.
 */
export async function settleOrder(
  tx: Tx,
  config: Pick<Config, 'pay' | 'fund'>,
  outTradeNo: string,
  t: PayTransaction,
): Promise<{ orderId: number; outcome: SettleOutcome }> {
  const rows = (
    await tx.execute(sql`
      WITH o AS MATERIALIZED (
        SELECT id, purpose, household_id, bill_ids, fund_payment_id, amount_fen, out_trade_no, status, region_code
          FROM pay_orders WHERE out_trade_no = ${outTradeNo} FOR UPDATE
      )
      SELECT o.id AS "orderId", o.purpose, o.household_id AS "orderHouseholdId", o.bill_ids AS "billIds", o.fund_payment_id AS "fundPaymentId",
             o.amount_fen::text AS "orderAmountFen", o.out_trade_no AS "outTradeNo", o.status AS "orderStatus", o.region_code AS "orderRegionCode",
             (SELECT h.region_code FROM households h WHERE h.id = o.household_id) AS "homeRegionCode",
             CASE WHEN o.status = 'open' AND o.purpose = 'fees' THEN (SELECT nextval(pg_get_serial_sequence('fee_payments', 'id'))) END AS "paymentId",
             lb.*
        FROM o LEFT JOIN LATERAL (
          SELECT ${LOCKED_BILL_COLUMNS} FROM bills b JOIN fee_items f ON f.id = b.fee_item_id
           WHERE b.id = ANY(o.bill_ids) ORDER BY b.id FOR UPDATE OF b
        ) lb ON true`)
  ).rows as Record<string, unknown>[];
  const head = rows[0];
  const order: SettlingOrder | undefined = head && {
    id: Number(head.orderId),
    purpose: String(head.purpose),
    householdId: Number(head.orderHouseholdId),
    billIds: head.billIds as number[],
    fundPaymentId: head.fundPaymentId === null ? null : Number(head.fundPaymentId),
    amountFen: Number(head.orderAmountFen),
    outTradeNo: String(head.outTradeNo),
    status: String(head.orderStatus),
    regionCode: String(head.orderRegionCode),
  };
  assertTransactionMatches(config.pay, outTradeNo, order, t);
  if (order.status === 'paid' || order.status === 'unposted') return { orderId: order.id, outcome: 'already' };
  if (t.trade_state !== 'SUCCESS') return { orderId: order.id, outcome: 'not_paid' };
  const parsedPaidAt = t.success_time ? new Date(t.success_time) : new Date();
  const paidAt = Number.isNaN(parsedPaidAt.getTime()) ? new Date() : parsedPaidAt;
  /** The order's new status and its audit row, as SQL for the statement that writes them. */
  const settled = (status: 'paid' | 'unposted', feePaymentId: number | null): SQL[] => [
    tx
      .update(payOrders)
      .set({ status, paidAt, transactionId: t.transaction_id?.slice(0, 32) ?? null, feePaymentId, updatedAt: new Date() })
      .where(eq(payOrders.id, order.id))
      .getSQL(),
    auditInsert(tx, null, {
      action: 'pay_notified',
      entity: 'pay_orders',
      entityId: order.id,
      before: { status: order.status },
      after: { status, transactionId: t.transaction_id, amountFen: order.amountFen, feePaymentId },
      regionCode: order.regionCode,
    }).getSQL(),
  ];
  try {
    if (order.purpose === 'fees') {
      // No savepoint: the posting refuses (AppError) before it writes anything, so the transaction
      // goes on to record the order as unposted; any other error rolls it all back.
      const paymentId = Number(head.paymentId);
      await postOntoLockedBills(
        tx,
        {
          householdId: order.householdId,
          billIds: order.billIds,
          amountFen: order.amountFen,
          method: 'wechat',
          reference: t.transaction_id ?? order.outTradeNo,
          payOrderId: order.id,
          actor: null,
        },
        { bills: rows.filter((r) => r.id !== null).map(lockedBill), homeRegionCode: head.homeRegionCode as string | null, paymentId },
        settled('paid', paymentId),
      );
      return { orderId: order.id, outcome: 'posted' };
    }
    await tx.transaction((sp) => postFundDeposit(sp, config.fund, order));
    await writeAll(tx, settled('paid', null));
    return { orderId: order.id, outcome: 'posted' };
  } catch (e) {
    if (!(e instanceof AppError) || e.status >= 500) throw e;
  }
  await writeAll(tx, settled('unposted', null));
  return { orderId: order.id, outcome: 'unposted' };
}

/** Runs writes (statements' SQL) as one statement: the first ones as WITH members, the last as the statement. */
async function writeAll(tx: Tx, writes: SQL[]): Promise<void> {
  const last = writes[writes.length - 1];
  const members = writes.slice(0, -1).map((w, i) => sql`${sql.raw(`w${i}`)} AS (${w})`);
  await tx.execute(members.length ? sql`WITH ${sql.join(members, sql`, `)} ${last}` : last);
}

/**
 * Refuses a transaction that is not this order's: no such order (404 UNKNOWN_ORDER), another
 * merchant, app or order number (400 ORDER_MISMATCH), another amount (400 AMOUNT_MISMATCH).
 */
export function assertTransactionMatches(
  settings: Pick<Config, 'pay'>['pay'],
  outTradeNo: string,
  order: Pick<PayOrderRow, 'outTradeNo' | 'amountFen'> | undefined,
  t: PayTransaction,
): asserts order {
  if (!order) throw new AppError('UNKNOWN_ORDER', 404, `订单 ${outTradeNo} 不存在`);
  if (t.out_trade_no !== order.outTradeNo || t.appid !== settings.appId || t.mchid !== settings.mchId) {
    throw badRequest('ORDER_MISMATCH', '通知的商户号、应用号或订单号与订单不符');
  }
  if (t.amount?.total !== order.amountFen) throw badRequest('AMOUNT_MISMATCH', `通知金额 ${t.amount?.total} 分与订单金额 ${order.amountFen} 分不符`);
}
