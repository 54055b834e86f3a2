import type Router from '@koa/router';
import { sql } from 'drizzle-orm';
import type { Config } from '@baotou/config';
import { billingRunSchema, collectionQuerySchema, counterPaymentSchema, feeReminderSchema, refundPaymentSchema, reverseBillSchema } from '@baotou/shared';
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { requireActor } from '../auth/middleware';
import { getPresented, registerResource, type ResourceDef } from '../http/resource';
import { badRequest, forbidden, notFound } from '../http/errors';
import { requireMemberCommittee } from '../committees/membership';
import { billingRunsResource, billsResource, feeItemsResource, feePaymentsResource, receiptsResource } from './resources';
import { createBillingRun, defineBillingRunJob, startBillingRun } from './billingRuns';
import { recordCounterPayment, refundPayment, reverseBill, sendReminders } from './service';
import { collectionReport, collectionScope, collectionTotal } from './collection';
import { arrearsByBuilding, longTermDefaulters } from './arrears';
import { routeId } from '../http/routeId';

const idParam = (raw: string) => routeId(raw, '记录');
const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** Property fees (issue 13): fee items, billing runs, bills, counter payments, refunds, receipts, reminders, collection. */
export function registerFeesRoutes(router: Router, db: Db, config: Config): void {
  const settings = config.fees;
  const runDef = billingRunsResource();
  const billDef = billsResource();
  const paymentDef = feePaymentsResource();
  const receiptDef = receiptsResource();
  defineBillingRunJob(db, settings);
  /** A row the actor may not read is 404; one that exists outside their jurisdiction, acted on, is 403. */
  const visible = async (def: ResourceDef, actor: Actor, id: number, write = false) => {
    const row = await getPresented(db, def, actor, id);
    if (row) return row;
    if (write && (await db.execute(sql`SELECT 1 FROM ${def.table} WHERE ${def.id} = ${id}`)).rows.length)
      throw forbidden('OUT_OF_JURISDICTION', `无权操作管辖范围以外的${def.label}`);
    throw notFound(def.label);
  };

  registerResource(router, db, feeItemsResource(settings));

  router.post('/api/billing-runs', async (ctx) => {
    const actor = requireActor(ctx, ['company_staff']);
    const runId = await createBillingRun(db, actor, billingRunSchema.parse(ctx.request.body));
    await startBillingRun(db, runId, actor);
    // The run's record is created (201, as every create); the billing itself runs as a job.
    ctx.status = 201;
    ctx.body = await visible(runDef, actor, runId);
  });
  registerResource(router, db, runDef);

  router.post('/api/bills/:id/reverse', async (ctx) => {
    const actor = requireActor(ctx, ['company_staff']);
    const id = idParam(ctx.params.id);
    await visible(billDef, actor, id, true);
    const { reason } = reverseBillSchema.parse(ctx.request.body);
    await reverseBill(db, actor, id, reason);
    ctx.body = await visible(billDef, actor, id);
  });
  registerResource(router, db, billDef);

  router.post('/api/fee-payments', async (ctx) => {
    const actor = requireActor(ctx, ['company_staff']);
    const { paymentId } = await recordCounterPayment(db, actor, counterPaymentSchema.parse(ctx.request.body));
    ctx.status = 201;
    ctx.body = await visible(paymentDef, actor, paymentId);
  });
  router.post('/api/fee-payments/:id/refund', async (ctx) => {
    const actor = requireActor(ctx, ['company_staff']);
    const id = idParam(ctx.params.id);
    await visible(paymentDef, actor, id, true);
    const refund = await refundPayment(db, actor, id, refundPaymentSchema.parse(ctx.request.body));
    ctx.status = 201;
    ctx.body = { ...(await visible(paymentDef, actor, id)), refund };
  });
  registerResource(router, db, paymentDef);
  registerResource(router, db, receiptDef);

  router.get('/api/fees/collection', async (ctx) => {
    const actor = requireActor(ctx);
    const scope = collectionScope(actor);
    const q = collectionQuerySchema.parse(ctx.query);
    const rows = await collectionReport(db, scope, q);
    ctx.body = { from: q.from, to: q.to, groupBy: q.groupBy, rows, total: collectionTotal(rows) };
  });

  router.get('/api/fees/arrears', async (ctx) => {
    const actor = requireActor(ctx);
    const compoundId = idParam(String(ctx.query.compoundId ?? ''));
    ctx.body = await arrearsByBuilding(db, collectionScope(actor), compoundId);
  });

  router.post('/api/fees/reminders', async (ctx) => {
    const actor = requireActor(ctx, ['company_staff']);
    const { householdIds } = feeReminderSchema.parse(ctx.request.body);
    const served = (
      await db.execute(sql`
      SELECT count(*)::int AS n FROM households h
       WHERE h.id = ANY(${`{${householdIds.join(',')}}`}::int[])
         AND h.compound_id IN (SELECT p.compound_id FROM projects p WHERE p.company_id = ${actor.companyId ?? 0} AND p.start_date <= ${beijingToday()} AND p.end_date >= ${beijingToday()})`)
    ).rows as { n: number }[];
    if (served[0].n !== new Set(householdIds).size) throw forbidden('OUT_OF_JURISDICTION', '只能提醒本企业服务小区内的房屋');
    ctx.status = 201;
    ctx.body = await db.transaction((tx) => sendReminders(tx, actor, settings, { householdIds, sender: 'company', companyId: actor.companyId }));
  });

  // The owners' committee (mini-program): its compound's collection rate this year and the long-term defaulters, masked.
  router.get('/api/fees/committee/:compoundId', async (ctx) => {
    const actor = requireActor(ctx, ['resident']);
    const compoundId = idParam(ctx.params.compoundId);
    await requireMemberCommittee(db, actor, compoundId);
    const today = beijingToday();
    const from = `${today.slice(0, 4)}-01-01`;
    const [total] = await collectionReport(db, sql`b.compound_id = ${compoundId}`, { from, to: today, groupBy: 'project' }).then((rows) => [
      collectionTotal(rows),
    ]);
    const defaulters = await longTermDefaulters(db, compoundId, settings.longTermDefaultMonths);
    ctx.body = { compoundId, from, to: today, collection: total, longTermMonths: settings.longTermDefaultMonths, defaulters };
  });
  router.post('/api/fees/committee/:compoundId/urge', async (ctx) => {
    const actor = requireActor(ctx, ['resident']);
    const compoundId = idParam(ctx.params.compoundId);
    await requireMemberCommittee(db, actor, compoundId);
    const { householdIds } = feeReminderSchema.parse(ctx.request.body);
    const defaulters = new Set((await longTermDefaulters(db, compoundId, settings.longTermDefaultMonths)).map((d) => d.householdId));
    const others = householdIds.filter((id) => !defaulters.has(id));
    if (others.length) throw badRequest('NOT_A_DEFAULTER', '只能催缴本小区长期欠费的房屋', { householdIds: '只能催缴本小区长期欠费的房屋' });
    ctx.status = 201;
    ctx.body = await db.transaction((tx) => sendReminders(tx, actor, settings, { householdIds, sender: 'committee', compoundId }));
  });
}
