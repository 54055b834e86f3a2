import { createTestApi, type TestApi } from '../../../test/support/api';
import { residentWithHome } from '../../../test/support/residents';
import { fundInvariantBreaks } from '../../../test/support/fundInvariant';

/**
 * Issue 9 §2: two valid top-ups of 9007199244740991 fen pushed an account past 2^53, and after both
 * were reversed reconciliation showed a permanent −3 fen. Every amount is bounded by
 * FUND_MAX_POSTING_FEN and every resulting balance or total by FUND_MAX_BALANCE_FEN, far below 2^53;
 * a refused request is 400 with a code, posts nothing, and the books still reconcile.
 */
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const counts = async (t: TestApi) =>
  (
    await t.query<{ e: number; b: number; p: number; a: number }>(
      `SELECT (SELECT count(*)::int FROM fund_entries) AS e, (SELECT count(*)::int FROM fund_batches) AS b, (SELECT count(*)::int FROM fund_payments) AS p, (SELECT count(*)::int FROM fund_applications) AS a`,
    )
  )[0];
async function reconciles(t: TestApi, token: string, accountId: number) {
  expect(await fundInvariantBreaks(t)).toEqual([]);
  const rec = await t.api.get(`/api/fund-accounts/${accountId}/reconciliation`).set(bearer(token));
  expect(rec.body).toMatchObject({ differenceFen: 0, mismatches: [] });
  expect(rec.body.entrySumFen).toBe(rec.body.accountBalanceFen);
}
async function bt0001(t: TestApi) {
  const [a] = await t.query<{ id: number; compound_id: number; balance_fen: string }>(
    `SELECT a.id, a.compound_id, a.balance_fen::text FROM fund_accounts a JOIN compounds c ON c.id = a.compound_id WHERE c.code = 'BT0001'`,
  );
  const homes = await t.query<{ household_id: number; balance_fen: string }>(
    `SELECT household_id, balance_fen::text FROM fund_ledgers WHERE account_id = $1 ORDER BY id LIMIT 2`,
    [a.id],
  );
  return { ...a, homes };
}

