import { createTestApi, type TestApi } from '../../../test/support/api';
import { feesInvariantBreaks } from '../../../test/support/feesInvariant';
import { postFeePayment } from './posting';
import { AppError } from '../http/errors';

/**
 * Contract 4 (issue 13): postFeePayment locks the bills and posts at most once; every refusal is a
 * 4xx that writes nothing and leaves the books balanced. Fired 20-way in parallel on real PostgreSQL.
 */
const N = 20;
let t: TestApi;
let homes: { id: number; compound_id: number; building_id: number; region_code: string }[];
let project: { id: number; company_id: number; compound_id: number; region_code: string };
let itemId: number;

async function bill(householdId: number, periodStart: string, amountFen: number, status = 'unpaid'): Promise<number> {
  const h = homes.find((x) => x.id === householdId)!;
  const [b] = await t.query<{ id: number }>(
    `INSERT INTO bills (household_id, compound_id, building_id, project_id, company_id, region_code, fee_item_id, period_start, period_end, months, amount_fen, status, due_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, ($8::date + interval '1 month' - interval '1 day')::date, 1, $9, $10::bill_status, $8::date) RETURNING id`,
    [h.id, h.compound_id, h.building_id, project.id, project.company_id, h.region_code, itemId, periodStart, amountFen, status],
  );
  return b.id;
}
const post = (input: Partial<Parameters<typeof postFeePayment>[1]>) =>
  t.database.db.transaction((tx) =>
    postFeePayment(tx, { householdId: homes[0].id, billIds: null, amountFen: 1, method: 'cash', reference: '', actor: null, ...input }),
  );
const refusal = async (p: Promise<unknown>) =>
  p.then(
    () => 'posted',
    (e: { status?: number; code?: string; cause?: { code?: string } }) =>
      e instanceof AppError ? `${e.status} ${e.code}` : `sqlstate ${e.cause?.code ?? e.code}`,
  );
