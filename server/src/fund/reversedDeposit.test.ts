import { createTestApi, type TestApi } from '../../../test/support/api';
import { fundInvariantBreaks } from '../../../test/support/fundInvariant';

/**
 * Wave X3 fund edge cases on real PostgreSQL. A reversed first deposit no longer counts (the
 * once-only check under the account lock sees the ledger's first deposit reduced by the reversal);
 * earnings are never allocated for a period that has not ended (shared earningsPeriodRefusal).
 */
const N = 20;
let t: TestApi;
let account: { id: number };
let district: string;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const beijingDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApi();
  [account] = await t.query(`SELECT a.id FROM fund_accounts a JOIN compounds c ON c.id = a.compound_id WHERE c.code = 'BT0001'`);
  district = await t.login('d150203');
});
afterEach(async () => expect(await fundInvariantBreaks(t)).toEqual([]));
afterAll(() => t.close());

const deposit = (householdId: number) =>
  t.api.post(`/api/fund-accounts/${account.id}/deposits`).set(bearer(district)).send({ householdId, kind: 'first_deposit' });
const ledgerRow = async (id: number) =>
  (await t.api.get(`/api/fund-ledgers/${id}`).set(bearer(district))).body as { firstDepositFen: number; balanceFen: number };

describe('DOMAIN.md §3: a reversed first deposit no longer counts', () => {
  test('deposit → reverse → deposit again 201 (was 409 ALREADY_DEPOSITED), the ledger showing 0 in between; then 20 at once give one 201', async () => {
    const [home] = await t.query<{ id: number; household_id: number }>(
      `SELECT id, household_id FROM fund_ledgers WHERE account_id = $1 AND first_deposit_fen = 0 ORDER BY id LIMIT 1`,
      [account.id],
    );
    const first = await deposit(home.household_id);
    expect(first.status).toBe(201);
    const [entry] = await t.query<{ id: number }>(`SELECT id FROM fund_entries WHERE ledger_id = $1 AND kind = 'first_deposit'`, [home.id]);
    expect((await t.api.post(`/api/fund-entries/${entry.id}/reverse`).set(bearer(district)).send({ reason: '误记到错误房屋' })).status).toBe(201);
    expect(await ledgerRow(home.id)).toMatchObject({ firstDepositFen: 0, balanceFen: 0 });

    const again = await deposit(home.household_id);
    expect(again.status).toBe(201);
    expect(again.body.amountFen).toBe(first.body.amountFen);
    expect(await ledgerRow(home.id)).toMatchObject({ firstDepositFen: first.body.amountFen, balanceFen: first.body.amountFen });

    const results = await Promise.all(Array.from({ length: N }, () => deposit(home.household_id)));
    expect(results.map((r) => `${r.status} ${r.body.error?.code ?? ''}`.trim()).sort()).toEqual(Array(N).fill('409 ALREADY_DEPOSITED'));
  }, 60_000);

  test('sibling: after the reversal, 20 first deposits at once post exactly one', async () => {
    const [home] = await t.query<{ id: number; household_id: number }>(
      `SELECT id, household_id FROM fund_ledgers WHERE account_id = $1 AND first_deposit_fen = 0 ORDER BY id LIMIT 1`,
      [account.id],
    );
    expect((await deposit(home.household_id)).status).toBe(201);
    const [entry] = await t.query<{ id: number }>(`SELECT id FROM fund_entries WHERE ledger_id = $1 AND kind = 'first_deposit'`, [home.id]);
    expect((await t.api.post(`/api/fund-entries/${entry.id}/reverse`).set(bearer(district)).send({ reason: '重复记账' })).status).toBe(201);
    const results = await Promise.all(Array.from({ length: N }, () => deposit(home.household_id)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.body.error?.code}`)).toEqual(Array(N - 1).fill('409 ALREADY_DEPOSITED'));
    const posted = await t.query(
      `SELECT id FROM fund_entries WHERE ledger_id = $1 AND kind = 'first_deposit' AND NOT EXISTS (SELECT 1 FROM fund_entries r WHERE r.reverses_id = fund_entries.id)`,
      [home.id],
    );
    expect(posted).toHaveLength(1);
  }, 60_000);
});

describe('DOMAIN.md §3: earnings only for a period that has ended', () => {
  test('the attack: periodEnd 2099-12-02 → 400 PERIOD_IN_FUTURE, nothing posted (was 201)', async () => {
    const before = await t.query(`SELECT id FROM fund_batches WHERE account_id = $1`, [account.id]);
    const res = await t.api.post(`/api/fund-accounts/${account.id}/allocate-earnings`).set(bearer(district)).send({ periodEnd: '2099-12-02', amountFen: 5 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('PERIOD_IN_FUTURE');
    expect(await t.query(`SELECT id FROM fund_batches WHERE account_id = $1`, [account.id])).toEqual(before);
  });

  test('sibling: tomorrow is refused, today is allocated', async () => {
    const tomorrow = await t.api
      .post(`/api/fund-accounts/${account.id}/allocate-earnings`)
      .set(bearer(district))
      .send({ periodEnd: beijingDay(1), amountFen: 100 });
    expect(tomorrow.status).toBe(400);
    expect(tomorrow.body.error.code).toBe('PERIOD_IN_FUTURE');
    expect(
      (
        await t.api
          .post(`/api/fund-accounts/${account.id}/allocate-earnings`)
          .set(bearer(district))
          .send({ periodEnd: beijingDay(0), amountFen: 100 })
      ).status,
    ).toBe(201);
  });
});
