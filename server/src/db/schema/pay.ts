import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { id, regionCode, timestamps } from './columns';
import { compounds, households } from './places';
import { users } from './auth';

/**
 * One WeChat Pay order (issue 13): a resident paying bills (purpose `fees`, bill_ids) or a
 * maintenance-fund self-deposit (`fund_deposit`, fund_payment_id). PAY_ORDER_STATUSES: open (placed,
 * not paid), paid (posted once from the notification or the query job), closed (expired or
 * closed at WeChat). The out_trade_no is ours, unique; the notification is matched by it.
 */
export const payOrders = pgTable(
  'pay_orders',
  {
    id: id(),
    purpose: varchar({ length: 20 }).notNull(),
    householdId: integer()
      .notNull()
      .references(() => households.id, { onDelete: 'restrict' }),
    compoundId: integer()
      .notNull()
      .references(() => compounds.id, { onDelete: 'restrict' }),
    regionCode: regionCode(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    /** The bills this order pays (purpose fees), oldest first. */
    billIds: integer()
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    /** The fund self-deposit this order pays (purpose fund_deposit). */
    fundPaymentId: integer(),
    amountFen: bigint({ mode: 'number' }).notNull(),
    outTradeNo: varchar({ length: 32 }).notNull(),
    status: varchar({ length: 10 }).notNull().default('open'),
    openid: varchar({ length: 128 }).notNull(),
    prepayId: varchar({ length: 64 }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    paidAt: timestamp({ withTimezone: true }),
    transactionId: varchar({ length: 32 }),
    /** The fee payment posted from this order (fees.posting's postFeePayment). */
    feePaymentId: integer(),
    closedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('pay_orders_out_trade_no_idx').on(t.outTradeNo),
    // The query job's scan of open orders.
    index('pay_orders_open_idx')
      .on(t.createdAt)
      .where(sql`status = 'open'`),
    // "Is this bill in another open order?" — over open orders only: the index stays the size of
    // the orders in flight rather than of every order ever paid, and settling an order writes nothing to it.
    index('pay_orders_bill_ids_idx')
      .using('gin', t.billIds)
      .where(sql`status = 'open'`),
    index('pay_orders_household_idx').on(t.householdId, t.createdAt),
    // The console's 微信支付订单 opens on orders paid at WeChat that the books could not take: few, newest first.
    index('pay_orders_unposted_idx')
      .on(t.id)
      .where(sql`status = 'unposted'`),
  ],
);
export type PayOrderRow = typeof payOrders.$inferSelect;

/** A refund through WeChat Pay's refund API; out_refund_no is ours and makes a retry refund once. */
export const payRefunds = pgTable(
  'pay_refunds',
  {
    id: id(),
    payOrderId: integer()
      .notNull()
      .references(() => payOrders.id, { onDelete: 'restrict' }),
    outRefundNo: varchar({ length: 64 }).notNull(),
    refundFen: bigint({ mode: 'number' }).notNull(),
    reason: varchar({ length: 80 }),
    /** PAY_REFUND_STATUSES: PROCESSING, SUCCESS, CLOSED, ABNORMAL (WeChat's), or FAILED (refused). */
    status: varchar({ length: 12 }).notNull().default('PROCESSING'),
    refundId: varchar({ length: 64 }),
    ...timestamps,
  },
  (t) => [uniqueIndex('pay_refunds_out_refund_no_idx').on(t.outRefundNo), index('pay_refunds_order_idx').on(t.payOrderId)],
);
export type PayRefundRow = typeof payRefunds.$inferSelect;
