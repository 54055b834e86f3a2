import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '@baotou/config';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { households, payOrders, users } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { conflict, forbidden, notFound } from '../http/errors';
import { PayProviderError, type PayClient } from './client';
import { verifiedHome } from '../places/residentHomes';
import { intId } from '@baotou/shared';

/** POST /api/pay/orders: the bills to pay (one home's), or none to pay all of a home's open bills oldest first. */
export const payOrderSchema = z
  .object({
    billIds: z.array(intId('账单'), { error: '请选择要缴纳的账单' }).min(1, '请选择要缴纳的账单').max(60, '一次最多缴纳60张账单').optional(),
    householdId: intId('房屋').optional(),
  })
  .strict()
  .refine((v) => v.billIds || v.householdId, { message: '请选择要缴纳的账单', path: ['billIds'] });

export type RequestPayment = ReturnType<PayClient['requestPayment']>;

/** Ours, 6–32 of [0-9A-Za-z_-|*], unique per merchant: a prefix, the time, and randomness. */
export function newOutTradeNo(prefix: 'F' | 'D'): string {
  return `${prefix}${Date.now().toString(36).toUpperCase()}${randomBytes(8).toString('hex').toUpperCase()}`;
}

export function notifyUrlFor(config: Config): string {
  return config.pay.notifyUrl ?? `${config.publicBaseUrl?.replace(/\/$/, '') ?? `http://127.0.0.1:${config.port}`}/api/pay/wechat/notify`;
}

async function openidOf(db: Db | Tx, actor: Actor): Promise<string> {
  const [u] = await db.select({ openid: users.openid }).from(users).where(eq(users.id, actor.id));
  // The H5 development login has no WeChat identity; the stand-in accepts a made-up one.
  return u?.openid ?? `dev-${actor.id}`;
}

function providerRefusal(e: unknown): never {
  if (e instanceof PayProviderError) throw conflict('PAY_PROVIDER_ERROR', `微信支付下单失败（${e.code}）：${e.message}`);
  throw e;
}

/**
 * A resident's WeChat Pay order for bills of a home they hold a verified claim on (issue 13):
 * a home asked for by id is checked first (403 NOT_OWNER), so another home's answer never says
 * whether it owes anything; in one transaction the bills are locked FOR UPDATE (id order), then
 * refused — before anything is written — for a bill that is not of a home of theirs, or no bill at
 * all (403 BILL_OF_ANOTHER_HOME, the same answer, so bill ids cannot be probed),
 * a bill paid (409 BILL_ALREADY_PAID), reversed (409 BILL_REVERSED), the developer's (409
 * BILL_OF_DEVELOPER), or in another open order (409 BILL_IN_OPEN_ORDER); the same bills ordered
 * again by the same resident while the order is open get that order's parameters again. The amount
 * is what the bills still owe (no partial payment online, research §6 rule 5). The order is placed
 * at WeChat (JSAPI) inside the transaction, so a refused order leaves nothing behind.
 * Returns wx.requestPayment's parameters and our order's id and number.
 */
