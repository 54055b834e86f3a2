import { createHmac } from 'node:crypto';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { residentWithHome } from '../../../test/support/residents';
import { fundInvariantBreaks } from '../../../test/support/fundInvariant';

/**
 * Issue 9 §1: every "at most once" money rule holds under the lock it runs under (the account's,
 * or the application's or payment's row), checked after the lock is taken — never by a read before
 * it. Each is fired 20-way in parallel on real PostgreSQL: exactly one succeeds and posts, the
 * other 19 are 409 with the rule's code, and the books reconcile. BT0001 is in 150203 (`d150203`).
 */
const N = 20;
let t: TestApi;
let account: { id: number; compound_id: number };
let district: string;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const fire = <T>(request: () => PromiseLike<T>) => Promise.all(Array.from({ length: N }, request));
type Res = { status: number; body: { error?: { code: string } } };
function exactlyOne(results: Res[], ok: number, code: string) {
  expect(results.filter((r) => r.status === ok).map((r) => r.status)).toEqual([ok]);
  expect(results.filter((r) => r.status !== ok).map((r) => `${r.status} ${r.body.error?.code}`)).toEqual(Array(N - 1).fill(`409 ${code}`));
}
const entries = (where: string, params: unknown[]) =>
  t.query<{ id: number; amount_fen: string }>(`SELECT id, amount_fen::text FROM fund_entries WHERE ${where}`, params);

beforeAll(async () => {
  t = await createTestApi();
  [account] = await t.query(`SELECT a.id, a.compound_id FROM fund_accounts a JOIN compounds c ON c.id = a.compound_id WHERE c.code = 'BT0001'`);
  district = await t.login('d150203');
});
afterEach(async () => expect(await fundInvariantBreaks(t)).toEqual([]));
afterAll(() => t.close());