describe('default limits (10^12 fen per amount, 10^13 per balance)', () => {
  let t: TestApi;
  let district: string;
  let account: Awaited<ReturnType<typeof bt0001>>;
  beforeAll(async () => {
    t = await createTestApi();
    district = await t.login('d150203');
    account = await bt0001(t);
  });
  afterAll(() => t.close());

  test("the issue's two top-ups of 9007199244740991 fen on two homes of one account: each 400 AMOUNT_TOO_LARGE, nothing posted, the books reconcile", async () => {
    const before = await counts(t);
    for (const home of account.homes) {
      const res = await t.api
        .post(`/api/fund-accounts/${account.id}/deposits`)
        .set(bearer(district))
        .send({ householdId: home.household_id, kind: 'top_up', amountFen: 9007199244740991 });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('AMOUNT_TOO_LARGE');
      expect(res.body.error.fields.amountFen).toContain('10000000000.00');
    }
    expect(await counts(t)).toEqual(before);
    const [{ b }] = await t.query<{ b: string }>('SELECT balance_fen::text AS b FROM fund_accounts WHERE id = $1', [account.id]);
    expect(b).toBe(account.balance_fen);
    await reconciles(t, district, account.id);
  });

  test('at the bound a top-up posts, exact to the fen; reversing it leaves no difference', async () => {
    const home = account.homes[0];
    const res = await t.api
      .post(`/api/fund-accounts/${account.id}/deposits`)
      .set(bearer(district))
      .send({ householdId: home.household_id, kind: 'top_up', amountFen: 1_000_000_000_000 });
    expect(res.status).toBe(201);
    expect(res.body.balanceFen).toBe(Number(home.balance_fen) + 1_000_000_000_000);
    const [entry] = await t.query<{ id: number }>(`SELECT id FROM fund_entries WHERE batch_id = $1`, [res.body.batchId]);
    expect((await t.api.post(`/api/fund-entries/${entry.id}/reverse`).set(bearer(district)).send({ reason: '测试冲正' })).status).toBe(201);
    const [{ b }] = await t.query<{ b: string }>('SELECT balance_fen::text AS b FROM fund_accounts WHERE id = $1', [account.id]);
    expect(b).toBe(account.balance_fen);
    await reconciles(t, district, account.id);
  });

  test.each([
    ['earnings', (a: { id: number }) => [`/api/fund-accounts/${a.id}/allocate-earnings`, { periodEnd: '2026-11-30', amountFen: 1_000_000_000_001 }]],
    [
      'a first deposit with an amount',
      (a: { id: number; homes: { household_id: number }[] }) => [
        `/api/fund-accounts/${a.id}/deposits`,
        { householdId: a.homes[1].household_id, kind: 'first_deposit', amountFen: 9007199254740991 },
      ],
    ],
  ] as const)('%s beyond the bound → 400 AMOUNT_TOO_LARGE, nothing posted', async (_name, request) => {
    const before = await counts(t);
    const [url, body] = request(account);
    const res = await t.api
      .post(url as string)
      .set(bearer(district))
      .send(body as object);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('AMOUNT_TOO_LARGE');
    expect(await counts(t)).toEqual(before);
    await reconciles(t, district, account.id);
  });

  test("a usage application's budget, its audited or actual cost, and an online payment are bounded before any money moves", async () => {
    const company = await t.login('company');
    const [served] = await t.query<{ id: number }>(
      `SELECT p.compound_id AS id FROM projects p JOIN users u ON u.company_id = p.company_id AND u.username = 'company' ORDER BY p.compound_id LIMIT 1`,
    );
    const before = await counts(t);
    const app = (items: { name: string; budgetFen: number }[]) => ({
      compoundId: served.id,
      title: '屋面防水',
      items,
      contractor: '包头市建工集团',
      scopeType: 'compound',
      scopeIds: [],
    });
    const one = await t.api
      .post('/api/fund-applications')
      .set(bearer(company))
      .send(app([{ name: '防水层', budgetFen: 1_000_000_000_001 }]));
    expect(one.body.error).toMatchObject({ code: 'AMOUNT_TOO_LARGE', fields: { 'items.0.budgetFen': expect.any(String) } });
    // Each item within the bound, their sum not.
    const sum = await t.api
      .post('/api/fund-applications')
      .set(bearer(company))
      .send(
        app([
          { name: '防水层', budgetFen: 600_000_000_000 },
          { name: '保温层', budgetFen: 600_000_000_000 },
        ]),
      );
    expect(sum.status).toBe(400);
    expect(sum.body.error.code).toBe('AMOUNT_TOO_LARGE');
    const [home] = await t.query<{ id: number }>(`SELECT id FROM households WHERE compound_id = $1 AND owner_id IS NOT NULL ORDER BY id DESC LIMIT 1`, [
      account.compound_id,
    ]);
    const resident = await residentWithHome(t, 'amount-payer', home.id);
    const pay = await t.api.post('/api/fund-payments').set(bearer(resident)).send({ householdId: home.id, amountFen: 9007199244740991 });
    expect(pay.status).toBe(400);
    expect(pay.body.error.code).toBe('AMOUNT_TOO_LARGE');
    expect(await counts(t)).toEqual(before);
    // An approved emergency repair: the audited cost and the actual cost are bounded as the budget is.
    const [approved] = await t.query<{ id: number }>(
      `INSERT INTO fund_applications (compound_id, account_id, region_code, title, items, budget_fen, contractor, scope_type, status, emergency, emergency_kind, approved_at)
       SELECT $1, $2, region_code, '水泵抢修', '[{"name":"水泵","budgetFen":50000}]', 50000, '包头市供水设备公司', 'compound', 'approved', true, 'pump_failure', now() FROM compounds WHERE id = $1 RETURNING id`,
      [account.compound_id, account.id],
    );
    const supervise = await t.api
      .post(`/api/fund-applications/${approved.id}/supervise`)
      .set(bearer(district))
      .send({ supervisor: '包头市建设监理有限公司', report: '审定', auditedCostFen: 1_000_000_000_001 });
    expect(supervise.body.error).toMatchObject({ code: 'AMOUNT_TOO_LARGE', fields: { auditedCostFen: expect.any(String) } });
    const accept = await t.api.post(`/api/fund-applications/${approved.id}/accept`).set(bearer(district)).send({ actualCostFen: 9007199244740991 });
    expect(accept.body.error).toMatchObject({ code: 'AMOUNT_TOO_LARGE', fields: { actualCostFen: expect.any(String) } });
    const [{ status }] = await t.query<{ status: string }>('SELECT status FROM fund_applications WHERE id = $1', [approved.id]);
    expect(status).toBe('approved');
  });
});