export async function createFeeOrder(db: Db, config: Config, client: PayClient, actor: Actor, input: z.infer<typeof payOrderSchema>) {
  if (!client.configured) throw conflict('PAY_NOT_CONFIGURED', '微信支付尚未配置，请到物业服务中心缴费');
  const notYours = () =>
    input.billIds ? forbidden('BILL_OF_ANOTHER_HOME', '所选账单须是本人已认证的同一房屋的账单') : forbidden('NOT_OWNER', '只能缴纳本人已认证房屋的账单');
  return db.transaction(async (tx) => {
    if (input.householdId !== undefined && !(await verifiedHome(tx, actor.id, input.householdId))) throw notYours();
    const where = input.billIds
      ? sql`b.id = ANY(${`{${[...new Set(input.billIds)].join(',')}}`}::int[])`
      : sql`b.household_id = ${input.householdId!} AND b.status IN ('unpaid', 'partly_paid') AND b.payer = 'household'`;
    const bills = (
      await tx.execute(sql`
        SELECT b.id, b.household_id AS "householdId", b.amount_fen::text AS "amountFen", b.paid_fen::text AS "paidFen", b.status, b.payer, b.period_start::text AS "periodStart"
          FROM bills b WHERE ${where} ORDER BY b.id FOR UPDATE`)
    ).rows as { id: number; householdId: number; amountFen: string; paidFen: string; status: string; payer: string; periodStart: string }[];
    if (input.billIds && bills.length !== new Set(input.billIds).size) throw notYours();
    if (!bills.length) throw conflict('NOTHING_OWED', '该房屋没有待缴账单');
    const householdId = input.householdId ?? bills[0].householdId;
    for (const b of bills) {
      if (b.householdId !== householdId) throw notYours();
    }
    if (input.householdId === undefined && !(await verifiedHome(tx, actor.id, householdId))) throw notYours();
    for (const b of bills) {
      if (b.status === 'paid') throw conflict('BILL_ALREADY_PAID', `账单 ${b.id} 已缴清`);
      if (b.status === 'reversed') throw conflict('BILL_REVERSED', `账单 ${b.id} 已冲销，无需缴纳`);
      if (b.payer !== 'household') throw conflict('BILL_OF_DEVELOPER', `账单 ${b.id} 由开发建设单位缴纳`);
    }
    // Oldest first, as posting allocates (research §6 rule 5).
    const ids = bills.sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.id - b.id).map((b) => b.id);
    const amountFen = bills.reduce((s, b) => s + Number(b.amountFen) - Number(b.paidFen), 0);
    const open = (
      await tx.execute(sql`SELECT id, user_id AS "userId", bill_ids AS "billIds", prepay_id AS "prepayId", expires_at AS "expiresAt", amount_fen::text AS "amountFen"
                             FROM pay_orders WHERE status = 'open' AND bill_ids && ${`{${ids.join(',')}}`}::int[]`)
    ).rows as { id: number; userId: number; billIds: number[]; prepayId: string | null; expiresAt: Date | string; amountFen: string }[];
    const same = open.find(
      (o) =>
        o.userId === actor.id &&
        o.prepayId &&
        [...o.billIds].sort().join() === [...ids].sort().join() &&
        Number(o.amountFen) === amountFen &&
        new Date(o.expiresAt).getTime() > Date.now() + 60_000,
    );
    if (same) return { orderId: same.id, amountFen, payment: client.requestPayment(same.prepayId!) };
    if (open.length) throw conflict('BILL_IN_OPEN_ORDER', '所选账单正在另一笔支付中，请完成或等待该笔支付超时后再试');

    const [home] = await tx
      .select({ compoundId: households.compoundId, regionCode: households.regionCode })
      .from(households)
      .where(eq(households.id, householdId));
    const outTradeNo = newOutTradeNo('F');
    const expiresAt = new Date(Date.now() + config.pay.orderMinutes * 60_000);
    const openid = await openidOf(tx, actor);
    const [order] = await tx
      .insert(payOrders)
      .values({
        purpose: 'fees',
        householdId,
        compoundId: home.compoundId,
        regionCode: home.regionCode,
        userId: actor.id,
        billIds: ids,
        amountFen,
        outTradeNo,
        openid,
        expiresAt,
      })
      .returning();
    const { prepayId } = await client
      .createJsapiOrder({
        outTradeNo,
        description: `物业费（${ids.length}张账单）`,
        amountFen,
        openid,
        expiresAt,
        notifyUrl: notifyUrlFor(config),
        attach: `fees:${order.id}`,
      })
      .catch(providerRefusal);
    await tx.update(payOrders).set({ prepayId }).where(eq(payOrders.id, order.id));
    await writeAudit(tx, actor, {
      action: 'pay_order',
      entity: 'pay_orders',
      entityId: order.id,
      after: { purpose: 'fees', householdId, billIds: ids, amountFen, outTradeNo },
      regionCode: home.regionCode,
    });
    return { orderId: order.id, amountFen, payment: client.requestPayment(prepayId) };
  });
}

/**
 * The WeChat Pay order of a maintenance-fund self-deposit (purpose fund_deposit), for a fund
 * payment row just created by the fund's own checks (server/src/fund/ledgerService createPayment).
 */
export async function createFundOrder(
  db: Db,
  config: Config,
  client: PayClient,
  actor: Actor,
  payment: { id: number; householdId: number; amountFen: number; providerTxnId: string },
) {
  return db.transaction(async (tx) => {
    const [home] = await tx
      .select({ compoundId: households.compoundId, regionCode: households.regionCode })
      .from(households)
      .where(eq(households.id, payment.householdId));
    if (!home) throw notFound('房屋');
    const expiresAt = new Date(Date.now() + config.pay.orderMinutes * 60_000);
    const openid = await openidOf(tx, actor);
    const [order] = await tx
      .insert(payOrders)
      .values({
        purpose: 'fund_deposit',
        householdId: payment.householdId,
        compoundId: home.compoundId,
        regionCode: home.regionCode,
        userId: actor.id,
        fundPaymentId: payment.id,
        amountFen: payment.amountFen,
        outTradeNo: payment.providerTxnId,
        openid,
        expiresAt,
      })
      .returning();
    const { prepayId } = await client
      .createJsapiOrder({
        outTradeNo: payment.providerTxnId,
        description: '住宅专项维修资金自助交存',
        amountFen: payment.amountFen,
        openid,
        expiresAt,
        notifyUrl: notifyUrlFor(config),
        attach: `fund:${payment.id}`,
      })
      .catch(providerRefusal);
    await tx.update(payOrders).set({ prepayId }).where(eq(payOrders.id, order.id));
    await writeAudit(tx, actor, {
      action: 'pay_order',
      entity: 'pay_orders',
      entityId: order.id,
      after: { purpose: 'fund_deposit', householdId: payment.householdId, amountFen: payment.amountFen, outTradeNo: payment.providerTxnId },
      regionCode: home.regionCode,
    });
    return { orderId: order.id, payment: client.requestPayment(prepayId) };
  });
}

export function assertOrderVisible(order: { userId: number } | undefined, actor: Actor): asserts order {
  if (!order || order.userId !== actor.id) throw notFound('支付订单');
}
