import { and, asc, eq, lte } from 'drizzle-orm';
import type { Config } from '@baotou/config';
import type { Db } from '../db/client';
import { payOrders } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { PayProviderError, type PayClient } from './client';
import { settleOrder } from './settle';

/** The job's name (server/src/jobs/queue.ts), run every PAY_QUERY_INTERVAL_SECONDS by main.ts. */
export const PAY_QUERY_JOB = 'pay.query-open-orders';

async function closeLocally(db: Db, id: number, now: Date, tradeState: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [o] = await tx.select().from(payOrders).where(eq(payOrders.id, id)).for('update');
    if (!o || o.status !== 'open') return false;
    await tx.update(payOrders).set({ status: 'closed', closedAt: now, updatedAt: now }).where(eq(payOrders.id, id));
    await writeAudit(tx, null, {
      action: 'pay_closed',
      entity: 'pay_orders',
      entityId: id,
      before: { status: 'open' },
      after: { status: 'closed', tradeState },
      regionCode: o.regionCode,
    });
    return true;
  });
}

/**
 * When no notification arrives (research §6 step 5): each open order older than
 * PAY_QUERY_AFTER_SECONDS is queried by out_trade_no; one WeChat reports paid is settled exactly as
 * a notification would be (settle.ts, under the order's lock, so racing a notification posts once);
 * an expired unpaid one is closed at WeChat (close → 204) and then here. Takes the clock as an
 * argument so tests drive it. Returns what it did; an order WeChat cannot answer for now waits for
 * the next run.
 */
export async function queryOpenOrders(db: Db, config: Pick<Config, 'pay' | 'fund'>, client: PayClient, now = new Date(), batch = 200) {
  const done = { queried: 0, posted: 0, closed: 0, failed: 0 };
  if (!client.configured) return done;
  const due = await db
    .select({ id: payOrders.id, outTradeNo: payOrders.outTradeNo, expiresAt: payOrders.expiresAt })
    .from(payOrders)
    .where(and(eq(payOrders.status, 'open'), lte(payOrders.createdAt, new Date(now.getTime() - config.pay.queryAfterSeconds * 1000))))
    .orderBy(asc(payOrders.createdAt))
    .limit(batch);
  for (const o of due) {
    done.queried++;
    try {
      let t;
      try {
        t = await client.queryOrder(o.outTradeNo);
      } catch (e) {
        // Never placed at WeChat (the order's transaction failed after the insert would have rolled it back; kept for safety).
        if (e instanceof PayProviderError && e.code === 'ORDER_NOT_EXIST' && o.expiresAt <= now) {
          if (await closeLocally(db, o.id, now, 'ORDER_NOT_EXIST')) done.closed++;
          continue;
        }
        throw e;
      }
      if (t.trade_state === 'SUCCESS' || t.trade_state === 'REFUND') {
        const { outcome } = await db.transaction((tx) => settleOrder(tx, config, o.outTradeNo, t));
        if (outcome === 'posted' || outcome === 'unposted') done.posted++;
      } else if (t.trade_state === 'CLOSED' || t.trade_state === 'REVOKED' || t.trade_state === 'PAYERROR') {
        if (await closeLocally(db, o.id, now, t.trade_state)) done.closed++;
      } else if (o.expiresAt <= now) {
        await client.closeOrder(o.outTradeNo);
        if (await closeLocally(db, o.id, now, 'CLOSED')) done.closed++;
      }
    } catch {
      done.failed++;
    }
  }
  return done;
}
