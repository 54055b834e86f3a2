import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { feesInvariantBreaks } from '../../../test/support/feesInvariant';
import { openDatabase, type Database } from '../db/client';
import { postFeePayment } from '../fees/posting';
import type { PayTransaction } from './client';
import { encryptResource, signedHeaders } from './protocol';
import { readOrder, settleFromRead, settleOrder } from './settle';

/**
 * Issue 13, attacked: settlement of WeChat's word that an order was paid, on real PostgreSQL, when
 * the order or its bills changed since it was placed, when the transaction is not this order's, and
 * the named prepared statements it runs by across transactions on one pooled connection. Every case
 * leaves the fee books balanced (Σ payments = Σ allocations = Σ bills paid).
 */
let t: TestApi;
let home: { id: number; compound_id: number; building_id: number; region_code: string };
let project: { id: number; company_id: number };
let itemId: number;
let userId: number;
let month = 0;
let seq = 0;
// WeChat's platform key and APIv3 key, ours here: the test signs and encrypts its notifications itself.
const keyPair = () =>
  generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const platform = keyPair();
const merchant = keyPair();
const apiV3Key = randomBytes(16).toString('hex');
const PUB_KEY_ID = 'PUB_KEY_ID_0114232134912410000000000000';

async function bill(amountFen: number): Promise<number> {
  const start = `${2040 + Math.floor(month / 12)}-${String((month++ % 12) + 1).padStart(2, '0')}-01`;
  const [b] = await t.query<{ id: number }>(
    `INSERT INTO bills (household_id, compound_id, building_id, project_id, company_id, region_code, fee_item_id, period_start, period_end, months, amount_fen, due_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, ($8::date + interval '1 month' - interval '1 day')::date, 1, $9, $8::date) RETURNING id`,
    [home.id, home.compound_id, home.building_id, project.id, project.company_id, home.region_code, itemId, start, amountFen],
  );
  return b.id;
}

/** An open fee order for `billIds` (as createFeeOrder leaves it), and WeChat's word that it was paid. */
async function openOrder(billIds: number[], amountFen: number): Promise<{ orderId: number; no: string; paid: PayTransaction }> {
  const no = `ATK${process.pid}X${++seq}`;
  const [o] = await t.query<{ id: number }>(
    `INSERT INTO pay_orders (purpose, household_id, compound_id, region_code, user_id, bill_ids, amount_fen, out_trade_no, openid, expires_at)
     VALUES ('fees', $1, $2, $3, $4, $5::int[], $6, $7, 'oAttack', now() + interval '1 hour') RETURNING id`,
    [home.id, home.compound_id, home.region_code, userId, `{${billIds.join(',')}}`, amountFen, no],
  );
  const paid: PayTransaction = {
    appid: t.config.pay.appId,
    mchid: t.config.pay.mchId,
    out_trade_no: no,
    transaction_id: `4200ATK${o.id}`,
    trade_state: 'SUCCESS',
    success_time: new Date().toISOString(),
    amount: { total: amountFen, currency: 'CNY' },
  };
  return { orderId: o.id, no, paid };
}

const settle = (no: string, paid: PayTransaction) => t.database.db.transaction((tx) => settleOrder(tx, t.config, no, paid));
const paymentsOf = (orderId: number) => t.query('SELECT id FROM fee_payments WHERE pay_order_id = $1', [orderId]);
const orderOf = async (orderId: number) =>
  (await t.query<{ status: string; fee_payment_id: number | null }>('SELECT status, fee_payment_id FROM pay_orders WHERE id = $1', [orderId]))[0];
const notifiedAudits = async (orderId: number) =>
  (
    await t.query<{ after: { status: string } }>(`SELECT after FROM audit_logs WHERE action = 'pay_notified' AND entity_id = $1 ORDER BY id`, [String(orderId)])
  ).map((r) => r.after.status);

