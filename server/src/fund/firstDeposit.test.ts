import { firstDepositFen, firstDepositRateFen, parseAreaCenti } from '@baotou/shared';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { residentWithHome } from '../../../test/support/residents';
import { fundInvariantBreaks } from '../../../test/support/fundInvariant';

// Issue 16 §2: homes of the demo city that never paid their first deposit showed balance 0.00, no
// top-up due, "待续交 0 户", and nothing owed to their resident.
let t: TestApi;
let account: { id: number; compound_id: number; owed: number };
let district: string;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const list = (filter: object) => `/api/fund-ledgers?filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,499]')}`;
const total = (res: { headers: Record<string, string> }) => Number(res.headers['content-range'].split('/')[1]);

beforeAll(async () => {
  t = await createTestApi();
  // The account in 昆都仑区 with the most homes owing their first deposit.
  [account] = await t.query(`
    SELECT a.id, a.compound_id, count(*)::int AS owed FROM fund_accounts a JOIN fund_ledgers l ON l.account_id = a.id
     WHERE a.region_code LIKE '150203%' AND l.first_deposit_fen = 0 GROUP BY a.id ORDER BY owed DESC, a.id LIMIT 1`);
  district = await t.login('d150203');
});
afterEach(async () => expect(await fundInvariantBreaks(t)).toEqual([]));
afterAll(() => t.close());

describe('first deposits owed (DOMAIN.md §3; issue 16 §2)', () => {
  test('staff: a status and a filter on the ledgers, and a count on the account, all agreeing', async () => {
    expect(account.owed).toBeGreaterThan(0);
    const owed = await t.api.get(list({ accountId: account.id, status: 'first_deposit_owed' })).set(bearer(district));
    expect(owed.status).toBe(200);
    expect(total(owed)).toBe(account.owed);
    expect(owed.body).toHaveLength(account.owed);
    for (const l of owed.body) {
      expect(l.status).toBe('first_deposit_owed');
      expect(l.firstDepositOwedFen).toBe(firstDepositFen(parseAreaCenti(l.area)!, firstDepositRateFen(l.buildingFloors, t.config.fund.firstDepositPerM2Fen)));
      expect(l.firstDepositOwedFen).toBeGreaterThan(0);
    }
    const acc = await t.api.get(`/api/fund-accounts/${account.id}`).set(bearer(district));
    expect(acc.body.firstDepositOwedCount).toBe(account.owed);
    // the three statuses partition the account's ledgers
    const counts = await Promise.all(
      ['first_deposit_owed', 'top_up_due', 'normal'].map(async (status) =>
        total(await t.api.get(list({ accountId: account.id, status })).set(bearer(district))),
      ),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(acc.body.ledgerCount);
    const normal = await t.api.get(list({ accountId: account.id, status: 'normal' })).set(bearer(district));
    expect(normal.body.every((l: { status: string; firstDepositOwedFen: number }) => l.status === 'normal' && l.firstDepositOwedFen === 0)).toBe(true);
  });

  test('a status outside the enum is a 400 on the filter, not a 500', async () => {
    const res = await t.api.get(list({ status: 'unpaid' })).set(bearer(district));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_FILTER');
  });

  test('the resident sees the amount owed, pays it online, and the home is no longer owing', async () => {
    const [home] = await t.query<{ id: number; household_id: number }>(
      `SELECT l.id, l.household_id FROM fund_ledgers l JOIN households h ON h.id = l.household_id
        WHERE l.account_id = $1 AND l.first_deposit_fen = 0 AND h.owner_id IS NOT NULL ORDER BY l.id LIMIT 1`,
      [account.id],
    );
    const token = await residentWithHome(t, 'first-deposit-payer', home.household_id);
    const [mine] = (await t.api.get(list({ householdId: home.household_id })).set(bearer(token))).body;
    expect(mine).toMatchObject({ status: 'first_deposit_owed', balanceFen: 0 });
    expect(mine.firstDepositOwedFen).toBeGreaterThan(0);

    const pay = await t.api.post('/api/fund-payments').set(bearer(token)).send({ householdId: home.household_id, amountFen: mine.firstDepositOwedFen });
    expect(pay.status).toBe(201);
    const { createHmac } = await import('node:crypto');
    const sign = createHmac('sha256', t.config.fund.paymentSecret).update(`${pay.body.providerTxnId}|${mine.firstDepositOwedFen}|SUCCESS`).digest('hex');
    const ok = await t.api
      .post('/api/fund-payments/callback')
      .send({ providerTxnId: pay.body.providerTxnId, amountFen: mine.firstDepositOwedFen, status: 'SUCCESS', sign });
    expect(ok.status).toBe(200);

    const [after] = (await t.api.get(list({ householdId: home.household_id })).set(bearer(token))).body;
    expect(after).toMatchObject({ status: 'normal', firstDepositOwedFen: 0, firstDepositFen: mine.firstDepositOwedFen, balanceFen: mine.firstDepositOwedFen });
    const [entry] = await t.query<{ kind: string }>(`SELECT kind FROM fund_entries WHERE ledger_id = $1 ORDER BY id DESC LIMIT 1`, [home.id]);
    expect(entry.kind).toBe('first_deposit');
    const acc = await t.api.get(`/api/fund-accounts/${account.id}`).set(bearer(district));
    expect(acc.body.firstDepositOwedCount).toBe(account.owed - 1);
    const check = await t.api.get(`/api/fund-ledgers/check?householdId=${home.household_id}`).set(bearer(district));
    expect(check.body.fullyDeposited).toBe(true);
  });

  test('a part payment toward the first deposit is booked as a self-deposit and leaves the rest owed', async () => {
    const [home] = await t.query<{ household_id: number }>(
      `SELECT l.household_id FROM fund_ledgers l JOIN households h ON h.id = l.household_id
        WHERE l.account_id = $1 AND l.first_deposit_fen = 0 AND h.owner_id IS NOT NULL ORDER BY l.id LIMIT 1`,
      [account.id],
    );
    const token = await residentWithHome(t, 'first-deposit-part', home.household_id);
    const [before] = (await t.api.get(list({ householdId: home.household_id })).set(bearer(token))).body;
    const pay = await t.api.post('/api/fund-payments').set(bearer(token)).send({ householdId: home.household_id, amountFen: 10000 });
    const { createHmac } = await import('node:crypto');
    const sign = createHmac('sha256', t.config.fund.paymentSecret).update(`${pay.body.providerTxnId}|10000|SUCCESS`).digest('hex');
    expect(
      (await t.api.post('/api/fund-payments/callback').send({ providerTxnId: pay.body.providerTxnId, amountFen: 10000, status: 'SUCCESS', sign })).status,
    ).toBe(200);
    const [after] = (await t.api.get(list({ householdId: home.household_id })).set(bearer(token))).body;
    expect(after).toMatchObject({ status: 'first_deposit_owed', firstDepositOwedFen: before.firstDepositOwedFen - 10000, balanceFen: 10000 });
  });
});