describe('a resulting balance beyond FUND_MAX_BALANCE_FEN (here 10^10 fen)', () => {
  const LIMIT = 10_000_000_000;
  let t: TestApi;
  let district: string;
  let account: Awaited<ReturnType<typeof bt0001>>;
  beforeAll(async () => {
    t = await createTestApi({ FUND_MAX_POSTING_FEN: String(LIMIT), FUND_MAX_BALANCE_FEN: String(LIMIT) });
    district = await t.login('d150203');
    account = await bt0001(t);
  });
  afterAll(() => t.close());

  test('a top-up within the amount bound that would take the account one fen past it → 400 BALANCE_OUT_OF_RANGE, nothing posted; exactly to it posts', async () => {
    const room = LIMIT - Number(account.balance_fen);
    const home = account.homes[0];
    const before = await counts(t);
    const over = await t.api
      .post(`/api/fund-accounts/${account.id}/deposits`)
      .set(bearer(district))
      .send({ householdId: home.household_id, kind: 'top_up', amountFen: room + 1 });
    expect(over.status).toBe(400);
    expect(over.body.error.code).toBe('BALANCE_OUT_OF_RANGE');
    expect(await counts(t)).toEqual(before);
    await reconciles(t, district, account.id);
    const exact = await t.api
      .post(`/api/fund-accounts/${account.id}/deposits`)
      .set(bearer(district))
      .send({ householdId: home.household_id, kind: 'top_up', amountFen: room });
    expect(exact.status).toBe(201);
    const [{ b }] = await t.query<{ b: string }>('SELECT balance_fen::text AS b FROM fund_accounts WHERE id = $1', [account.id]);
    expect(b).toBe(String(LIMIT));
    // Now full: even earnings of one fen would leave the range.
    const earn = await t.api
      .post(`/api/fund-accounts/${account.id}/allocate-earnings`)
      .set(bearer(district))
      .send({ periodEnd: new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10), amountFen: 1 });
    expect(earn.status).toBe(400);
    expect(earn.body.error.code).toBe('BALANCE_OUT_OF_RANGE');
    await reconciles(t, district, account.id);
  });

  test("a household's running total is bounded too: a ledger whose deposited total is at the bound (a long history of deposits used up, set here directly) takes no further top-up", async () => {
    // The account is full from the last test: make room by reversing that top-up.
    const [last] = await t.query<{ id: number }>(`SELECT id FROM fund_entries WHERE account_id = $1 AND kind = 'top_up' ORDER BY id DESC LIMIT 1`, [
      account.id,
    ]);
    expect((await t.api.post(`/api/fund-entries/${last.id}/reverse`).set(bearer(district)).send({ reason: '腾出额度' })).status).toBe(201);
    const home = account.homes[1];
    await t.query('UPDATE fund_ledgers SET used_fen = used_fen + ($2 - deposited_fen), deposited_fen = $2 WHERE household_id = $1', [
      home.household_id,
      LIMIT - 10,
    ]);
    const fits = await t.api
      .post(`/api/fund-accounts/${account.id}/deposits`)
      .set(bearer(district))
      .send({ householdId: home.household_id, kind: 'top_up', amountFen: 10 });
    expect(fits.status).toBe(201);
    const before = await counts(t);
    const over = await t.api
      .post(`/api/fund-accounts/${account.id}/deposits`)
      .set(bearer(district))
      .send({ householdId: home.household_id, kind: 'top_up', amountFen: 1 });
    expect(over.status).toBe(400);
    expect(over.body.error.code).toBe('BALANCE_OUT_OF_RANGE');
    expect(over.body.error.message).toContain('累计');
    expect(await counts(t)).toEqual(before);
    await reconciles(t, district, account.id);
  });
});