beforeAll(async () => {
  t = await createTestApi({
    PAY_MCHID: '1900000109',
    PAY_APPID: 'wxattack000000001',
    PAY_API_BASE: 'http://127.0.0.1:9',
    PAY_MERCHANT_PRIVATE_KEY: merchant.privateKey,
    PAY_APIV3_KEY: apiV3Key,
    PAY_PLATFORM_PUBLIC_KEY: platform.publicKey,
    PAY_PLATFORM_PUBLIC_KEY_ID: PUB_KEY_ID,
  });
  [project] = await t.query(`SELECT id, company_id, compound_id FROM projects ORDER BY id LIMIT 1`);
  [home] = await t.query(
    `SELECT h.id, h.compound_id, h.building_id, h.region_code FROM households h JOIN projects p ON p.compound_id = h.compound_id
      WHERE p.id = $1 ORDER BY h.id LIMIT 1`,
    [project.id],
  );
  [{ id: itemId }] = await t.query<{ id: number }>(
    `INSERT INTO fee_items (project_id, company_id, compound_id, region_code, kind, name, fee_milli_fen_per_m2_month, billing_cycle, starts_on)
     SELECT id, company_id, compound_id, region_code, 'property_fee', '物业服务费（攻击测试）', 139000, 'monthly', '2020-01-01' FROM projects WHERE id = $1 RETURNING id`,
    [project.id],
  );
  [{ id: userId }] = await t.query<{ id: number }>(`SELECT id FROM users ORDER BY id LIMIT 1`);
});
afterEach(async () => {
  expect(await feesInvariantBreaks(t)).toEqual([]);
});
afterAll(async () => {
  await t?.close();
});

describe('a transaction that is not the order’s: 4xx, nothing posted, on both paths', () => {
  test.each([
    ['appid', { appid: 'wxsomeoneelse0001' }, 'ORDER_MISMATCH'],
    ['mchid', { mchid: '1900000999' }, 'ORDER_MISMATCH'],
    ['amount', { amount: { total: 1, currency: 'CNY' } }, 'AMOUNT_MISMATCH'],
    ['amount as text', { amount: { total: '5000' as unknown as number, currency: 'CNY' } }, 'AMOUNT_MISMATCH'],
  ])('%s', async (_what, change, code) => {
    const b = await bill(5000);
    const o = await openOrder([b], 5000);
    const wrong = { ...o.paid, ...change };
    const seen = await readOrder(t.database.db, o.no, false);
    await expect(settleFromRead(t.database.db, t.config, seen, wrong)).rejects.toMatchObject({ status: 400, code });
    await expect(settle(o.no, wrong)).rejects.toMatchObject({ status: 400, code });
    expect(await paymentsOf(o.orderId)).toEqual([]);
    expect(await orderOf(o.orderId)).toEqual({ status: 'open', fee_payment_id: null });
    expect(await notifiedAudits(o.orderId)).toEqual([]);
  });

  test('another order’s number in the resource: 400 ORDER_MISMATCH under the lock', async () => {
    const a = await openOrder([await bill(5000)], 5000);
    const b = await openOrder([await bill(5000)], 5000);
    await expect(settle(a.no, b.paid)).rejects.toMatchObject({ status: 400, code: 'ORDER_MISMATCH' });
    expect(await paymentsOf(a.orderId)).toEqual([]);
    expect(await paymentsOf(b.orderId)).toEqual([]);
  });
});

