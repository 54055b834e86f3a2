import { createPublicKey } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { residentWithHome } from '../../../test/support/residents';
import { feesInvariantBreaks } from '../../../test/support/feesInvariant';
import { startWechatPayStandIn, type WechatPayStandIn } from '../../../test/support/wechatPayStandIn';
import { createPayClient } from './client';
import { rsaVerify } from './protocol';
import { queryOpenOrders } from './queryJob';
import { readOrder, settleFromRead, settleOrder } from './settle';
import type { PayTransaction } from './client';
import { requestRefund } from './refunds';

/**
 * Issue 13 "WeChat Pay, spoken exactly": a resident's order, WeChat's notification verified,
 * decrypted, checked and posted exactly once under the order's lock, the query/close job, refunds —
 * against the local stand-in on real PostgreSQL. Every refusal posts nothing (the fee books balance).
 */
const N = 20;
let t: TestApi;
let standIn: WechatPayStandIn;
let homes: { id: number; compound_id: number; building_id: number; region_code: string }[];
let project: { id: number; company_id: number; compound_id: number; region_code: string };
let itemId: number;
let resident: string;
let neighbour: string;
let month = 0;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A fresh unpaid bill of `home` (a month of its own, so tests do not share bills). */
async function bill(home: number, amountFen: number): Promise<number> {
  const h = homes[home];
  const start = `2032-${String((month % 12) + 1).padStart(2, '0')}-01`;
  const year = 2032 + Math.floor(month++ / 12);
  const [b] = await t.query<{ id: number }>(
    `INSERT INTO bills (household_id, compound_id, building_id, project_id, company_id, region_code, fee_item_id, period_start, period_end, months, amount_fen, due_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, ($8::date + interval '1 month' - interval '1 day')::date, 1, $9, $8::date) RETURNING id`,
    [h.id, h.compound_id, h.building_id, project.id, project.company_id, h.region_code, itemId, start.replace('2032', String(year)), amountFen],
  );
  return b.id;
}
const order = (token: string, body: object) => t.api.post('/api/pay/orders').set(bearer(token)).send(body);
const outTradeNo = async (orderId: number) =>
  (await t.query<{ out_trade_no: string }>('SELECT out_trade_no FROM pay_orders WHERE id = $1', [orderId]))[0].out_trade_no;
const paymentsOf = (orderId: number) =>
  t.query<{ id: number; amount_fen: string }>('SELECT id, amount_fen::text FROM fee_payments WHERE pay_order_id = $1', [orderId]);
const statusOf = async (orderId: number) => (await t.query<{ status: string }>('SELECT status FROM pay_orders WHERE id = $1', [orderId]))[0].status;

beforeAll(async () => {
  standIn = await startWechatPayStandIn({ appId: 'wxtest000000000001' });
  // WeChat's 24-hour retry schedule in about two seconds.
  standIn.retryScale = 0.00002;
  t = await createTestApi({ ...standIn.env(), PAY_STAND_IN: '1', PAY_QUERY_AFTER_SECONDS: '0' });
  standIn.notifyUrlOverride = `http://127.0.0.1:${(t.server.address() as AddressInfo).port}/api/pay/wechat/notify`;
  [project] = await t.query(`SELECT p.id, p.company_id, p.compound_id, p.region_code FROM projects p ORDER BY p.id LIMIT 1`);
  homes = await t.query(
    `SELECT id, compound_id, building_id, region_code FROM households WHERE compound_id = $1 AND owner_id IS NOT NULL ORDER BY id LIMIT 2`,
    [project.compound_id],
  );
  [{ id: itemId }] = await t.query<{ id: number }>(
    `INSERT INTO fee_items (project_id, company_id, compound_id, region_code, kind, name, fee_milli_fen_per_m2_month, billing_cycle, starts_on)
     VALUES ($1, $2, $3, $4, 'property_fee', '物业服务费（支付测试）', 139000, 'monthly', '2020-01-01') RETURNING id`,
    [project.id, project.company_id, project.compound_id, project.region_code],
  );
  resident = await residentWithHome(t, 'payer-f1', homes[0].id);
  neighbour = await residentWithHome(t, 'neighbour-f1', homes[1].id);
});
afterEach(async () => {
  await standIn.settled();
  expect(await feesInvariantBreaks(t)).toEqual([]);
});
afterAll(async () => {
  await t?.close();
  await standIn?.close();
});

