import type Router from '@koa/router';
import type { Config } from '@baotou/config';
import {
  acceptSchema,
  allocateEarningsSchema,
  depositSchema,
  fundAccountSchema,
  fundApplicationSchema,
  paymentCallbackSchema,
  paymentSchema,
  reverseSchema,
  reviewSchema,
  superviseSchema,
} from '@baotou/shared';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { requireActor } from '../auth/middleware';
import { getPresented, registerResource, type ResourceDef } from '../http/resource';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import type { Actor } from '../auth/actor';
import { accountsResource, applicationsResource, entriesResource, ledgersResource } from './resources';
import { ledgerService } from './ledgerService';
import { applicationService } from './applicationService';
import { openAccountFor } from './accounts';
import { installPayClient } from '../pay/registry';
import { createFundOrder } from '../pay/orders';
import { heldHomeIds } from '../places/residentHomes';
import { routeId } from '../http/routeId';

const idParam = (raw: string) => routeId(raw, '记录');

export function registerFundRoutes(router: Router, db: Db, config: Config): void {
  const ledgers = ledgerService(db, config.fund);
  const pay = installPayClient(config.pay);
  const applications = applicationService(db, config.fund.limits);
  const accountDef = accountsResource();
  const ledgerDef = ledgersResource(config.fund.firstDepositPerM2Fen);
  const entryDef = entriesResource();
  const applicationDef = applicationsResource(config.fund.emergencyDisclosureDays);
  /**
   * Reading through the resource applies jurisdiction: a row the actor may not see is a 404 to
   * read; acting on one that exists outside their jurisdiction is a 403.
   */
  const visible = async (def: ResourceDef, actor: Actor, id: number, write = false) => {
    const row = await getPresented(db, def, actor, id);
    if (row) return row;
    if (
      write &&
      (
        await db
          .select({ id: def.id as never })
          .from(def.table as never)
          .where(eq(def.id, id))
      ).length
    ) {
      throw forbidden('OUT_OF_JURISDICTION', `无权操作管辖范围以外的${def.label}`);
    }
    throw notFound(def.label);
  };

  // A compound without an account (registered before accounts opened with the compound) gets one here.
  router.post('/api/fund-accounts', async (ctx) => {
    const actor = requireActor(ctx, ['city_admin', 'district_staff']);
    const id = await openAccountFor(db, actor, fundAccountSchema.parse(ctx.request.body));
    ctx.status = 201;
    ctx.body = await visible(accountDef, actor, id);
  });
  router.post('/api/fund-accounts/:id/deposits', async (ctx) => {
    const actor = requireActor(ctx);
    const id = idParam(ctx.params.id);
    await visible(accountDef, actor, id, true);
    ctx.status = 201;
    ctx.body = await ledgers.deposit(actor, id, depositSchema.parse(ctx.request.body));
  });
  router.post('/api/fund-accounts/:id/allocate-earnings', async (ctx) => {
    const actor = requireActor(ctx);
    const id = idParam(ctx.params.id);
    await visible(accountDef, actor, id, true);
    ctx.status = 201;
    ctx.body = await ledgers.allocateEarnings(actor, id, allocateEarningsSchema.parse(ctx.request.body));
  });
  router.get('/api/fund-accounts/:id/reconciliation', async (ctx) => {
    const actor = requireActor(ctx);
    const id = idParam(ctx.params.id);
    await visible(accountDef, actor, id);
    ctx.body = await ledgers.reconciliation(db, id);
  });
  registerResource(router, db, accountDef);

  router.get('/api/fund-ledgers/check', async (ctx) => {
    const actor = requireActor(ctx, ['city_admin', 'district_staff', 'street_staff', 'community_staff']);
    const q = ctx.query as Record<string, string | undefined>;
    if (q.householdId !== undefined && !/^\d{1,10}$/.test(q.householdId)) throw badRequest('BAD_QUERY', 'householdId 必须是正整数');
    if (!q.householdId && !(q.compoundCode && q.building && q.unit && q.room)) throw badRequest('BAD_QUERY', '请提供房屋编号，或小区编码、楼栋、单元和房号');
    ctx.body = await ledgers.check(actor, { ...q, householdId: q.householdId ? Number(q.householdId) : undefined });
  });
  router.post('/api/fund-ledgers/:id/refund', async (ctx) => {
    const actor = requireActor(ctx);
    const id = idParam(ctx.params.id);
    await visible(ledgerDef, actor, id, true);
    const { reason } = reverseSchema.parse(ctx.request.body);
    ctx.status = 201;
    ctx.body = await ledgers.refund(actor, id, reason);
  });
  registerResource(router, db, ledgerDef);

  router.post('/api/fund-entries/:id/reverse', async (ctx) => {
    const actor = requireActor(ctx);
    const id = idParam(ctx.params.id);
    await visible(entryDef, actor, id, true);
    const { reason } = reverseSchema.parse(ctx.request.body);
    ctx.status = 201;
    ctx.body = await ledgers.reverse(actor, id, reason);
  });
  registerResource(router, db, entryDef);

  router.post('/api/fund-applications', async (ctx) => {
    const actor = requireActor(ctx, ['company_staff', 'resident']);
    const id = await applications.create(actor, fundApplicationSchema.parse(ctx.request.body));
    ctx.status = 201;
    ctx.body = await visible(applicationDef, actor, id);
  });
  const step = (name: string, run: (actor: Actor, id: number, body: unknown) => Promise<unknown>) =>
    router.post(`/api/fund-applications/:id/${name}`, async (ctx) => {
      const actor = requireActor(ctx);
      const id = idParam(ctx.params.id);
      await visible(applicationDef, actor, id, true);
      const result = await run(actor, id, ctx.request.body ?? {});
      ctx.body = { ...(await visible(applicationDef, actor, id)), ...(name === 'disburse' ? { disbursement: result } : {}) };
    });
  step('submit', (a, id) => applications.submit(a, id));
  step('review', (a, id, body) => applications.review(a, id, reviewSchema.parse(body)));
  step('supervise', (a, id, body) => applications.supervise(a, id, superviseSchema.parse(body)));
  step('accept', (a, id, body) => applications.accept(a, id, acceptSchema.parse(body)));
  step('disburse', (a, id) => applications.disburse(a, id));
  router.get('/api/fund-applications/:id/shares', async (ctx) => {
    const actor = requireActor(ctx);
    const id = idParam(ctx.params.id);
    await visible(applicationDef, actor, id);
    const result = await applications.shares(actor, id);
    // Residents see only their own homes' shares, plus the total.
    if (actor.role === 'resident') {
      const mine = await heldHomeIds(db, actor.id);
      result.shares = result.shares.filter((s) => mine.has(s.householdId));
    }
    ctx.body = result;
  });
  registerResource(router, db, applicationDef);

  router.post('/api/fund-payments', async (ctx) => {
    const actor = requireActor(ctx, ['resident']);
    const created = await ledgers.createPayment(actor, paymentSchema.parse(ctx.request.body));
    ctx.status = 201;
    // Through WeChat Pay when it is configured (issue 13): the order's wx.requestPayment parameters come back too.
    if (!pay.configured) ctx.body = created;
    else {
      const order = await createFundOrder(db, config, pay, actor, {
        id: created.paymentId,
        householdId: paymentSchema.parse(ctx.request.body).householdId,
        amountFen: created.amountFen,
        providerTxnId: created.providerTxnId,
      });
      ctx.body = { ...created, payOrderId: order.orderId, payment: order.payment };
    }
  });
  // Called by the payment provider, authenticated by its signature rather than a user token.
  router.post('/api/fund-payments/callback', async (ctx) => {
    ctx.body = await ledgers.paymentCallback(paymentCallbackSchema.parse(ctx.request.body));
  });
  if (config.fund.localPaymentProvider) {
    // The local provider's "pay" button: it calls our callback as a real provider would.
    router.post('/api/fund-payments/:id/simulate-pay', async (ctx) => {
      const actor = requireActor(ctx, ['resident']);
      const p = await ledgers.payment(actor, idParam(ctx.params.id));
      if (pay.configured && config.pay.standIn) {
        // WeChat Pay's stand-in pays the order and notifies us, as WeChat would (server/src/pay).
        const res = await fetch(`${config.pay.apiBase}/stand-in/pay`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ out_trade_no: p.providerTxnId }),
        });
        if (!res.ok) throw conflict('PAY_PROVIDER_ERROR', `支付替身未能完成支付（HTTP ${res.status}）`);
        ctx.body = { status: (await ledgers.payment(actor, p.id)).status };
        return;
      }
      const sign = ledgers.sign(p.providerTxnId, p.amountFen, 'SUCCESS');
      ctx.body = await ledgers.paymentCallback({ providerTxnId: p.providerTxnId, amountFen: p.amountFen, status: 'SUCCESS', sign });
    });
  }
  router.get('/api/fund-payments/:id', async (ctx) => {
    ctx.body = await ledgers.payment(requireActor(ctx, ['resident']), idParam(ctx.params.id));
  });
}
