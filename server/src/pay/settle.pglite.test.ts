import fs from 'node:fs';
import { migrateDatabase, openDatabase, type Database } from '../db/client';
import { postFeePayment } from '../fees/posting';
import { pgliteDataDir } from '../../../test/support/pglite';
import { testConfig } from '../../../test/support/testConfig';
import type { PayTransaction } from './client';
import { readOrder, settleFromRead, settleOrder } from './settle';

// The embedded database (`npm start` without DATABASE_URL) settles WeChat orders with the same code as
// PostgreSQL: the order's reads and the posting are named statements, which PGlite runs as plain
// parameterised queries. Each way a notification posts is run here once, then its rows are read back.
const config = testConfig({ PAY_MCHID: '1900000109', PAY_APPID: 'wxlite00000000001' });
let dir: string;
let database: Database;
let home: number;
let item: number;
let user: number;
let month = 0;

/** SQL straight on the PGlite instance (drizzle's $client), to set up and read back. */
const rows = async <T>(text: string, params: unknown[] = []) =>
  (await (database.db as unknown as { $client: { query(text: string, params: unknown[]): Promise<{ rows: unknown[] }> } }).$client.query(text, params))
    .rows as T[];

/** A fresh unpaid bill of the home, a month of its own. */
async function bill(amountFen: number): Promise<number> {
  const start = `2031-${String(++month).padStart(2, '0')}-01`;
  const [b] = await rows<{ id: number }>(
    `INSERT INTO bills (household_id, compound_id, building_id, project_id, company_id, region_code, fee_item_id, period_start, period_end, months, amount_fen, due_on)
     SELECT h.id, h.compound_id, h.building_id, f.project_id, f.company_id, h.region_code, f.id, $3::date, ($3::date + interval '1 month' - interval '1 day')::date, 1, $4, $3::date
       FROM households h, fee_items f WHERE h.id = $1 AND f.id = $2 RETURNING id`,
    [home, item, start, amountFen],
  );
  return b.id;
}

/** An open fee order for `billIds`, and WeChat's word that it was paid. */
async function paidOrder(billIds: number[], amountFen: number): Promise<{ orderId: number; t: PayTransaction }> {
  const outTradeNo = `LITE${billIds.join('X')}`;
  const [o] = await rows<{ id: number }>(
    `INSERT INTO pay_orders (purpose, household_id, compound_id, region_code, user_id, bill_ids, amount_fen, out_trade_no, openid, expires_at)
     SELECT 'fees', h.id, h.compound_id, h.region_code, $2, $3::int[], $4, $5, 'oLite', now() + interval '1 hour' FROM households h WHERE h.id = $1 RETURNING id`,
    [home, user, `{${billIds.join(',')}}`, amountFen, outTradeNo],
  );
  const t: PayTransaction = {
    appid: config.pay.appId,
    mchid: config.pay.mchId,
    out_trade_no: outTradeNo,
    transaction_id: `4200LITE${o.id}`,
    trade_state: 'SUCCESS',
    success_time: '2031-06-01T10:00:00+08:00',
    amount: { total: amountFen, currency: 'CNY' },
  };
  return { orderId: o.id, t };
}

/** What a posting left: the order, its payment's allocations and receipt, the bills, and the audit rows of both. */
async function posted(orderId: number, billIds: number[]) {
  const [order] = await rows<{ status: string; fee_payment_id: number; transaction_id: string; paid_at: string }>(
    `SELECT status, fee_payment_id, transaction_id, paid_at::text FROM pay_orders WHERE id = $1`,
    [orderId],
  );
  const payments = await rows<{ id: number; amount_fen: string; receipt_no: string }>(
    `SELECT id, amount_fen::text, receipt_no FROM fee_payments WHERE pay_order_id = $1`,
    [orderId],
  );
  const paymentId = payments[0]?.id ?? -1;
  const allocations = await rows<{ bill_id: number; amount_fen: string }>(
    `SELECT bill_id, amount_fen::text FROM fee_allocations WHERE payment_id = $1 ORDER BY bill_id`,
    [paymentId],
  );
  const receipts = await rows<{ receipt_no: string; amount_fen: string }>(`SELECT receipt_no, amount_fen::text FROM receipts WHERE payment_id = $1`, [
    paymentId,
  ]);
  const bills = await rows<{ status: string; paid_fen: string }>(`SELECT status, paid_fen::text FROM bills WHERE id = ANY($1::int[]) ORDER BY id`, [
    `{${billIds.join(',')}}`,
  ]);
  const audits = await rows<{ action: string; actor_name: string; before: unknown; after: Record<string, unknown> }>(
    `SELECT action, actor_name, before, after FROM audit_logs
      WHERE (entity = 'pay_orders' AND entity_id = $1) OR (entity = 'fee-payments' AND entity_id = $2) ORDER BY id`,
    [String(orderId), String(paymentId)],
  );
  return { order, payments, allocations, receipts, bills, audits };
}