describe('the books changed between the order and WeChat’s word', () => {
  test('two bills, one paid at the counter meanwhile: unposted (to refund), nothing posted twice', async () => {
    const older = await bill(3000);
    const newer = await bill(4000);
    const o = await openOrder([older, newer], 7000);
    await t.database.db.transaction((tx) =>
      postFeePayment(tx, { householdId: home.id, billIds: [newer], amountFen: 4000, method: 'cash', reference: 'CTR-1', actor: null }),
    );
    const seen = await readOrder(t.database.db, o.no, false);
    expect(await settleFromRead(t.database.db, t.config, seen, o.paid)).toBeUndefined();
    expect(await settle(o.no, o.paid)).toEqual({ orderId: o.orderId, outcome: 'unposted' });
    expect(await settle(o.no, o.paid)).toEqual({ orderId: o.orderId, outcome: 'already' });
    expect(await paymentsOf(o.orderId)).toEqual([]);
    expect(await orderOf(o.orderId)).toEqual({ status: 'unposted', fee_payment_id: null });
    expect(await t.query('SELECT status, paid_fen::int FROM bills WHERE id = ANY($1::int[]) ORDER BY id', [[older, newer]])).toEqual([
      { status: 'unpaid', paid_fen: 0 },
      { status: 'paid', paid_fen: 4000 },
    ]);
    expect(await notifiedAudits(o.orderId)).toEqual(['unposted']);
  });

  test('paid at the counter between the unlocked read and the posting (the fast path): one payment per bill, the order unposted', async () => {
    const b = await bill(2500);
    const o = await openOrder([b], 2500);
    const seen = await readOrder(t.database.db, o.no, false);
    await t.database.db.transaction((tx) =>
      postFeePayment(tx, { householdId: home.id, billIds: [b], amountFen: 2500, method: 'cash', reference: 'CTR-2', actor: null }),
    );
    expect(await settleFromRead(t.database.db, t.config, seen, o.paid)).toBeUndefined();
    expect((await settle(o.no, o.paid)).outcome).toBe('unposted');
    expect(await t.query('SELECT count(*)::int AS n FROM fee_allocations WHERE bill_id = $1', [b])).toEqual([{ n: 1 }]);
  });

  test('a counter payment racing the fast path (both in flight): exactly one of them posts the bill', async () => {
    for (let i = 0; i < 5; i++) {
      const b = await bill(1800);
      const o = await openOrder([b], 1800);
      const seen = await readOrder(t.database.db, o.no, false);
      const [fast, counter] = await Promise.allSettled([
        settleFromRead(t.database.db, t.config, seen, o.paid),
        t.database.db.transaction((tx) =>
          postFeePayment(tx, { householdId: home.id, billIds: [b], amountFen: 1800, method: 'cash', reference: `CTR-R${i}`, actor: null }),
        ),
      ]);
      const posted = [fast.status === 'fulfilled' && fast.value === 'posted', counter.status === 'fulfilled'].filter(Boolean);
      expect(posted).toHaveLength(1);
      if (fast.status === 'fulfilled' && fast.value === undefined) expect((await settle(o.no, o.paid)).outcome).toBe('unposted');
    }
  });

  test('a notification for an order closed here (expired) yet paid at WeChat: nothing posted, the order kept unposted for a refund', async () => {
    const b = await bill(3300);
    const o = await openOrder([b], 3300);
    await t.query(`UPDATE pay_orders SET status = 'closed', closed_at = now() WHERE id = $1`, [o.orderId]);
    const seen = await readOrder(t.database.db, o.no, false);
    expect(await settleFromRead(t.database.db, t.config, seen, o.paid)).toBeUndefined();
    expect((await settle(o.no, o.paid)).outcome).toBe('unposted');
    expect(await paymentsOf(o.orderId)).toEqual([]);
    // The money was taken: the order must say so (refundable), and its audit row must tell what the row is.
    expect(await orderOf(o.orderId)).toEqual({ status: 'unposted', fee_payment_id: null });
    expect(await notifiedAudits(o.orderId)).toEqual(['unposted']);
    // WeChat's retry: answered from the settled order, no second audit row.
    expect((await settle(o.no, o.paid)).outcome).toBe('already');
    expect(await notifiedAudits(o.orderId)).toEqual(['unposted']);
  });

  test('WeChat says REFUND for an open order (paid, then refunded there before we heard): nothing posted, unposted for staff, its bill free again', async () => {
    const b = await bill(2700);
    const o = await openOrder([b], 2700);
    expect((await settle(o.no, { ...o.paid, trade_state: 'REFUND' })).outcome).toBe('unposted');
    expect(await paymentsOf(o.orderId)).toEqual([]);
    expect(await orderOf(o.orderId)).toEqual({ status: 'unposted', fee_payment_id: null });
    expect(await notifiedAudits(o.orderId)).toEqual(['unposted']);
    // No longer open: the query job leaves it, and the bill can go into a new order.
    expect(await t.query(`SELECT id FROM pay_orders WHERE status = 'open' AND $1 = ANY(bill_ids)`, [b])).toEqual([]);
    expect((await settle(o.no, { ...o.paid, trade_state: 'REFUND' })).outcome).toBe('already');
  });

  test('a trade that is not SUCCESS on a closed order posts nothing and writes nothing', async () => {
    const o = await openOrder([await bill(1000)], 1000);
    await t.query(`UPDATE pay_orders SET status = 'closed', closed_at = now() WHERE id = $1`, [o.orderId]);
    expect((await settle(o.no, { ...o.paid, trade_state: 'CLOSED' })).outcome).toBe('not_paid');
    expect(await orderOf(o.orderId)).toEqual({ status: 'closed', fee_payment_id: null });
    expect(await notifiedAudits(o.orderId)).toEqual([]);
  });
});