describe('DOMAIN.md §3 once-only rules, 20 requests at once', () => {
  test('first deposit for a home that has none: one 201 and one posting, 19 × 409 ALREADY_DEPOSITED (was 2 × 201)', async () => {
    const [home] = await t.query<{ id: number; household_id: number }>(
      `SELECT id, household_id FROM fund_ledgers WHERE account_id = $1 AND first_deposit_fen = 0 ORDER BY id LIMIT 1`,
      [account.id],
    );
    const results = await fire(() =>
      t.api.post(`/api/fund-accounts/${account.id}/deposits`).set(bearer(district)).send({ householdId: home.household_id, kind: 'first_deposit' }),
    );
    exactlyOne(results, 201, 'ALREADY_DEPOSITED');
    expect(await entries(`ledger_id = $1 AND kind = 'first_deposit'`, [home.id])).toHaveLength(1);
  }, 60_000);

  test('earnings for one account and period end: one 201 and one batch, 19 × 409 EARNINGS_ALLOCATED (was 20 × 201); the same period on another account still allocates', async () => {
    const today = new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
    const results = await fire(() =>
      t.api.post(`/api/fund-accounts/${account.id}/allocate-earnings`).set(bearer(district)).send({ periodEnd: today, amountFen: 98765 }),
    );
    exactlyOne(results, 201, 'EARNINGS_ALLOCATED');
    const batches = await t.query<{ total_fen: string }>(
      `SELECT total_fen::text FROM fund_batches WHERE account_id = $1 AND kind = 'earnings' AND reference = $2`,
      [account.id, `earnings:${today}`],
    );
    expect(batches).toEqual([{ total_fen: '98765' }]);
    const [other] = await t.query<{ id: number }>(
      `SELECT a.id FROM fund_accounts a WHERE a.region_code LIKE '150203%' AND a.id <> $1 AND a.balance_fen > 0 ORDER BY a.id LIMIT 1`,
      [account.id],
    );
    expect((await t.api.post(`/api/fund-accounts/${other.id}/allocate-earnings`).set(bearer(district)).send({ periodEnd: today, amountFen: 100 })).status).toBe(
      201,
    );
  }, 60_000);

  test('a reversal of one entry: one 201, 19 × 409 ALREADY_REVERSED (was a mix of codes, by luck of the race)', async () => {
    const [e] = await entries(`account_id = $1 AND kind = 'earnings' ORDER BY id LIMIT 1`, [account.id]);
    const results = await fire(() => t.api.post(`/api/fund-entries/${e.id}/reverse`).set(bearer(district)).send({ reason: '重复记账' }));
    exactlyOne(results, 201, 'ALREADY_REVERSED');
    expect(await entries('reverses_id = $1', [e.id])).toEqual([{ id: expect.any(String), amount_fen: String(-Number(e.amount_fen)) }]);
  }, 60_000);

  test('refund on demolition: the whole balance once, 19 × 409 ALREADY_REFUNDED', async () => {
    const [l] = await t.query<{ id: number; balance_fen: string }>(
      `SELECT id, balance_fen::text FROM fund_ledgers WHERE account_id = $1 AND balance_fen > 0 ORDER BY id DESC LIMIT 1`,
      [account.id],
    );
    const results = await fire(() => t.api.post(`/api/fund-ledgers/${l.id}/refund`).set(bearer(district)).send({ reason: '房屋征收拆迁' }));
    exactlyOne(results, 201, 'ALREADY_REFUNDED');
    expect(await entries(`ledger_id = $1 AND kind = 'refund'`, [l.id])).toEqual([{ id: expect.any(String), amount_fen: `-${l.balance_fen}` }]);
    // Refunded once means once: money deposited afterwards does not reopen it.
    await t.api
      .post(`/api/fund-accounts/${account.id}/deposits`)
      .set(bearer(district))
      .send({
        householdId: (await t.query<{ household_id: number }>('SELECT household_id FROM fund_ledgers WHERE id = $1', [l.id]))[0].household_id,
        kind: 'top_up',
        amountFen: 500,
      });
    expect((await t.api.post(`/api/fund-ledgers/${l.id}/refund`).set(bearer(district)).send({ reason: '再退' })).body.error.code).toBe('ALREADY_REFUNDED');
  }, 60_000);

  test('disbursement of one application: one 200 and one usage batch, 19 × 409 ALREADY_DISBURSED', async () => {
    // An accepted emergency repair over one unit, whose homes still owing make their first deposit first.
    const [unit] = await t.query<{ unit_id: number }>(`SELECT unit_id FROM households WHERE compound_id = $1 ORDER BY unit_id LIMIT 1`, [account.compound_id]);
    const owing = await t.query<{ household_id: number }>(
      `SELECT l.household_id FROM fund_ledgers l JOIN households h ON h.id = l.household_id WHERE h.unit_id = $1 AND l.first_deposit_fen = 0`,
      [unit.unit_id],
    );
    for (const o of owing)
      expect(
        (await t.api.post(`/api/fund-accounts/${account.id}/deposits`).set(bearer(district)).send({ householdId: o.household_id, kind: 'first_deposit' }))
          .status,
      ).toBe(201);
    const [app] = await t.query<{ id: number }>(
      `INSERT INTO fund_applications (compound_id, account_id, region_code, title, items, budget_fen, contractor, scope_type, scope_ids, status, actual_cost_fen, emergency, emergency_kind, approved_at)
       SELECT c.id, $2, c.region_code, '电梯抱闸抢修', '[{"name":"抱闸更换","budgetFen":30001}]', 30001, '包头市安达电梯工程有限公司', 'units', $3::jsonb, 'accepted', 30001, true, 'lift_fault', now()
         FROM compounds c WHERE c.id = $1 RETURNING id`,
      [account.compound_id, account.id, JSON.stringify([unit.unit_id])],
    );
    const results = await fire(() => t.api.post(`/api/fund-applications/${app.id}/disburse`).set(bearer(district)));
    exactlyOne(results, 200, 'ALREADY_DISBURSED');
    const [sum] = await t.query<{ s: string; batches: number }>(
      `SELECT sum(amount_fen)::text AS s, count(DISTINCT batch_id)::int AS batches FROM fund_entries WHERE reference = $1`,
      [`application:${app.id}`],
    );
    expect(sum).toEqual({ s: '-30001', batches: 1 });
    expect(await t.query(`SELECT id FROM disclosures WHERE kind = 'fund_usage' AND title LIKE '%电梯抱闸抢修%'`)).toHaveLength(1);
  }, 60_000);

  test('the payment provider calling back 20 times at once: one 200 and one posting, 19 × 409 CALLBACK_REPLAYED', async () => {
    const [l] = await t.query<{ household_id: number }>(
      `SELECT l.household_id FROM fund_ledgers l JOIN households h ON h.id = l.household_id WHERE l.account_id = $1 AND h.owner_id IS NOT NULL ORDER BY l.id LIMIT 1 OFFSET 7`,
      [account.id],
    );
    const resident = await residentWithHome(t, 'once-payer', l.household_id);
    const pay = await t.api.post('/api/fund-payments').set(bearer(resident)).send({ householdId: l.household_id, amountFen: 20000 });
    expect(pay.status).toBe(201);
    const sign = createHmac('sha256', t.config.fund.paymentSecret).update(`${pay.body.providerTxnId}|20000|SUCCESS`).digest('hex');
    const results = await fire(() =>
      t.api.post('/api/fund-payments/callback').send({ providerTxnId: pay.body.providerTxnId, amountFen: 20000, status: 'SUCCESS', sign }),
    );
    exactlyOne(results, 200, 'CALLBACK_REPLAYED');
    expect(await entries('reference = $1', [`pay:${pay.body.providerTxnId}`])).toEqual([{ id: expect.any(String), amount_fen: '20000' }]);
  }, 60_000);
});
