import type Router from '@koa/router';
import type { Config } from '@baotou/config';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { payOrders } from '../db/schema';
import { requireActor } from '../auth/middleware';
import { AppError, conflict, forbidden, notFound } from '../http/errors';
import { getPresented, registerResource } from '../http/resource';
import { unpostedRefundSchema } from '@baotou/shared';
import { defineJob } from '../jobs/queue';
import { installPayClient } from './registry';
import { assertOrderVisible, createFeeOrder, payOrderSchema } from './orders';
import { handleNotification } from './notify';
import { PAY_QUERY_JOB, queryOpenOrders } from './queryJob';
import { refundUnposted } from './refunds';
import { payOrdersResource } from './resource';
import { routeId } from '../http/routeId';

const idParam = (raw: string) => routeId(raw, '支付订单');

/**
 * WeChat Pay (issue 13): a resident's order for bills, WeChat's notification, the order's state for
 * the mini-program to follow, the query/close job, and — with the local stand-in only — the
 * stand-in's "the user paid" step for the H5 build.
 */
export function registerPayRoutes(router: Router, db: Db, config: Config): void {
  const client = installPayClient(config.pay);
  defineJob(PAY_QUERY_JOB, () => queryOpenOrders(db, config, client), { title: '查询未完成的微信支付订单', singletonKey: () => 'pay', keepCompleted: false });

  router.post('/api/pay/orders', async (ctx) => {
    const actor = requireActor(ctx, ['resident']);
    const r = await createFeeOrder(db, config, client, actor, payOrderSchema.parse(ctx.request.body ?? {}));
    ctx.status = 201;
    ctx.body = { ...r.payment, orderId: r.orderId, amountFen: r.amountFen };
  });

  router.get('/api/pay/orders/:id', async (ctx) => {
    const actor = requireActor(ctx, ['resident']);
    const [o] = await db
      .select()
      .from(payOrders)
      .where(eq(payOrders.id, idParam(ctx.params.id)));
    assertOrderVisible(o, actor);
    const receipt = o.feePaymentId
      ? ((await db.execute(sql`SELECT id, receipt_no AS "receiptNo" FROM receipts WHERE payment_id = ${o.feePaymentId}`)).rows[0] as
          { id: number; receiptNo: string } | undefined)
      : undefined;
    ctx.body = {
      id: o.id,
      purpose: o.purpose,
      householdId: o.householdId,
      billIds: o.billIds,
      amountFen: o.amountFen,
      status: o.status,
      paidAt: o.paidAt,
      expiresAt: o.expiresAt,
      feePaymentId: o.feePaymentId,
      receiptId: receipt?.id ?? null,
      receiptNo: receipt?.receiptNo ?? null,
    };
  });

  // Called by WeChat, authenticated by its signature. 200 (empty) = received; WeChat retries anything else.
  router.post('/api/pay/wechat/notify', async (ctx) => {
    const raw = (ctx.request as unknown as { rawBody?: string }).rawBody ?? '';
    const header = (name: string) => {
      const v = ctx.get(name);
      return v === '' ? undefined : v;
    };
    try {
      await handleNotification(
        db,
        config,
        client,
        {
          timestamp: header('Wechatpay-Timestamp'),
          nonce: header('Wechatpay-Nonce'),
          signature: header('Wechatpay-Signature'),
          serial: header('Wechatpay-Serial'),
          signatureType: header('Wechatpay-Signature-Type'),
        },
        raw,
        Date.now(),
        // The body parser's object (the same bytes the signature covers), not a second JSON.parse.
        ctx.request.body,
      );
      ctx.status = 200;
      ctx.body = '';
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      // WeChat's failure reply: {code: "FAIL", message}; our error shape beside it for our own clients.
      ctx.status = e.status;
      ctx.body = { code: 'FAIL', message: e.message, error: { code: e.code, message: e.message } };
    }
  });

  // Orders paid at WeChat that the books could not take ('unposted'), for staff to find and refund.
  const orderDef = payOrdersResource();
  router.post('/api/pay-orders/:id/refund', async (ctx) => {
    const actor = requireActor(ctx, ['company_staff', 'district_staff', 'city_admin']);
    const id = idParam(ctx.params.id);
    const order = await getPresented(db, orderDef, actor, id);
    if (!order) {
      if ((await db.select({ id: payOrders.id }).from(payOrders).where(eq(payOrders.id, id))).length)
        throw forbidden('OUT_OF_JURISDICTION', '无权操作管辖范围以外的微信支付订单');
      throw notFound('支付订单');
    }
    // A fee order is refunded by the company whose bills it paid; a fund self-deposit by the housing bureau.
    if ((order.purpose === 'fees') !== (actor.role === 'company_staff'))
      throw forbidden('ROLE_FORBIDDEN', order.purpose === 'fees' ? '物业费订单由收费的物业服务企业退款' : '维修资金自缴订单由住房主管部门退款');
    const refund = await refundUnposted(db, actor, id, unpostedRefundSchema.parse(ctx.request.body));
    ctx.status = 201;
    ctx.body = { ...(await getPresented(db, orderDef, actor, id)), refund };
  });
  registerResource(router, db, orderDef);

  if (config.pay.standIn && config.env !== 'production') {
    // The H5 build's stand-in for wx.requestPayment: the stand-in marks the order paid and sends its notification.
    router.post('/api/pay/orders/:id/stand-in-pay', async (ctx) => {
      const actor = requireActor(ctx, ['resident']);
      const [o] = await db
        .select()
        .from(payOrders)
        .where(eq(payOrders.id, idParam(ctx.params.id)));
      assertOrderVisible(o, actor);
      if (o.status !== 'open') throw conflict('ORDER_NOT_OPEN', '该订单已支付或已关闭');
      const res = await fetch(`${config.pay.apiBase}/stand-in/pay`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ out_trade_no: o.outTradeNo }),
      });
      if (!res.ok) throw conflict('PAY_PROVIDER_ERROR', `支付替身未能完成支付（HTTP ${res.status}）`);
      const [after] = await db.select({ status: payOrders.status }).from(payOrders).where(eq(payOrders.id, o.id));
      ctx.body = { id: o.id, status: after.status };
    });
  }
}
