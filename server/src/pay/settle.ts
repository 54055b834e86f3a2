import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Config } from '@baotou/config';
import type { DbOrTx, Tx } from '../db/client';
import { runNamed } from '../db/named';
import { payOrders, type PayOrderRow } from '../db/schema';
import { auditInsert, type AuditEntry } from '../audit/audit';
import { AppError, badRequest } from '../http/errors';
import { LOCKED_BILL_COLUMNS_TEXT, lockedBill, postOntoBills, type LockedPosting } from '../fees/posting';
import type { PayTransaction } from './client';
import { postFundDeposit } from './fundDeposit';

export type SettleOutcome = 'posted' | 'already' | 'unposted' | 'not_paid';

/** The order as settlement reads it. */
export type SettlingOrder = Pick<
  PayOrderRow,
  'id' | 'purpose' | 'householdId' | 'billIds' | 'fundPaymentId' | 'amountFen' | 'outTradeNo' | 'status' | 'regionCode'
>;

/** An order read with its bills (while open), its home's region and, for an open fee order, a payment id from the sequence. */
export interface OrderRead {
  order: SettlingOrder | undefined;
  read: LockedPosting;
}

/**
 * readOrder's statement, with or without the locks: the order (FOR UPDATE first), its home's region,
 * a payment id from the sequence while it is an open fee order, and its bills while it is open (FOR
 * UPDATE OF b in id order, as postFeePayment locks them) — a row per bill, the order's columns on each.
 */
const readOrderText = (lock: boolean) => `
  WITH o AS MATERIALIZED (
    SELECT id, purpose, household_id, bill_ids, fund_payment_id, amount_fen, out_trade_no, status, region_code
      FROM pay_orders WHERE out_trade_no = $1 ${lock ? 'FOR UPDATE' : ''}
  )
  SELECT o.id AS "orderId", o.purpose, o.household_id AS "orderHouseholdId", o.bill_ids AS "billIds", o.fund_payment_id AS "fundPaymentId",
         o.amount_fen::text AS "orderAmountFen", o.out_trade_no AS "outTradeNo", o.status AS "orderStatus", o.region_code AS "orderRegionCode",
         (SELECT h.region_code FROM households h WHERE h.id = o.household_id) AS "homeRegionCode",
         CASE WHEN o.status = 'open' AND o.purpose = 'fees' THEN (SELECT nextval(pg_get_serial_sequence('fee_payments', 'id'))) END AS "paymentId",
         lb.*
    FROM o LEFT JOIN LATERAL (
      SELECT ${LOCKED_BILL_COLUMNS_TEXT} FROM bills b JOIN fee_items f ON f.id = b.fee_item_id
       WHERE b.id = ANY(o.bill_ids) AND o.status = 'open' ORDER BY b.id ${lock ? 'FOR UPDATE OF b' : ''}
    ) lb ON true`;
const READ_ORDER = readOrderText(false);
const READ_ORDER_LOCKED = readOrderText(true);

/**
 * Reads the order `outTradeNo` names with everything its posting needs, in one round trip (a named
 * prepared statement): with `lock`, the order FOR UPDATE first, then its bills FOR UPDATE in id order
 * (as postFeePayment locks them), in the caller's transaction; without, a plain read (the
 * notification's first look).
 */
export async function readOrder(db: DbOrTx, outTradeNo: string, lock: boolean): Promise<OrderRead> {
  const rows = lock
    ? await runNamed(db, 'pay_read_order_locked', READ_ORDER_LOCKED, [outTradeNo])
    : await runNamed(db, 'pay_read_order', READ_ORDER, [outTradeNo]);
  const head = rows[0];
  if (!head) return { order: undefined, read: { bills: [], homeRegionCode: undefined } };
  return {
    order: {
      id: Number(head.orderId),
      purpose: String(head.purpose),
      householdId: Number(head.orderHouseholdId),
      billIds: head.billIds as number[],
      fundPaymentId: head.fundPaymentId === null ? null : Number(head.fundPaymentId),
      amountFen: Number(head.orderAmountFen),
      outTradeNo: String(head.outTradeNo),
      status: String(head.orderStatus),
      regionCode: String(head.orderRegionCode),
    },
    read: {
      bills: rows.filter((r) => r.id !== null).map(lockedBill),
      homeRegionCode: head.homeRegionCode as string | null,
      paymentId: head.paymentId === null ? undefined : Number(head.paymentId),
    },
  };
}