beforeAll(async () => {
  dir = await pgliteDataDir('migrated');
  database = await openDatabase({ dataDir: dir });
  await migrateDatabase(database);
  const one = async (text: string, params: unknown[] = []) => (await rows<{ id: number }>(text, params))[0].id;
  await rows(`INSERT INTO regions (code, name, level) VALUES ('150200', '包头市', 'city'), ('150203', '昆都仑区', 'district') ON CONFLICT (code) DO NOTHING`);
  const company = await one(
    `INSERT INTO companies (name, credit_code, legal_representative, region_code) VALUES ('嵌入物业', '91150203MA0LITE01X', '张三', '150203') RETURNING id`,
  );
  const compound = await one(
    `INSERT INTO compounds (code, name, region_code, address, total_area, type, management_mode)
     VALUES ('LITE01', '嵌入小区', '150203', '包头市昆都仑区', 1000, 'commodity', 'professional') RETURNING id`,
  );
  const building = await one(`INSERT INTO buildings (compound_id, region_code, name) VALUES ($1, '150203', '1号楼') RETURNING id`, [compound]);
  const unit = await one(`INSERT INTO units (building_id, compound_id, region_code, name) VALUES ($1, $2, '150203', '1单元') RETURNING id`, [
    building,
    compound,
  ]);
  home = await one(
    `INSERT INTO households (compound_id, building_id, unit_id, region_code, room, area, area_basis)
     VALUES ($1, $2, $3, '150203', '101', 90, 'registered') RETURNING id`,
    [compound, building, unit],
  );
  const project = await one(
    `INSERT INTO projects (company_id, compound_id, region_code, start_date, end_date, fee_fen_per_m_2_month, service_level, manager_name)
     VALUES ($1, $2, '150203', '2020-01-01', '2040-12-31', 139, 1, '李四') RETURNING id`,
    [company, compound],
  );
  item = await one(
    `INSERT INTO fee_items (project_id, company_id, compound_id, region_code, kind, name, fee_milli_fen_per_m2_month, billing_cycle, starts_on)
     VALUES ($1, $2, $3, '150203', 'property_fee', '物业服务费', 139000, 'monthly', '2020-01-01') RETURNING id`,
    [project, company, compound],
  );
  user = await one(`INSERT INTO users (name, role, region_code) VALUES ('住户', 'resident', '150203') RETURNING id`);
}, 120_000);
afterAll(async () => {
  await database?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('PGlite: an open order posts from its first read in one statement — payment, allocations, receipt, bills, the order paid, both audit rows — and a repeat finds it paid', async () => {
  const billIds = [await bill(12_000), await bill(13_000)];
  const { orderId, t } = await paidOrder(billIds, 25_000);
  expect(await settleFromRead(database.db, config, await readOrder(database.db, t.out_trade_no, false), t)).toBe('posted');
  const p = await posted(orderId, billIds);
  expect(p.order).toMatchObject({ status: 'paid', fee_payment_id: p.payments[0].id, transaction_id: t.transaction_id });
  expect(new Date(p.order.paid_at).toISOString()).toBe('2031-06-01T02:00:00.000Z');
  expect(p.payments).toEqual([{ id: p.order.fee_payment_id, amount_fen: '25000', receipt_no: expect.stringMatching(/^SF\d{8}\d{8}$/) }]);
  expect(p.allocations).toEqual([
    { bill_id: billIds[0], amount_fen: '12000' },
    { bill_id: billIds[1], amount_fen: '13000' },
  ]);
  expect(p.receipts).toEqual([{ receipt_no: p.payments[0].receipt_no, amount_fen: '25000' }]);
  expect(p.bills).toEqual([
    { status: 'paid', paid_fen: '12000' },
    { status: 'paid', paid_fen: '13000' },
  ]);
  expect(p.audits.map((a) => [a.action, a.actor_name, a.before])).toEqual([
    ['fee_payment', '系统', null],
    ['pay_notified', '系统', { status: 'open' }],
  ]);
  expect(p.audits[1].after).toEqual({ status: 'paid', transactionId: t.transaction_id, amountFen: 25_000, feePaymentId: p.payments[0].id });

  const again = await readOrder(database.db, t.out_trade_no, false);
  expect(again.order?.status).toBe('paid');
  expect(await settleFromRead(database.db, config, again, t)).toBeUndefined();
  expect((await posted(orderId, billIds)).payments).toHaveLength(1);
});

test('PGlite: under the lock (settleOrder) an order posts once, and a read older than a change posts nothing', async () => {
  const billIds = [await bill(9_000)];
  const { orderId, t } = await paidOrder(billIds, 9_000);
  const stale = await readOrder(database.db, t.out_trade_no, false);
  expect(await database.db.transaction((tx) => settleOrder(tx, config, t.out_trade_no, t))).toEqual({ orderId, outcome: 'posted' });
  expect(await database.db.transaction((tx) => settleOrder(tx, config, t.out_trade_no, t))).toEqual({ orderId, outcome: 'already' });
  // The order was settled after this read: the statement's re-checks write nothing.
  expect(await settleFromRead(database.db, config, stale, t)).toBeUndefined();
  const p = await posted(orderId, billIds);
  expect(p.payments).toHaveLength(1);
  expect(p.allocations).toEqual([{ bill_id: billIds[0], amount_fen: '9000' }]);
  expect(p.audits.map((a) => a.action)).toEqual(['fee_payment', 'pay_notified']);
});

test('PGlite: a counter payment (no order) posts through the same statement, audited with its actor', async () => {
  const b = await bill(5_000);
  const actor = { id: user, name: '收费员', role: 'company_staff', regionCode: '150203', ip: '10.0.0.1', userAgent: 'console' } as never;
  const { paymentId } = await database.db.transaction((tx) =>
    postFeePayment(tx, { householdId: home, billIds: [b], amountFen: 2_000, method: 'cash', reference: 'C-1', actor }),
  );
  expect(await rows(`SELECT status, paid_fen::text FROM bills WHERE id = $1`, [b])).toEqual([{ status: 'partly_paid', paid_fen: '2000' }]);
  expect(
    await rows(`SELECT actor_id, actor_name, action, ip, user_agent FROM audit_logs WHERE entity = 'fee-payments' AND entity_id = $1`, [String(paymentId)]),
  ).toEqual([{ actor_id: user, actor_name: '收费员', action: 'fee_payment', ip: '10.0.0.1', user_agent: 'console' }]);
});