/**
 * The SQL round trips each notification to our server makes while `deliver` runs, counted at the pg
 * driver (the server's own code runs unchanged): Pool#query where it is called, Client#query for
 * transactions, as test/bench/requestCosts.ts counts them.
 */
async function notifyRoundTrips(deliver: () => Promise<{ status: number }[]>): Promise<{ statuses: number[]; roundTrips: number[] }> {
  const { AsyncLocalStorage } = await import('node:async_hooks');
  const { Client, Pool } = await import('pg');
  const current = new AsyncLocalStorage<{ n: number }>();
  const counts: { n: number }[] = [];
  const [handler] = t.server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  const counting = (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/api/pay/wechat/notify')) return handler(req, res);
    const cost = { n: 0 };
    counts.push(cost);
    current.run(cost, () => handler(req, res));
  };
  const clientQuery = Client.prototype.query;
  const poolQuery = Pool.prototype.query;
  const wrap = (original: (...a: unknown[]) => unknown, skipCallbacks: boolean) =>
    function (this: unknown, ...args: unknown[]) {
      const cost = current.getStore();
      if (cost && !(skipCallbacks && typeof args[args.length - 1] === 'function')) cost.n++;
      return original.apply(this, args);
    };
  Client.prototype.query = wrap(clientQuery as never, true) as never;
  Pool.prototype.query = wrap(poolQuery as never, false) as never;
  t.server.removeListener('request', handler);
  t.server.on('request', counting);
  try {
    const deliveries = await deliver();
    return { statuses: deliveries.map((d) => d.status), roundTrips: counts.map((c) => c.n) };
  } finally {
    t.server.removeListener('request', counting);
    t.server.on('request', handler);
    Client.prototype.query = clientQuery;
    Pool.prototype.query = poolQuery;
  }
}

describe('POST /api/pay/orders → wx.requestPayment parameters', () => {
  test('two bills, oldest first: one order for what they owe, paySign verifies over appId\\ntimeStamp\\nnonceStr\\npackage\\n', async () => {
    const newer = await bill(0, 12000);
    const older = await bill(0, 15000);
    await t.query(`UPDATE bills SET period_start = '2031-01-01' WHERE id = $1`, [older]);
    const res = await order(resident, { billIds: [newer, older] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ package: expect.stringMatching(/^prepay_id=wx/), signType: 'RSA', amountFen: 27000 });
    const { timeStamp, nonceStr, package: pkg, paySign } = res.body;
    expect(rsaVerify(createPublicKey(standIn.merchantPrivateKey), `${standIn.appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`, paySign)).toBe(true);
    const [o] = await t.query<{ bill_ids: number[]; amount_fen: string; status: string }>(
      'SELECT bill_ids, amount_fen::text, status FROM pay_orders WHERE id = $1',
      [res.body.orderId],
    );
    expect(o).toEqual({ bill_ids: [older, newer], amount_fen: '27000', status: 'open' });
    expect(standIn.orders.get(await outTradeNo(res.body.orderId))!.amount.total).toBe(27000);
  });

  test("refusals, nothing placed: another home's bill 403, a bill in another open order 409, a paid bill 409, staff 403, bad input 400", async () => {
    const mine = await bill(0, 5000);
    const theirs = await bill(1, 5000);
    expect((await order(resident, { billIds: [theirs] })).body.error.code).toBe('BILL_OF_ANOTHER_HOME');
    expect((await order(resident, { billIds: [mine, theirs] })).status).toBe(403);
    const first = await order(resident, { billIds: [mine] });
    expect(first.status).toBe(201);
    const other = await bill(0, 700);
    const overlapping = await order(resident, { billIds: [mine, other] });
    expect([overlapping.status, overlapping.body.error.code]).toEqual([409, 'BILL_IN_OPEN_ORDER']);
    // The same bills again while the order is open: the same order, asked to pay again.
    const again = await order(resident, { billIds: [mine] });
    expect([again.status, again.body.orderId, again.body.package]).toEqual([201, first.body.orderId, first.body.package]);
    await standIn.pay(await outTradeNo(first.body.orderId));
    const paid = await order(resident, { billIds: [mine] });
    expect([paid.status, paid.body.error.code]).toEqual([409, 'BILL_ALREADY_PAID']);
    expect((await order(await t.login('company'), { billIds: [mine] })).status).toBe(403);
    expect((await order(resident, { billIds: ['1'] })).status).toBe(400);
    expect((await order(resident, { billIds: [2 ** 40] })).status).toBe(400);
    expect((await order(resident, {})).status).toBe(400);
    expect(await t.query('SELECT count(*)::int AS n FROM pay_orders WHERE $1 = ANY(bill_ids)', [theirs])).toEqual([{ n: 0 }]);
  });
});

