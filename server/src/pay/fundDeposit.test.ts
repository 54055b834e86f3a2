import { createPublicKey } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { residentWithHome } from '../../../test/support/residents';
import { fundInvariantBreaks } from '../../../test/support/fundInvariant';
import { startWechatPayStandIn, type WechatPayStandIn } from '../../../test/support/wechatPayStandIn';
import { rsaVerify } from './protocol';

/**
 * Issue 13: the maintenance-fund online self-deposit moves onto WeChat Pay — an order of purpose
 * fund_deposit, the same notification, booked once into the home's ledger.
 */
let t: TestApi;
let standIn: WechatPayStandIn;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  standIn = await startWechatPayStandIn({ appId: 'wxtest000000000001' });
  standIn.retryScale = 0.00002;
  t = await createTestApi({ ...standIn.env(), PAY_STAND_IN: '1' });
  standIn.notifyUrlOverride = `http://127.0.0.1:${(t.server.address() as AddressInfo).port}/api/pay/wechat/notify`;
});
afterEach(async () => {
  await standIn.settled();
  expect(await fundInvariantBreaks(t)).toEqual([]);
});
afterAll(async () => {
  await t?.close();
  await standIn?.close();
});

test("a self-deposit is a WeChat order; 20 notifications at once book it once into the home's ledger", async () => {
  const [l] = await t.query<{ id: number; household_id: number; balance_fen: string }>(
    `SELECT l.id, l.household_id, l.balance_fen::text FROM fund_ledgers l JOIN households h ON h.id = l.household_id JOIN compounds c ON c.id = h.compound_id
      WHERE c.code = 'BT0001' AND h.owner_id IS NOT NULL ORDER BY l.id LIMIT 1 OFFSET 7`,
  );
  const token = await residentWithHome(t, 'fund-wechat-payer', l.household_id);
  const pay = await t.api.post('/api/fund-payments').set(bearer(token)).send({ householdId: l.household_id, amountFen: 50000 });
  expect(pay.status).toBe(201);
  const { timeStamp, nonceStr, package: pkg, paySign } = pay.body.payment;
  expect(rsaVerify(createPublicKey(standIn.merchantPrivateKey), `${standIn.appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`, paySign)).toBe(true);
  expect(standIn.orders.get(pay.body.providerTxnId)!.amount.total).toBe(50000);
  const deliveries = await standIn.pay(pay.body.providerTxnId, { duplicate: 20 });
  expect(deliveries.map((d) => d.status)).toEqual(Array(20).fill(200));
  const batches = await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM fund_batches WHERE reference = $1`, [`pay:${pay.body.providerTxnId}`]);
  expect(batches).toEqual([{ n: 1 }]);
  const after = (await t.query<{ b: string }>('SELECT balance_fen::text AS b FROM fund_ledgers WHERE id = $1', [l.id]))[0].b;
  expect(BigInt(after) - BigInt(l.balance_fen)).toBe(50000n);
  expect((await t.api.get(`/api/fund-payments/${pay.body.paymentId}`).set(bearer(token))).body.status).toBe('paid');
});

test("the H5 stand-in step (simulate-pay) pays through the stand-in's notification", async () => {
  const [l] = await t.query<{ household_id: number }>(
    `SELECT l.household_id FROM fund_ledgers l JOIN households h ON h.id = l.household_id JOIN compounds c ON c.id = h.compound_id
      WHERE c.code = 'BT0001' AND h.owner_id IS NOT NULL ORDER BY l.id LIMIT 1 OFFSET 9`,
  );
  const token = await residentWithHome(t, 'fund-wechat-h5', l.household_id);
  const pay = await t.api.post('/api/fund-payments').set(bearer(token)).send({ householdId: l.household_id, amountFen: 12300 });
  const paid = await t.api.post(`/api/fund-payments/${pay.body.paymentId}/simulate-pay`).set(bearer(token));
  expect(paid.body).toEqual({ status: 'paid' });
  expect(await t.query(`SELECT status FROM pay_orders WHERE out_trade_no = $1`, [pay.body.providerTxnId])).toEqual([{ status: 'paid' }]);
});
