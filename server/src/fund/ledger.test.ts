import { createTestApi, type TestApi } from '../../../test/support/api';
import { residentWithHome } from '../../../test/support/residents';
import { fundInvariantBreaks } from '../../../test/support/fundInvariant';

let t: TestApi;
let account: { id: number; compound_id: number };
let district: string;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const entryCount = async () => (await t.query<{ n: number }>('SELECT count(*)::int AS n FROM fund_entries'))[0].n;

beforeAll(async () => {
  t = await createTestApi();
  [account] = await t.query(`SELECT a.id, a.compound_id FROM fund_accounts a JOIN compounds c ON c.id = a.compound_id WHERE c.code = 'BT0001'`);
  district = await t.login('d150203');
});
afterEach(async () => expect(await fundInvariantBreaks(t)).toEqual([]));
afterAll(() => t.close());

describe('deposits (DOMAIN.md §3)', () => {
  test('the demo ledgers reconcile to the fen', async () => {
    const res = await t.api.get(`/api/fund-accounts/${account.id}/reconciliation`).set(bearer(district));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ differenceFen: 0, mismatches: [] });
    expect(res.body.accountBalanceFen).toBe(res.body.ledgerSumFen);
  });

  test('first deposit = area × the per-m² amount for the building type; only once', async () => {
    const [home] = await t.query<{ household_id: number; area: string; floors: number }>(
      `SELECT l.household_id, h.area, b.floors FROM fund_ledgers l JOIN households h ON h.id = l.household_id JOIN buildings b ON b.id = h.building_id
        WHERE l.account_id = $1 AND l.first_deposit_fen = 0 ORDER BY l.id LIMIT 1`,
      [account.id],
    );
    const rate = home.floors > 6 ? t.config.fund.firstDepositPerM2Fen.highRise : t.config.fund.firstDepositPerM2Fen.multiStorey;
    const expected = Math.round((Number(home.area.replace('.', '')) * rate) / 100);
    const before = await t.api.get(`/api/fund-ledgers/check?householdId=${home.household_id}`).set(bearer(district));
    expect(before.body).toMatchObject({ fullyDeposited: false, firstDepositDueFen: expected, depositedFen: 0 });
    const res = await t.api
      .post(`/api/fund-accounts/${account.id}/deposits`)
      .set(bearer(district))
      .send({ householdId: home.household_id, kind: 'first_deposit' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ amountFen: expected, balanceFen: expected });
    const after = await t.api.get(`/api/fund-ledgers/check?householdId=${home.household_id}`).set(bearer(district));
    expect(after.body.fullyDeposited).toBe(true);
    const again = await t.api
      .post(`/api/fund-accounts/${account.id}/deposits`)
      .set(bearer(district))
      .send({ householdId: home.household_id, kind: 'first_deposit' });
    expect(again.status).toBe(409);
  });

  test('the transfer check also works by address', async () => {
    const [h] = await t.query<{ building: string; unit: string; room: string }>(
      `SELECT b.name AS building, u.name AS unit, h.room FROM households h JOIN buildings b ON b.id = h.building_id JOIN units u ON u.id = h.unit_id WHERE h.compound_id = $1 ORDER BY h.id LIMIT 1`,
      [account.compound_id],
    );
    const res = await t.api
      .get(`/api/fund-ledgers/check?compoundCode=BT0001&building=${encodeURIComponent(h.building)}&unit=${encodeURIComponent(h.unit)}&room=${h.room}`)
      .set(bearer(district));
    expect(res.status).toBe(200);
    expect(res.body.address).toContain(h.room);
    expect((await t.api.get('/api/fund-ledgers/check').set(bearer(district))).status).toBe(400);
  });

  test.each([
    [{ householdId: 1, kind: 'top_up', amountFen: -100 }, 400],
    [{ householdId: 1, kind: 'top_up', amountFen: 12.5 }, 400],
    [{ householdId: 1, kind: 'top_up', amountFen: '100' }, 400],
    [{ householdId: 1, kind: 'gift', amountFen: 100 }, 400],
  ])('bad deposit %j → %i, nothing posted', async (body, status) => {
    const before = await entryCount();
    const res = await t.api.post(`/api/fund-accounts/${account.id}/deposits`).set(bearer(district)).send(body);
    expect(res.status).toBe(status);
    expect(await entryCount()).toBe(before);
  });

  test('another district: 404 to read, 403 to post', async () => {
    const other = await t.login('d150202');
    expect((await t.api.get(`/api/fund-accounts/${account.id}`).set(bearer(other))).status).toBe(404);
    const res = await t.api.post(`/api/fund-accounts/${account.id}/deposits`).set(bearer(other)).send({ householdId: 1, kind: 'top_up', amountFen: 100 });
    expect(res.status).toBe(403);
    expect(
      (
        await t.api
          .post(`/api/fund-accounts/${account.id}/deposits`)
          .set(bearer(await t.login('street')))
          .send({ householdId: 1, kind: 'top_up', amountFen: 100 })
      ).status,
    ).toBe(403);
  });
});