describe('what an order says of homes and bills that are not yours, and bills in an open order', () => {
  test("another home, owing or not, or none at all: the same 403; a missing bill id answers as another home's bill", async () => {
    await bill(1, 3000); // the neighbour's home owes
    const owing = await order(resident, { householdId: homes[1].id });
    const [{ id: owesNothing }] = await t.query<{ id: number }>(
      `SELECT h.id FROM households h WHERE NOT EXISTS (SELECT 1 FROM bills b WHERE b.household_id = h.id) AND h.id <> ALL($1::int[]) ORDER BY h.id LIMIT 1`,
      [homes.map((h) => h.id)],
    );
    const nothing = await order(resident, { householdId: owesNothing });
    const missing = await order(resident, { householdId: 2147483647 });
    for (const res of [owing, nothing, missing])
      expect([res.status, res.body.error.code, res.body.error.message]).toEqual([403, 'NOT_OWNER', owing.body.error.message]);
    const theirs = await order(resident, { billIds: [await bill(1, 3000)] });
    const noSuchBill = await order(resident, { billIds: [2147483647] });
    expect([noSuchBill.status, noSuchBill.body.error]).toEqual([theirs.status, theirs.body.error]);
    expect(theirs.status).toBe(403);
  });

  test('bad input is refused with Chinese messages on the field', async () => {
    for (const body of [{ householdId: '1' }, { householdId: 1.5 }, { householdId: -1 }, { billIds: null }, { billIds: '1' }, { billIds: [1.5] }]) {
      const res = await order(resident, body);
      expect(res.status).toBe(400);
      const messages = Object.values(res.body.error.fields ?? {}).join(' ');
      expect(messages).toMatch(/[\u4e00-\u9fff]/);
      expect(messages).not.toMatch(/[A-Za-z]{4,}/);
    }
  });

  test('a bill in an open order cannot be reversed or paid at the counter meanwhile (409), so WeChat money never lands on it unposted', async () => {
    const company = await t.login('company');
    const b = await bill(0, 4200);
    const placed = await order(resident, { billIds: [b] });
    expect(placed.status).toBe(201);
    const reverse = await t.api.post(`/api/bills/${b}/reverse`).set(bearer(company)).send({ reason: '录错' });
    expect([reverse.status, reverse.body.error.code]).toEqual([409, 'BILL_IN_OPEN_ORDER']);
    for (const billIds of [[b], undefined]) {
      const counter = await t.api.post('/api/fee-payments').set(bearer(company)).send({ householdId: homes[0].id, billIds, amountFen: 4200, method: 'cash' });
      expect([counter.status, counter.body.error.code]).toEqual([409, 'BILL_IN_OPEN_ORDER']);
    }
    expect(await t.query('SELECT status, paid_fen::int AS paid FROM bills WHERE id = $1', [b])).toEqual([{ status: 'unpaid', paid: 0 }]);
    await standIn.pay(await outTradeNo(placed.body.orderId));
    expect(await statusOf(placed.body.orderId)).toBe('paid');
    expect(await paymentsOf(placed.body.orderId)).toEqual([{ id: expect.any(Number), amount_fen: '4200' }]);
  });
});

