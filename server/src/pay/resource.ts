import { eq, sql, type SQL } from 'drizzle-orm';
import { PAY_ORDER_PURPOSES, PAY_ORDER_STATUSES } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { ResourceDef } from '../http/resource';
import { filterValue } from '../http/listQuery';
import { isBureau, regionCondition } from '../jurisdiction/scope';
import { payOrders } from '../db/schema';
import { homeOf } from '../fees/resources';

/** The company whose bills a fee order pays: that of its oldest bill (bill_ids[1]), as the posting takes it. */
export const feeOrderOfCompany = (companyId: number): SQL =>
  sql`"pay_orders"."purpose" = 'fees' AND EXISTS (SELECT 1 FROM bills b WHERE b.id = "pay_orders"."bill_ids"[1] AND b.company_id = ${companyId})`;

/**
 * Who reads WeChat Pay orders (issue 13): the company its own bills' orders; bureau staff (not
 * party-building staff) their region's, fund self-deposits too. Residents follow their own order
 * through GET /api/pay/orders/:id. The payer's openid and account are never shown.
 */
function payOrderScope(actor: Actor): SQL | 'deny' {
  if (actor.role === 'company_staff') return actor.companyId ? feeOrderOfCompany(actor.companyId) : 'deny';
  if (isBureau(actor) && actor.role !== 'party_staff') return regionCondition(actor, payOrders.regionCode);
  return 'deny';
}

/** Refunds that stand (neither failed nor closed), in fen. */
const refundedSum = sql`(SELECT coalesce(sum(r.refund_fen), 0) FROM pay_refunds r WHERE r.pay_order_id = "pay_orders"."id" AND r.status NOT IN ('FAILED', 'CLOSED'))`;
const refundedFen = sql<number>`${refundedSum}::float8`;
/** Paid at WeChat, not taken by the books, and not refunded in full by us: staff still have money to return. */
const awaitingRefund = sql`("pay_orders"."status" = 'unposted' AND ${refundedSum} < "pay_orders"."amount_fen")`;

/**
 * GET /api/pay-orders: WeChat Pay orders, above all those paid at WeChat that the books could not
 * take ('unposted': the order closed here before WeChat's word, or refunded at WeChat first) — staff
 * find those awaiting a refund here (filter awaitingRefund) and refund them (POST /api/pay-orders/:id/refund).
 */
export function payOrdersResource(): ResourceDef {
  return {
    name: 'pay-orders',
    label: '微信支付订单',
    table: payOrders,
    id: payOrders.id,
    idKind: 'int',
    fields: {
      id: payOrders.id,
      purpose: payOrders.purpose,
      householdId: payOrders.householdId,
      compoundId: payOrders.compoundId,
      ...homeOf('"pay_orders"'),
      regionCode: payOrders.regionCode,
      billIds: payOrders.billIds,
      amountFen: payOrders.amountFen,
      refundedFen,
      awaitingRefund: sql<boolean>`${awaitingRefund}`,
      outTradeNo: payOrders.outTradeNo,
      transactionId: payOrders.transactionId,
      status: payOrders.status,
      feePaymentId: payOrders.feePaymentId,
      createdAt: payOrders.createdAt,
      paidAt: payOrders.paidAt,
      closedAt: payOrders.closedAt,
    },
    sortable: { id: payOrders.id, createdAt: payOrders.createdAt, paidAt: payOrders.paidAt, amountFen: payOrders.amountFen, status: payOrders.status },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => {
        const s = filterValue.string('q', v, 32);
        return sql`(${payOrders.outTradeNo} = ${s} OR ${payOrders.transactionId} = ${s})`;
      },
      status: (v) => eq(payOrders.status, filterValue.oneOf('status', v, PAY_ORDER_STATUSES)),
      awaitingRefund: (v) => (filterValue.bool('awaitingRefund', v) ? awaitingRefund : sql`NOT ${awaitingRefund}`),
      purpose: (v) => eq(payOrders.purpose, filterValue.oneOf('purpose', v, PAY_ORDER_PURPOSES)),
      compoundId: (v) => eq(payOrders.compoundId, filterValue.int('compoundId', v)),
      householdId: (v) => eq(payOrders.householdId, filterValue.int('householdId', v)),
    },
    readScope: payOrderScope,
  };
}