describe('earnings and reversals', () => {
  test('earnings are shared by balance, the total exact to the fen', async () => {
    const before = (await t.query<{ b: string }>('SELECT balance_fen::text AS b FROM fund_accounts WHERE id = $1', [account.id]))[0].b;
    const today = new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
    const res = await t.api.post(`/api/fund-accounts/${account.id}/allocate-earnings`).set(bearer(district)).send({ periodEnd: today, amountFen: 123457 });
    expect(res.status).toBe(201);
    expect(res.body.totalFen).toBe(123457);
    const after = (await t.query<{ b: string }>('SELECT balance_fen::text AS b FROM fund_accounts WHERE id = $1', [account.id]))[0].b;
    expect(BigInt(after) - BigInt(before)).toBe(123457n);
    const [spread] = await t.query<{ n: number; s: string }>(`SELECT count(*)::int AS n, sum(amount_fen)::text AS s FROM fund_entries WHERE batch_id = $1`, [
      res.body.batchId,
    ]);
    expect(spread).toEqual({ n: res.body.ledgers, s: '123457' });
    expect((await t.api.post(`/api/fund-accounts/${account.id}/allocate-earnings`).set(bearer(district)).send({ periodEnd: today, amountFen: 0 })).status).toBe(
      400,
    );
  });

  test('a posted entry is never edited: a reversal cancels it, once', async () => {
    const [e] = await t.query<{ id: number; ledger_id: number; amount_fen: string }>(
      `SELECT id, ledger_id, amount_fen::text FROM fund_entries WHERE account_id = $1 AND kind = 'first_deposit' ORDER BY id LIMIT 1`,
      [account.id],
    );
    const before = (await t.query<{ b: string }>('SELECT balance_fen::text AS b FROM fund_ledgers WHERE id = $1', [e.ledger_id]))[0].b;
    const res = await t.api.post(`/api/fund-entries/${e.id}/reverse`).set(bearer(district)).send({ reason: '误记' });
    expect(res.status).toBe(201);
    const after = (await t.query<{ b: string }>('SELECT balance_fen::text AS b FROM fund_ledgers WHERE id = $1', [e.ledger_id]))[0].b;
    expect(BigInt(before) - BigInt(after)).toBe(BigInt(e.amount_fen));
    expect((await t.api.post(`/api/fund-entries/${e.id}/reverse`).set(bearer(district)).send({ reason: '再冲' })).status).toBe(409);
    expect((await t.api.put(`/api/fund-entries/${e.id}`).set(bearer(district)).send({ amountFen: 1 })).status).toBe(403);
    expect((await t.api.delete(`/api/fund-entries/${e.id}`).set(bearer(district))).status).toBe(403);
  });
});