/**
 * Settles one order from WeChat's word that it was paid (a verified notification or the query
 * job's answer), in the caller's transaction, the order row locked FOR UPDATE first: so of twenty
 * identical notifications, or a notification racing the query job, exactly one posts and the rest
 * find it paid ('already'). Checks out_trade_no, appid/mchid and amount.total against the order
 * (400 ORDER_MISMATCH / AMOUNT_MISMATCH, nothing posted). A trade neither SUCCESS nor REFUND
 * changes nothing ('not_paid'); REFUND keeps the order 'unposted' without posting.
 * When the books refuse the posting (a bill reversed meanwhile), the order is kept as 'unposted'
 * (paid at WeChat, to refund from the console) and WeChat is told it was received; so is an order
 * closed here that WeChat reports paid (nothing posted: its bills may be in a newer order).
 * Round trips: readOrder's locking read, then one statement writes everything (postOntoBills).
 */
export async function settleOrder(
  tx: Tx,
  config: Pick<Config, 'pay' | 'fund'>,
  outTradeNo: string,
  t: PayTransaction,
): Promise<{ orderId: number; outcome: SettleOutcome }> {
  const { order, read } = await readOrder(tx, outTradeNo, true);
  assertTransactionMatches(config.pay, outTradeNo, order, t);
  if (order.status === 'paid' || order.status === 'unposted') return { orderId: order.id, outcome: 'already' };
  if (t.trade_state !== 'SUCCESS' && t.trade_state !== 'REFUND') return { orderId: order.id, outcome: 'not_paid' };
  // Closed here (expired, or WeChat once said not paid) yet paid at WeChat: its bills may be in a new
  // order by now, so nothing is posted; kept unposted, refundable from the console, like a refusal.
  // REFUND (the query job's answer when the payment was refunded at WeChat, perhaps in part, before we
  // heard of it): paid once, so not closed, but what stands is unknown here — unposted, for staff,
  // and the order's bills are free to be paid again.
  if (order.status === 'open' && t.trade_state === 'SUCCESS') {
    try {
      if (order.purpose === 'fees') {
        // No savepoint: the posting refuses (AppError) before it writes anything, so the transaction
        // goes on to record the order as unposted; any other error rolls it all back.
        await postOntoBills(tx, feeInput(order, t), read, paidWrites(order, t, read.paymentId!));
        return { orderId: order.id, outcome: 'posted' };
      }
      await tx.transaction((sp) => postFundDeposit(sp, config.fund, order));
      const { gate, alsoWrite } = settledWrites(tx, order, t, 'paid');
      await writeAll(tx, [gate, ...alsoWrite]);
      return { orderId: order.id, outcome: 'posted' };
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500) throw e;
    }
  }
  const { gate, alsoWrite } = settledWrites(tx, order, t, 'unposted');
  await writeAll(tx, [gate, ...alsoWrite]);
  return { orderId: order.id, outcome: 'unposted' };
}

/**
 * The fast path of a notification for an open fee order (issue 13's speed target): posts from
 * notify's plain read in ONE autocommit statement, no transaction — the statement sets the order
 * paid only while it is still open and writes each bill only while it is as read (postOntoBills), so
 * it posts at most once just as the locking path does. Returns 'posted', or undefined when anything
 * changed since the read or the books refuse (a bill reversed, paid at the counter, a duplicate
 * notification posting first): the caller then settles under the lock (settleOrder), which decides.
 */