describe('malformed fields in a verified transaction: 4xx, never a 500, nothing posted', () => {
  test.each([
    ['transaction_id a number', { transaction_id: 4200000001 as unknown as string }],
    ['transaction_id of 100 characters', { transaction_id: '4'.repeat(100) }],
  ])('%s', async (_what, change) => {
    const b = await bill(1200);
    const o = await openOrder([b], 1200);
    const bad = { ...o.paid, ...change };
    const seen = await readOrder(t.database.db, o.no, false);
    await expect(settleFromRead(t.database.db, t.config, seen, bad)).rejects.toMatchObject({ status: 400, code: 'BAD_RESOURCE' });
    await expect(settle(o.no, bad)).rejects.toMatchObject({ status: 400, code: 'BAD_RESOURCE' });
    expect(await paymentsOf(o.orderId)).toEqual([]);
    expect(await orderOf(o.orderId)).toEqual({ status: 'open', fee_payment_id: null });
  });
});

describe('named prepared statements on one pooled connection (runNamed)', () => {
  let one: Database;
  beforeAll(async () => {
    one = await openDatabase({ databaseUrl: t.databaseUrl, dataDir: '', poolSize: 1 });
  });
  afterAll(async () => {
    await one?.close();
  });

  test('first prepared inside a transaction that rolled back, the statement still runs outside it and in the next transaction', async () => {
    const b = await bill(900);
    const o = await openOrder([b], 900);
    // The connection's first use of the posting statement is a posting rolled back.
    await expect(
      one.db.transaction(async (tx) => {
        const { order, read } = await readOrder(tx, o.no, true);
        expect(order?.status).toBe('open');
        expect(await settleFromRead(tx, t.config, { order, read }, o.paid)).toBe('posted');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await paymentsOf(o.orderId)).toEqual([]);
    expect(await notifiedAudits(o.orderId)).toEqual([]);
    const seen = await readOrder(one.db, o.no, false);
    expect(await settleFromRead(one.db, t.config, seen, o.paid)).toBe('posted');
    expect(await paymentsOf(o.orderId)).toHaveLength(1);
    expect(await notifiedAudits(o.orderId)).toEqual(['paid']);
    const o2 = await openOrder([await bill(901)], 901);
    expect(await one.db.transaction((tx) => settleOrder(tx, t.config, o2.no, o2.paid))).toEqual({ orderId: o2.orderId, outcome: 'posted' });
  });

  test('a named statement failing inside a transaction (POSTING_RACED) does not poison the connection for the next request', async () => {
    const b = await bill(700);
    const o = await openOrder([b], 700);
    const stale = await readOrder(one.db, o.no, false);
    await t.query(`UPDATE bills SET status = 'reversed', reverse_reason = '攻击' WHERE id = $1`, [b]);
    await expect(
      one.db.transaction(async (tx) => {
        await expect(settleFromRead(tx, t.config, stale, o.paid)).resolves.toBeUndefined();
        // The transaction is aborted now: what runs next in it fails, and is rolled back.
        await readOrder(tx, o.no, false);
      }),
    ).rejects.toMatchObject({ cause: { code: '25P02' } });
    // Same single connection: both the failed statement and the reads still work.
    const again = await readOrder(one.db, o.no, false);
    expect(again.order?.status).toBe('open');
    expect((await one.db.transaction((tx) => settleOrder(tx, t.config, o.no, o.paid))).outcome).toBe('unposted');
    const o2 = await openOrder([await bill(702)], 702);
    expect(await settleFromRead(one.db, t.config, await readOrder(one.db, o2.no, false), o2.paid)).toBe('posted');
  });

  test('the audit rows are in the posting’s own statement: a posting rolled back leaves neither the payment’s nor the order’s audit row', async () => {
    const b = await bill(650);
    const o = await openOrder([b], 650);
    await expect(
      one.db.transaction(async (tx) => {
        expect((await settleOrder(tx, t.config, o.no, o.paid)).outcome).toBe('posted');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await t.query(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'fee_payment' AND after->>'payOrderId' = $1`, [String(o.orderId)])).toEqual([
      { n: 0 },
    ]);
    expect(await notifiedAudits(o.orderId)).toEqual([]);
  });
});

describe('POST /api/pay/wechat/notify with hostile content, signed and encrypted as WeChat does: 4xx with a code, never a 500', () => {
  /** Delivers `resource` (any JSON, encrypted) or a raw `body`, signed with the platform key. */
  async function notify(resource: unknown, body?: string) {
    const raw =
      body ??
      JSON.stringify({
        id: 'EV-attack',
        create_time: new Date().toISOString(),
        resource_type: 'encrypt-resource',
        event_type: 'TRANSACTION.SUCCESS',
        summary: '支付成功',
        resource: encryptResource(apiV3Key, JSON.stringify(resource)),
      });
    return t.api
      .post('/api/pay/wechat/notify')
      .set({ 'Content-Type': 'application/json', ...signedHeaders(platform.privateKey, PUB_KEY_ID, raw) })
      .send(raw);
  }

  test('the route posts a well-formed notification once (the keys are right), and answers its repeat 200', async () => {
    const o = await openOrder([await bill(1500)], 1500);
    expect((await notify(o.paid)).status).toBe(200);
    expect((await notify(o.paid)).status).toBe(200);
    expect(await paymentsOf(o.orderId)).toHaveLength(1);
  });

  test.each([
    ['out_trade_no with a NUL', (p: PayTransaction) => ({ ...p, out_trade_no: `${p.out_trade_no}\u0000` })],
    ['out_trade_no with control characters', (p: PayTransaction) => ({ ...p, out_trade_no: `${p.out_trade_no}\r\n\t\u001b` })],
    ['out_trade_no of 100,000 characters', (p: PayTransaction) => ({ ...p, out_trade_no: 'F'.repeat(100_000) })],
    ['out_trade_no a number', (p: PayTransaction) => ({ ...p, out_trade_no: 12345 })],
    ['amount.total 2^64', (p: PayTransaction) => ({ ...p, amount: { total: 2 ** 64, currency: 'CNY' } })],
    ['amount.total -1', (p: PayTransaction) => ({ ...p, amount: { total: -1, currency: 'CNY' } })],
    ['amount a string', (p: PayTransaction) => ({ ...p, amount: '1500' })],
    ['transaction_id an object', (p: PayTransaction) => ({ ...p, transaction_id: { a: 1 } })],
    ['success_time an object', (p: PayTransaction) => ({ ...p, success_time: { a: 1 }, transaction_id: 7 })],
    ['success_time past year 9999', (p: PayTransaction) => ({ ...p, success_time: '+275760-09-13T00:00:00.000Z' })],
    ['appid with a NUL', (p: PayTransaction) => ({ ...p, appid: `${p.appid}\u0000` })],
    ['the resource an array', () => [1, 2]],
    ['the resource null', () => null],
  ])('%s', async (_what, make) => {
    const o = await openOrder([await bill(1500)], 1500);
    const res = await notify(make(o.paid));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error).toEqual({ code: expect.any(String), message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    expect(await paymentsOf(o.orderId)).toEqual([]);
    expect(await orderOf(o.orderId)).toEqual({ status: 'open', fee_payment_id: null });
  });

  test.each([
    ['not JSON', '{"event_type": "TRANSACTION.SUCCESS", '],
    ['resource not an object', JSON.stringify({ event_type: 'TRANSACTION.SUCCESS', resource: 'x' })],
    [
      'ciphertext not base64',
      JSON.stringify({ event_type: 'TRANSACTION.SUCCESS', resource: { algorithm: 'AEAD_AES_256_GCM', ciphertext: '%%%', nonce: 'n' } }),
    ],
    ['event_type a number', JSON.stringify({ event_type: 1 })],
    ['a JSON array', '[1,2,3]'],
    ['a huge number', '1e999999'],
  ])('body %s', async (_what, body) => {
    const res = await notify(undefined, body);
    expect(res.status).toBeLessThan(500);
    if (res.status !== 200) expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
  });
});