describe('demolition', () => {
  test('the whole balance is refunded once; nothing left to refund after', async () => {
    const [l] = await t.query<{ id: number; balance_fen: string }>(
      `SELECT id, balance_fen::text FROM fund_ledgers WHERE account_id = $1 AND balance_fen > 0 ORDER BY id DESC LIMIT 1`,
      [account.id],
    );
    const res = await t.api.post(`/api/fund-ledgers/${l.id}/refund`).set(bearer(district)).send({ reason: '房屋征收拆迁' });
    expect(res.status).toBe(201);
    expect(res.body.refundedFen).toBe(Number(l.balance_fen));
    const [after] = await t.query<{ balance_fen: string; used_fen: string }>('SELECT balance_fen::text, used_fen::text FROM fund_ledgers WHERE id = $1', [
      l.id,
    ]);
    expect(after.balance_fen).toBe('0');
    const again = await t.api.post(`/api/fund-ledgers/${l.id}/refund`).set(bearer(district)).send({ reason: '再退' });
    expect(again.status).toBe(409);
    expect(
      (
        await t.api
          .post(`/api/fund-ledgers/${l.id}/refund`)
          .set(bearer(await t.login('d150202')))
          .send({ reason: 'x' })
      ).status,
    ).toBe(403);
  });
});

describe('residents and online self-deposit', () => {
  test("a resident reads their own home's ledger, not another's", async () => {
    const [mine, other] = await t.query<{ id: number; household_id: number }>(
      `SELECT id, household_id FROM fund_ledgers l WHERE account_id = $1 AND EXISTS (SELECT 1 FROM households h WHERE h.id = l.household_id AND h.owner_id IS NOT NULL) ORDER BY id DESC LIMIT 2`,
      [account.id],
    );
    const token = await residentWithHome(t, 'fund-resident', mine.household_id);
    expect((await t.api.get(`/api/fund-ledgers/${mine.id}`).set(bearer(token))).status).toBe(200);
    expect((await t.api.get(`/api/fund-ledgers/${other.id}`).set(bearer(token))).status).toBe(404);
    const entries = await t.api.get(`/api/fund-entries?filter=${encodeURIComponent(JSON.stringify({ householdId: other.household_id }))}`).set(bearer(token));
    expect(entries.body).toEqual([]);
  });

  test("deposit online; the provider's callback posts once; a replay or a forged one posts nothing", async () => {
    const [l] = await t.query<{ id: number; household_id: number; balance_fen: string }>(
      `SELECT l.id, l.household_id, l.balance_fen::text FROM fund_ledgers l JOIN households h ON h.id = l.household_id WHERE l.account_id = $1 AND h.owner_id IS NOT NULL ORDER BY l.id LIMIT 1 OFFSET 5`,
      [account.id],
    );
    const token = await residentWithHome(t, 'fund-payer', l.household_id);
    const pay = await t.api.post('/api/fund-payments').set(bearer(token)).send({ householdId: l.household_id, amountFen: 50000 });
    expect(pay.status).toBe(201);
    const { createHmac } = await import('node:crypto');
    const sign = (s: string) => createHmac('sha256', t.config.fund.paymentSecret).update(`${pay.body.providerTxnId}|50000|${s}`).digest('hex');
    const forged = await t.api
      .post('/api/fund-payments/callback')
      .send({ providerTxnId: pay.body.providerTxnId, amountFen: 50000, status: 'SUCCESS', sign: '0'.repeat(64) });
    expect(forged.status).toBe(403);
    const ok = await t.api
      .post('/api/fund-payments/callback')
      .send({ providerTxnId: pay.body.providerTxnId, amountFen: 50000, status: 'SUCCESS', sign: sign('SUCCESS') });
    expect(ok.status).toBe(200);
    const before = await entryCount();
    const replay = await t.api
      .post('/api/fund-payments/callback')
      .send({ providerTxnId: pay.body.providerTxnId, amountFen: 50000, status: 'SUCCESS', sign: sign('SUCCESS') });
    expect(replay.status).toBe(409);
    expect(replay.body.error.code).toBe('CALLBACK_REPLAYED');
    expect(await entryCount()).toBe(before);
    const after = (await t.query<{ b: string }>('SELECT balance_fen::text AS b FROM fund_ledgers WHERE id = $1', [l.id]))[0].b;
    expect(BigInt(after) - BigInt(l.balance_fen)).toBe(50000n);
    const notMine = await t.api
      .post('/api/fund-payments')
      .set(bearer(token))
      .send({ householdId: l.household_id + 1, amountFen: 100 });
    expect(notMine.status).toBe(403);
  });
});