export async function settleFromRead(db: DbOrTx, config: Pick<Config, 'pay'>, { order, read }: OrderRead, t: PayTransaction): Promise<'posted' | undefined> {
  if (!order || order.purpose !== 'fees' || order.status !== 'open' || t.trade_state !== 'SUCCESS' || read.paymentId === undefined) return undefined;
  assertTransactionMatches(config.pay, order.outTradeNo, order, t);
  try {
    await postOntoBills(db, feeInput(order, t), read, paidWrites(order, t, read.paymentId));
    return 'posted';
  } catch (e) {
    if (e instanceof AppError && e.status < 500) return undefined;
    throw e;
  }
}

const feeInput = (order: SettlingOrder, t: PayTransaction) => ({
  householdId: order.householdId,
  billIds: order.billIds,
  amountFen: order.amountFen,
  method: 'wechat' as const,
  reference: t.transaction_id ?? order.outTradeNo,
  payOrderId: order.id,
  actor: null,
});

/** WeChat's success_time, or now when it has none or it is not a time. */
function paidAtOf(t: PayTransaction): Date {
  const parsed = t.success_time ? new Date(t.success_time) : new Date();
  return Number.isNaN(parsed.getTime()) ? new Date() : parsed;
}

/** The order's audit row when it is settled with `status`. */
function settledAudit(order: SettlingOrder, t: PayTransaction, status: 'paid' | 'unposted', feePaymentId: number | null): AuditEntry {
  return {
    action: 'pay_notified',
    entity: 'pay_orders',
    entityId: order.id,
    before: { status: order.status },
    after: { status, transactionId: t.transaction_id, amountFen: order.amountFen, feePaymentId },
    regionCode: order.regionCode,
  };
}

/** For postOntoBills: the order set paid with its payment (only while still open) and its audit row, in the posting's statement. */
function paidWrites(order: SettlingOrder, t: PayTransaction, feePaymentId: number) {
  return {
    order: { id: order.id, transactionId: t.transaction_id?.slice(0, 32) ?? null, paidAt: paidAtOf(t) },
    audits: [{ actor: null, entry: settledAudit(order, t, 'paid', feePaymentId) }],
  };
}

/**
 * The order's new status without a fee payment (a fund deposit paid, or 'unposted') — the gate: only
 * while it is still as read under the lock (open, or closed here), returning its id — and its audit
 * row, as SQL for the statement that writes them.
 */
function settledWrites(db: DbOrTx, order: SettlingOrder, t: PayTransaction, status: 'paid' | 'unposted') {
  return {
    gate: db
      .update(payOrders)
      .set({ status, paidAt: paidAtOf(t), transactionId: t.transaction_id?.slice(0, 32) ?? null, feePaymentId: null, updatedAt: new Date() })
      .where(and(eq(payOrders.id, order.id), eq(payOrders.status, order.status)))
      .returning({ id: payOrders.id })
      .getSQL(),
    alsoWrite: [auditInsert(null, settledAudit(order, t, status, null)).getSQL()],
  };
}

/** Runs writes (statements' SQL) as one statement: the first ones as WITH members, the last as the statement. */
async function writeAll(tx: Tx, writes: SQL[]): Promise<void> {
  const last = writes[writes.length - 1];
  const members = writes.slice(0, -1).map((w, i) => sql`${sql.raw(`w${i}`)} AS (${w})`);
  await tx.execute(members.length ? sql`WITH ${sql.join(members, sql`, `)} ${last}` : last);
}

/**
 * Refuses a transaction that is not this order's: no such order (404 UNKNOWN_ORDER), another
 * merchant, app or order number (400 ORDER_MISMATCH), a transaction_id that is not WeChat's
 * string[1,32] (400 BAD_RESOURCE), another amount (400 AMOUNT_MISMATCH).
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
  // WeChat's transaction_id is string[1,32]; anything else is not a transaction of WeChat's (never a TypeError, never 'unposted').
  if (t.transaction_id !== undefined && (typeof t.transaction_id !== 'string' || !t.transaction_id || t.transaction_id.length > 32))
    throw badRequest('BAD_RESOURCE', '通知的微信支付订单号格式错误');
  if (t.amount?.total !== order.amountFen) throw badRequest('AMOUNT_MISMATCH', `通知金额 ${t.amount?.total} 分与订单金额 ${order.amountFen} 分不符`);
}