describe('POST /api/pay/wechat/notify', () => {
  async function placed(amountFen = 8800) {
    const b = await bill(0, amountFen);
    const res = await order(resident, { billIds: [b] });
    expect(res.status).toBe(201);
    return { billId: b, orderId: res.body.orderId as number, no: await outTradeNo(res.body.orderId) };
  }

  test('20 identical notifications at once: twenty 200s, one posting, the bill paid, the receipt shown', async () => {
    const o = await placed();
    const deliveries = await standIn.pay(o.no, { duplicate: N });
    expect(deliveries.map((d) => d.status)).toEqual(Array(N).fill(200));
    expect(await paymentsOf(o.orderId)).toEqual([{ id: expect.any(Number), amount_fen: '8800' }]);
    expect(await t.query('SELECT status FROM bills WHERE id = $1', [o.billId])).toEqual([{ status: 'paid' }]);
    const got = await t.api.get(`/api/pay/orders/${o.orderId}`).set(bearer(resident));
    expect(got.body).toMatchObject({ status: 'paid', amountFen: 8800, receiptNo: expect.stringMatching(/^SF\d{8}/) });
    expect((await t.api.get(`/api/pay/orders/${o.orderId}`).set(bearer(neighbour))).status).toBe(404);
  }, 60_000);

  test('a notification repeated after posting is answered 200 from one read: it does not queue behind a lock on the order', async () => {
    const o = await placed();
    expect((await standIn.pay(o.no)).map((d) => d.status)).toEqual([200]);
    const { Client } = await import('pg');
    const c = new Client({ connectionString: t.databaseUrl });
    await c.connect();
    try {
      await c.query('BEGIN');
      await c.query('SELECT 1 FROM pay_orders WHERE id = $1 FOR UPDATE', [o.orderId]);
      const again = await Promise.race([standIn.pay(o.no), new Promise<'blocked'>((r) => setTimeout(() => r('blocked'), 5000))]);
      expect(again === 'blocked' ? again : again.map((d) => d.status)).toEqual([200]);
    } finally {
      await c.query('ROLLBACK');
      await c.end();
    }
    expect(await paymentsOf(o.orderId)).toHaveLength(1);
  }, 60_000);

  test('SQL round trips (issue 13 target): a first notification posts in two — the read of order and bills, one statement writing everything; a repeat in one', async () => {
    const o = await placed();
    const first = await notifyRoundTrips(() => standIn.pay(o.no));
    expect(first.statuses).toEqual([200]);
    expect(first.roundTrips).toEqual([2]);
    expect(await paymentsOf(o.orderId)).toHaveLength(1);
    expect(
      await t.query('SELECT action FROM audit_logs WHERE entity_id IN ($1, $2) AND action IN ($3, $4) ORDER BY action', [
        String(o.orderId),
        String((await paymentsOf(o.orderId))[0].id),
        'fee_payment',
        'pay_notified',
      ]),
    ).toEqual([{ action: 'fee_payment' }, { action: 'pay_notified' }]);
    const again = await notifyRoundTrips(() => standIn.pay(o.no));
    expect(again).toEqual({ statuses: [200], roundTrips: [1] });
  });

  const paidAtWechat = (no: string, amountFen: number): PayTransaction => ({
    appid: t.config.pay.appId,
    mchid: t.config.pay.mchId,
    out_trade_no: no,
    transaction_id: `4200${no.slice(-12)}`,
    trade_state: 'SUCCESS',
    success_time: new Date().toISOString(),
    amount: { total: amountFen, currency: 'CNY' },
  });
  const auditRowsOf = async (orderId: number) =>
    (await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'pay_notified' AND entity_id = $1`, [String(orderId)]))[0].n;

  test('posting from the unlocked read writes nothing when a bill changed since (paid in part at the counter): the locking path then decides', async () => {
    const o = await placed(5000);
    const seen = await readOrder(t.database.db, o.no, false);
    expect(seen.order?.status).toBe('open');
    await t.query(`UPDATE bills SET paid_fen = 1000, status = 'partly_paid' WHERE id = $1`, [o.billId]);
    expect(await settleFromRead(t.database.db, t.config, seen, paidAtWechat(o.no, 5000))).toBeUndefined();
    expect(await paymentsOf(o.orderId)).toEqual([]);
    expect(await statusOf(o.orderId)).toBe('open');
    expect(await auditRowsOf(o.orderId)).toBe(0);
    expect(await t.query('SELECT paid_fen::int, status FROM bills WHERE id = $1', [o.billId])).toEqual([{ paid_fen: 1000, status: 'partly_paid' }]);
    // Under the lock the books refuse 5000 on 4000 owed: unposted, for a refund; nothing posted.
    const { outcome } = await t.database.db.transaction((tx) => settleOrder(tx, t.config, o.no, paidAtWechat(o.no, 5000)));
    expect(outcome).toBe('unposted');
    expect(await paymentsOf(o.orderId)).toEqual([]);
    await t.query(`UPDATE bills SET paid_fen = 0, status = 'unpaid' WHERE id = $1`, [o.billId]);
  });

  test('posting from the unlocked read writes nothing when the order was settled since (a duplicate posted first): one payment, one audit row', async () => {
    const o = await placed(6000);
    const seen = await readOrder(t.database.db, o.no, false);
    const { outcome } = await t.database.db.transaction((tx) => settleOrder(tx, t.config, o.no, paidAtWechat(o.no, 6000)));
    expect(outcome).toBe('posted');
    expect(await settleFromRead(t.database.db, t.config, seen, paidAtWechat(o.no, 6000))).toBeUndefined();
    expect(await paymentsOf(o.orderId)).toHaveLength(1);
    expect(await auditRowsOf(o.orderId)).toBe(1);
    expect(await t.query('SELECT paid_fen::int, status FROM bills WHERE id = $1', [o.billId])).toEqual([{ paid_fen: 6000, status: 'paid' }]);
  });

  /**
   * Runs `fn` (a refused delivery and what it left) before WeChat's first retry, then waits for the
   * retries: the retry comes 15 s later, scaled to 1.5 s here — at the suite's scale it came within a
   * millisecond and could post before `fn` read that nothing was posted.
   */
  async function beforeTheRetry(fn: () => Promise<void>) {
    const scale = standIn.retryScale;
    standIn.retryScale = 0.1;
    try {
      await fn();
    } finally {
      standIn.retryScale = scale;
    }
    await standIn.settled();
  }

  test("a bad signature is 401 and posts nothing; WeChat's retry, signed right, posts once", async () => {
    const o = await placed();
    await beforeTheRetry(async () => {
      const [first] = await standIn.pay(o.no, { badSignature: true });
      expect(first.status).toBe(401);
      expect(await paymentsOf(o.orderId)).toEqual([]);
    });
    expect(standIn.deliveries.filter((d) => d.outTradeNo === o.no).map((d) => d.status)).toEqual([401, 200]);
    expect(await paymentsOf(o.orderId)).toHaveLength(1);
  });

  test('a timestamp 10 minutes old is 400 STALE_TIMESTAMP and posts nothing', async () => {
    const o = await placed();
    await beforeTheRetry(async () => {
      const [first] = await standIn.pay(o.no, { staleTimestamp: true });
      expect(first.status).toBe(400);
      expect(await paymentsOf(o.orderId)).toEqual([]);
      expect(await statusOf(o.orderId)).toBe('open');
    });
    expect(standIn.deliveries.filter((d) => d.outTradeNo === o.no).map((d) => d.status)).toEqual([400, 200]);
  });

  test('a wrong amount is 400 on every retry and never posts', async () => {
    const o = await placed();
    const [first] = await standIn.pay(o.no, { wrongAmount: 1 });
    expect(first.status).toBe(400);
    await standIn.settled();
    const statuses = standIn.deliveries.filter((d) => d.outTradeNo === o.no).map((d) => d.status);
    expect(statuses).toEqual(Array(16).fill(400));
    expect(await paymentsOf(o.orderId)).toEqual([]);
    expect(await statusOf(o.orderId)).toBe('open');
  }, 30_000);

  test('an order we never placed is 404 UNKNOWN_ORDER', async () => {
    const direct = createPayClient(t.config.pay);
    await direct.createJsapiOrder({
      outTradeNo: 'NOTOURS000001',
      description: '测试',
      amountFen: 100,
      openid: 'o1',
      expiresAt: new Date(Date.now() + 600_000),
      notifyUrl: 'http://127.0.0.1/notify',
    });
    const [d] = await standIn.pay('NOTOURS000001', { silent: false });
    expect(d.status).toBe(404);
    standIn.orders.delete('NOTOURS000001');
  });

  test("signed with the platform certificate (serial = the certificate's) is accepted as well as the PUB_KEY_ID key", async () => {
    if (!standIn.platformCert) return; // no openssl here: the certificate path is untested
    const o = await placed();
    const [d] = await standIn.pay(o.no, { signWith: 'certificate' });
    expect(d.status).toBe(200);
    expect(await paymentsOf(o.orderId)).toHaveLength(1);
  });

  test('a bill reversed while its order was open: WeChat gets 200 (the money is taken), nothing is posted, the order is kept unposted for a refund', async () => {
    const o = await placed();
    await t.query(`UPDATE bills SET status = 'reversed', reverse_reason = '测试冲销' WHERE id = $1`, [o.billId]);
    const [d] = await standIn.pay(o.no);
    expect(d.status).toBe(200);
    expect(await paymentsOf(o.orderId)).toEqual([]);
    expect(await statusOf(o.orderId)).toBe('unposted');
    expect(await requestRefund(t.database.db, { payOrderId: o.orderId, refundFen: 8800, reason: '账单已冲销，退回' })).toMatchObject({ status: 'SUCCESS' });
  });

  test('staff find an unposted order in the console and the company refunds it whole, once; others are refused and nothing moves', async () => {
    const o = await placed(5100);
    // Closed here (the query job's expiry) and then paid at WeChat: the books cannot take it.
    await t.query(`UPDATE pay_orders SET status = 'closed', closed_at = now() WHERE id = $1`, [o.orderId]);
    await standIn.pay(o.no);
    expect(await statusOf(o.orderId)).toBe('unposted');
    const company = await t.login('company');
    const district = await t.login(`d${project.region_code.slice(0, 6)}`);
    const filter = { filter: JSON.stringify({ status: 'unposted', q: o.no }) };
    for (const token of [company, district]) {
      const listed = await t.api.get('/api/pay-orders').query(filter).set(bearer(token));
      expect([listed.status, listed.body]).toEqual([
        200,
        [expect.objectContaining({ id: o.orderId, amountFen: 5100, refundedFen: 0, status: 'unposted', awaitingRefund: true })],
      ]);
      expect(listed.body[0]).not.toHaveProperty('openid');
    }
    expect((await t.api.get('/api/pay-orders').set(bearer(resident))).status).toBe(403);
    const refund = (token: string, body: object = { reason: '订单已关闭后支付，原路退回' }) =>
      t.api.post(`/api/pay-orders/${o.orderId}/refund`).set(bearer(token)).send(body);
    expect([(await refund(district)).status, (await refund(district)).body.error.code]).toEqual([403, 'ROLE_FORBIDDEN']);
    expect((await refund(resident)).status).toBe(403);
    expect((await refund(company, { reason: '' })).status).toBe(400);
    expect((await refund(company, { reason: '退款', refundFen: 1 })).status).toBe(400);
    expect((await refund(company, { reason: '退款', amountFen: 0 })).status).toBe(400);
    expect((await refund(company, { reason: '退款', amountFen: 1.5 })).status).toBe(400);
    expect((await refund(company, { reason: '退款', amountFen: 5101 })).body.error.code).toBe('REFUND_TOO_LARGE');
    expect(await t.query('SELECT count(*)::int AS n FROM pay_refunds WHERE pay_order_id = $1', [o.orderId])).toEqual([{ n: 0 }]);
    // Part now, the rest (all that remains, the default) next: then nothing awaits a refund.
    const part = await refund(company, { reason: '先退一部分', amountFen: 100 });
    expect([part.status, part.body.refundedFen, part.body.awaitingRefund]).toEqual([201, 100, true]);
    const done = await refund(company);
    expect([done.status, done.body.refund.refundFen, done.body.refundedFen, done.body.awaitingRefund]).toEqual([201, 5000, 5100, false]);
    expect(standIn.refunds.filter((r) => r.out_trade_no === o.no).map((r) => r.refund)).toEqual([100, 5000]);
    const awaiting = await t.api
      .get('/api/pay-orders')
      .query({ filter: JSON.stringify({ awaitingRefund: true, q: o.no }) })
      .set(bearer(company));
    expect(awaiting.body).toEqual([]);
    const [audit] = await t.query<{ actor_name: string }>(`SELECT actor_name FROM audit_logs WHERE action = 'pay_refund' AND entity_id = $1`, [
      String(o.orderId),
    ]);
    expect(audit.actor_name).not.toBe('系统');
    expect([(await refund(company)).status, (await refund(company)).body.error.code]).toEqual([409, 'ALREADY_REFUNDED']);
    const paid = await placed(700);
    await standIn.pay(paid.no);
    const posted = await t.api.post(`/api/pay-orders/${paid.orderId}/refund`).set(bearer(company)).send({ reason: '退款' });
    expect([posted.status, posted.body.error.code]).toEqual([409, 'ORDER_NOT_UNPOSTED']);
    for (const id of ['2147483647', '0', `${o.orderId}.0`, `0x${o.orderId.toString(16)}`, `${o.orderId}e0`])
      expect((await t.api.post(`/api/pay-orders/${id}/refund`).set(bearer(company)).send({ reason: '退款' })).status).toBe(404);
    expect(standIn.refunds.filter((r) => r.out_trade_no === paid.no)).toEqual([]);
  });

  test("part refunded on WeChat's merchant platform before we heard: refunding the whole is refused by WeChat (409 REFUND_REFUSED), what remains is refunded", async () => {
    const o = await placed(5000);
    await standIn.pay(o.no, { silent: true });
    // The merchant refunds 2000 on WeChat's own platform; the query job then hears REFUND: unposted.
    await createPayClient(t.config.pay).refund({ outTradeNo: o.no, outRefundNo: `MP${o.orderId}`, refundFen: 2000, totalFen: 5000, reason: '商户平台退款' });
    await t.query(`UPDATE pay_orders SET created_at = now() - interval '1 hour' WHERE id = $1`, [o.orderId]);
    await queryOpenOrders(t.database.db, t.config, createPayClient(t.config.pay));
    expect(await statusOf(o.orderId)).toBe('unposted');
    const company = await t.login('company');
    const whole = await t.api.post(`/api/pay-orders/${o.orderId}/refund`).set(bearer(company)).send({ reason: '退回' });
    expect([whole.status, whole.body.error.code]).toEqual([409, 'REFUND_REFUSED']);
    expect(await t.query('SELECT count(*)::int AS n FROM pay_refunds WHERE pay_order_id = $1', [o.orderId])).toEqual([{ n: 0 }]);
    const rest = await t.api.post(`/api/pay-orders/${o.orderId}/refund`).set(bearer(company)).send({ reason: '退回剩余', amountFen: 3000 });
    expect([rest.status, rest.body.refundedFen]).toEqual([201, 3000]);
    expect(standIn.refunds.filter((r) => r.out_trade_no === o.no).map((r) => r.refund)).toEqual([2000, 3000]);
  });

  test('20 refunds of one unposted order at once: one 201, nineteen 409, one refund at WeChat', async () => {
    const o = await placed(2300);
    await t.query(`UPDATE pay_orders SET status = 'closed', closed_at = now() WHERE id = $1`, [o.orderId]);
    await standIn.pay(o.no);
    const company = await t.login('company');
    const answers = await Promise.all(
      Array.from({ length: N }, () => t.api.post(`/api/pay-orders/${o.orderId}/refund`).set(bearer(company)).send({ reason: '并发退款' })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(N - 1).fill(409)]);
    expect(new Set(answers.filter((a) => a.status === 409).map((a) => a.body.error.code))).toEqual(new Set(['ALREADY_REFUNDED']));
    expect(standIn.refunds.filter((r) => r.out_trade_no === o.no).map((r) => r.refund)).toEqual([2300]);
    expect(await t.query('SELECT refund_fen::int AS fen FROM pay_refunds WHERE pay_order_id = $1', [o.orderId])).toEqual([{ fen: 2300 }]);
  });

  test('the H5 stand-in step pays through the stand-in, which notifies as WeChat does', async () => {
    const o = await placed();
    const res = await t.api.post(`/api/pay/orders/${o.orderId}/stand-in-pay`).set(bearer(resident));
    expect(res.body).toEqual({ id: o.orderId, status: 'paid' });
    expect((await t.api.post(`/api/pay/orders/${o.orderId}/stand-in-pay`).set(bearer(resident))).body.error.code).toBe('ORDER_NOT_OPEN');
  });
});

describe('the query/close job', () => {
  test('a notification racing the query job: one posting', async () => {
    const b = await bill(0, 4321);
    const { body } = await order(resident, { billIds: [b] });
    const no = await outTradeNo(body.orderId);
    await standIn.pay(no, { silent: true });
    const [job, notified] = await Promise.all([queryOpenOrders(t.database.db, t.config, createPayClient(t.config.pay)), standIn.pay(no, { duplicate: 3 })]);
    expect(notified.map((d) => d.status)).toEqual([200, 200, 200]);
    expect(job.failed).toBe(0);
    expect(await paymentsOf(body.orderId)).toHaveLength(1);
    expect(await statusOf(body.orderId)).toBe('paid');
  });

  test('no notification: the job finds the payment; an expired unpaid order is closed at WeChat and here, and its bill can be ordered again', async () => {
    const paid = await bill(0, 1000);
    const unpaid = await bill(0, 2000);
    const a = (await order(resident, { billIds: [paid] })).body.orderId;
    const b = (await order(resident, { billIds: [unpaid] })).body.orderId;
    await standIn.pay(await outTradeNo(a), { silent: true });
    const later = new Date(Date.now() + 31 * 60_000);
    await queryOpenOrders(t.database.db, t.config, createPayClient(t.config.pay), later);
    expect(await statusOf(a)).toBe('paid');
    expect(await paymentsOf(a)).toHaveLength(1);
    expect(await statusOf(b)).toBe('closed');
    expect(standIn.orders.get(await outTradeNo(b))!.trade_state).toBe('CLOSED');
    expect((await order(resident, { billIds: [unpaid] })).status).toBe(201);
  });
});

describe('requestRefund (contract 4, for fee refunds of WeChat payments)', () => {
  test('within what was paid: SUCCESS at WeChat; beyond it 409 REFUND_TOO_LARGE; an unpaid order 409 ORDER_NOT_PAID', async () => {
    const b = await bill(0, 3000);
    const { body } = await order(resident, { billIds: [b] });
    await expect(requestRefund(t.database.db, { payOrderId: body.orderId, refundFen: 100, reason: '测试' })).rejects.toMatchObject({ code: 'ORDER_NOT_PAID' });
    await standIn.pay(await outTradeNo(body.orderId));
    expect(await requestRefund(t.database.db, { payOrderId: body.orderId, refundFen: 1000, reason: '多缴退回' })).toEqual({
      refundNo: expect.stringMatching(/^RF/),
      status: 'SUCCESS',
    });
    await expect(requestRefund(t.database.db, { payOrderId: body.orderId, refundFen: 2001, reason: '多缴退回' })).rejects.toMatchObject({
      status: 409,
      code: 'REFUND_TOO_LARGE',
    });
    await expect(requestRefund(t.database.db, { payOrderId: body.orderId, refundFen: 0, reason: 'x' })).rejects.toMatchObject({ status: 400 });
    expect(standIn.refunds.filter((r) => r.out_trade_no === standIn.orders.get(r.out_trade_no)!.out_trade_no && r.refund === 1000)).toHaveLength(1);
    expect(await t.query('SELECT refund_fen::text, status FROM pay_refunds WHERE pay_order_id = $1', [body.orderId])).toEqual([
      { refund_fen: '1000', status: 'SUCCESS' },
    ]);
  });
});