const count = async (table: string) => Number((await t.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`))[0].n);

beforeAll(async () => {
  t = await createTestApi();
  // A compound the demo seed bills nothing in (not the demo company's), so every bill here is the test's own.
  [project] = await t.query(
    `SELECT p.id, p.company_id, p.compound_id, p.region_code FROM projects p WHERE p.company_id <> (SELECT company_id FROM users WHERE username = 'company') ORDER BY p.id LIMIT 1`,
  );
  homes = await t.query(`SELECT id, compound_id, building_id, region_code FROM households WHERE compound_id = $1 ORDER BY id LIMIT 3`, [project.compound_id]);
  [{ id: itemId }] = await t.query<{ id: number }>(
    `INSERT INTO fee_items (project_id, company_id, compound_id, region_code, kind, name, fee_milli_fen_per_m2_month, billing_cycle, starts_on)
     VALUES ($1, $2, $3, $4, 'property_fee', '物业服务费（测试）', 139000, 'monthly', '2020-01-01') RETURNING id`,
    [project.id, project.company_id, project.compound_id, project.region_code],
  );
});
afterEach(async () => expect(await feesInvariantBreaks(t)).toEqual([]));
afterAll(() => t.close());

describe("postFeePayment — at most once under the bills' lock", () => {
  test('20 payments of the same bill at once: one posts, 19 × 409 BILL_ALREADY_PAID', async () => {
    const id = await bill(homes[0].id, '2031-01-01', 12441);
    const results = await Promise.all(Array.from({ length: N }, () => refusal(post({ billIds: [id], amountFen: 12441 }))));
    expect(results.filter((r) => r === 'posted')).toHaveLength(1);
    expect(results.filter((r) => r !== 'posted')).toEqual(Array(N - 1).fill('409 BILL_ALREADY_PAID'));
    expect(await t.query(`SELECT status, paid_fen::text FROM bills WHERE id = $1`, [id])).toEqual([{ status: 'paid', paid_fen: '12441' }]);
    expect(await t.query(`SELECT count(*)::int AS n FROM fee_allocations WHERE bill_id = $1`, [id])).toEqual([{ n: 1 }]);
  }, 60_000);

  test('20 partial payments of 300 on a bill of 1000 at once: three post, 17 × 409 AMOUNT_ABOVE_OWED, never more than owed', async () => {
    const id = await bill(homes[0].id, '2031-02-01', 1000);
    const results = await Promise.all(Array.from({ length: N }, () => refusal(post({ billIds: [id], amountFen: 300 }))));
    expect(results.filter((r) => r === 'posted')).toHaveLength(3);
    expect(results.filter((r) => r !== 'posted')).toEqual(Array(N - 3).fill('409 AMOUNT_ABOVE_OWED'));
    expect(await t.query(`SELECT status, paid_fen::text FROM bills WHERE id = $1`, [id])).toEqual([{ status: 'partly_paid', paid_fen: '900' }]);
  }, 60_000);

  test('billIds null pays the oldest open bill first; the receipt lists what it paid', async () => {
    const newer = await bill(homes[1].id, '2031-04-01', 500);
    const older = await bill(homes[1].id, '2031-03-01', 300);
    const { paymentId, receiptNo } = await post({ householdId: homes[1].id, billIds: null, amountFen: 400, method: 'bank_transfer', reference: 'BANK-1' });
    expect(receiptNo).toMatch(/^SF\d{8}\d{8}$/);
    expect(await t.query(`SELECT id, status, paid_fen::text FROM bills WHERE id = ANY($1) ORDER BY period_start`, [[older, newer]])).toEqual([
      { id: older, status: 'paid', paid_fen: '300' },
      { id: newer, status: 'partly_paid', paid_fen: '100' },
    ]);
    const [receipt] = await t.query<{ receipt_no: string; amount_fen: string; lines: { billId: number; amountFen: number }[] }>(
      `SELECT receipt_no, amount_fen::text, lines FROM receipts WHERE payment_id = $1`,
      [paymentId],
    );
    expect(receipt.receipt_no).toBe(receiptNo);
    expect(receipt.lines.map((l) => [l.billId, l.amountFen])).toEqual([
      [older, 300],
      [newer, 100],
    ]);
    expect(await t.query(`SELECT action, entity FROM audit_logs WHERE entity = 'fee-payments' AND entity_id = $1`, [String(paymentId)])).toEqual([
      { action: 'fee_payment', entity: 'fee-payments' },
    ]);
  });

  test("refusals write nothing: another home's bill, a reversed bill, above owed, nothing owed, bad amount", async () => {
    const other = await bill(homes[2].id, '2031-05-01', 800);
    const reversed = await bill(homes[0].id, '2031-06-01', 800, 'reversed');
    const mine = await bill(homes[0].id, '2031-07-01', 800);
    const before = [await count('fee_payments'), await count('fee_allocations'), await count('receipts')];
    expect(await refusal(post({ billIds: [mine, other], amountFen: 100 }))).toBe('403 BILL_OF_ANOTHER_HOME');
    expect(await refusal(post({ billIds: [reversed], amountFen: 100 }))).toBe('409 BILL_REVERSED');
    expect(await refusal(post({ billIds: [mine], amountFen: 801 }))).toBe('409 AMOUNT_ABOVE_OWED');
    expect(await refusal(post({ billIds: [mine], amountFen: 0 }))).toBe('400 INVALID_AMOUNT');
    expect(await refusal(post({ billIds: [mine], amountFen: 1.5 }))).toBe('400 INVALID_AMOUNT');
    expect(await refusal(post({ billIds: [999999999], amountFen: 1 }))).toBe('404 NOT_FOUND');
    expect(await refusal(post({ billIds: [mine], amountFen: 1, method: 'cheque' as never }))).toBe('400 INVALID_METHOD');
    const [h] = await t.query<{ id: number }>(`SELECT id FROM households h WHERE NOT EXISTS (SELECT 1 FROM bills b WHERE b.household_id = h.id) LIMIT 1`);
    expect(await refusal(post({ householdId: h.id, billIds: null, amountFen: 1 }))).toBe('409 NOTHING_OWED');
    expect([await count('fee_payments'), await count('fee_allocations'), await count('receipts')]).toEqual(before);
  });

  test('a WeChat order posts once: the same payOrderId twice is refused by the unique index', async () => {
    const a = await bill(homes[2].id, '2031-08-01', 200);
    const b = await bill(homes[2].id, '2031-09-01', 200);
    await post({ householdId: homes[2].id, billIds: [a], amountFen: 200, method: 'wechat', reference: 'wx-tx-1', payOrderId: 424242 });
    expect(await refusal(post({ householdId: homes[2].id, billIds: [b], amountFen: 200, method: 'wechat', reference: 'wx-tx-1', payOrderId: 424242 }))).toBe(
      'sqlstate 23505',
    );
  });
});
