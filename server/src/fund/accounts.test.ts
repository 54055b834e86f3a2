import { createTestApi, type TestApi } from '../../../test/support/api';
import { fundInvariantBreaks } from '../../../test/support/fundInvariant';

/**
 * Issue 9 §8: a compound created through the API gets its maintenance-fund account in the same
 * transaction (before, create was read-only and deposits failed NO_FUND_ACCOUNT forever), and a
 * compound without one gets it by an explicit, audited action. Real PostgreSQL.
 */
let t: TestApi;
let district: string;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const compound = (code: string, name: string) => ({
  code,
  name,
  regionCode: '150203001001',
  address: '昆都仑区钢铁大街1号',
  totalArea: '8000.00',
  type: 'commodity',
  managementMode: 'professional',
});
const audits = (entityId: number) =>
  t.query<{ action: string; actor_id: number }>(`SELECT action, actor_id FROM audit_logs WHERE entity = 'fund-accounts' AND entity_id = $1 ORDER BY id`, [
    String(entityId),
  ]);

beforeAll(async () => {
  t = await createTestApi();
  district = await t.login('d150203');
});
afterEach(async () => expect(await fundInvariantBreaks(t)).toEqual([]));
afterAll(() => t.close());

/** A compound registered before accounts opened with the compound: no account, one home. */
async function compoundWithoutAccount(code: string) {
  const [c] = await t.query<{ id: number }>(
    `INSERT INTO compounds (code, name, region_code, address, total_area, type, management_mode) VALUES ($1, $2, '150203001001', '昆都仑区阿尔丁大街9号', 5000, 'commodity', 'professional') RETURNING id`,
    [code, `旧登记小区${code}`],
  );
  return c.id;
}

describe('a compound gets its account when created (DOMAIN.md §3: one special account per compound)', () => {
  test('created through the API: the account opens in the same transaction, audited, and its first home can deposit', async () => {
    const street = await t.login('street');
    const c = await t.api.post('/api/compounds').set(bearer(street)).send(compound('FA0001', '新建专户小区'));
    expect(c.status).toBe(201);
    const [account] = await t.query<{ id: number; region_code: string; balance_fen: string; bank_name: string | null }>(
      'SELECT id, region_code, balance_fen::text, bank_name FROM fund_accounts WHERE compound_id = $1',
      [c.body.id],
    );
    expect(account).toMatchObject({ region_code: '150203001001', balance_fen: '0', bank_name: null });
    expect((await audits(account.id)).map((a) => a.action)).toEqual(['create']);
    // The console lists it, and a home registered there takes its first deposit (was 409 NO_FUND_ACCOUNT).
    const listed = await t.api.get(`/api/fund-accounts?filter=${encodeURIComponent(JSON.stringify({ compoundId: c.body.id }))}`).set(bearer(district));
    expect(listed.body.map((a: { id: number }) => a.id)).toEqual([account.id]);
    const b = await t.api.post('/api/buildings').set(bearer(street)).send({ compoundId: c.body.id, name: '1号楼', floors: 6 });
    const u = await t.api.post('/api/units').set(bearer(street)).send({ buildingId: b.body.id, name: '1单元' });
    const h = await t.api.post('/api/households').set(bearer(street)).send({ unitId: u.body.id, room: '101', area: '90.00', areaBasis: 'registered' });
    expect(h.status).toBe(201);
    const deposit = await t.api.post(`/api/fund-accounts/${account.id}/deposits`).set(bearer(district)).send({ householdId: h.body.id, kind: 'first_deposit' });
    expect(deposit.status).toBe(201);
    expect(deposit.body.amountFen).toBe(90 * t.config.fund.firstDepositPerM2Fen.multiStorey);
  });

  test('a refused compound create opens no account either', async () => {
    const before = (await t.query<{ n: number }>('SELECT count(*)::int AS n FROM fund_accounts'))[0].n;
    const res = await t.api
      .post('/api/compounds')
      .set(bearer(await t.login('d150202')))
      .send(compound('FA0002', '越界小区'));
    expect(res.status).toBe(403);
    const dup = await t.api.post('/api/compounds').set(bearer(district)).send(compound('FA0001', '重复编码小区'));
    expect(dup.status).toBe(409);
    expect((await t.query<{ n: number }>('SELECT count(*)::int AS n FROM fund_accounts'))[0].n).toBe(before);
  });
});

describe('deleting a compound', () => {
  test('one registered by mistake takes its untouched account with it, audited; one whose account holds a ledger is refused 409 FUND_ACCOUNT_IN_USE', async () => {
    const c = await t.api.post('/api/compounds').set(bearer(district)).send(compound('FA0003', '误登记小区'));
    const [account] = await t.query<{ id: number }>('SELECT id FROM fund_accounts WHERE compound_id = $1', [c.body.id]);
    const del = await t.api.delete(`/api/compounds/${c.body.id}`).set(bearer(district));
    expect(del.status).toBe(200);
    expect(await t.query('SELECT id FROM fund_accounts WHERE compound_id = $1', [c.body.id])).toEqual([]);
    expect((await audits(account.id)).map((a) => a.action)).toEqual(['create', 'delete']);
    const [bt] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE code = 'BT0002'`);
    const refused = await t.api.delete(`/api/compounds/${bt.id}`).set(bearer(await t.login('city')));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('FUND_ACCOUNT_IN_USE');
    expect(await t.query('SELECT id FROM fund_accounts WHERE compound_id = $1', [bt.id])).toHaveLength(1);
  });
});

describe('a compound without an account gets one by an explicit action', () => {
  test('POST /api/fund-accounts: district staff in jurisdiction, audited; a second one is 409 FUND_ACCOUNT_EXISTS', async () => {
    const compoundId = await compoundWithoutAccount('FA0100');
    expect(
      (
        await t.api
          .post('/api/fund-accounts')
          .set(bearer(await t.login('d150202')))
          .send({ compoundId })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.api
          .post('/api/fund-accounts')
          .set(bearer(await t.login('street')))
          .send({ compoundId })
      ).status,
    ).toBe(403);
    expect((await t.api.post('/api/fund-accounts').set(bearer(district)).send({ compoundId, extra: 1 })).status).toBe(400);
    expect(await t.query('SELECT id FROM fund_accounts WHERE compound_id = $1', [compoundId])).toEqual([]);
    const res = await t.api
      .post('/api/fund-accounts')
      .set(bearer(district))
      .send({ compoundId, bankName: '中国建设银行包头分行', accountNo: '6217 0000 1234 5678' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ compoundId, regionCode: '150203001001', bankName: '中国建设银行包头分行', accountNo: '6217000012345678', balanceFen: 0 });
    const [{ id: districtUser }] = await t.query<{ id: number }>(`SELECT id FROM users WHERE username = 'd150203'`);
    expect(await audits(res.body.id)).toEqual([{ action: 'create', actor_id: districtUser }]);
    const again = await t.api.post('/api/fund-accounts').set(bearer(district)).send({ compoundId });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('FUND_ACCOUNT_EXISTS');
  });

  test('20 openings at once for one compound: exactly one account, one audit row; the rest 409 FUND_ACCOUNT_EXISTS', async () => {
    const compoundId = await compoundWithoutAccount('FA0101');
    const results = await Promise.all(Array.from({ length: 20 }, () => t.api.post('/api/fund-accounts').set(bearer(district)).send({ compoundId })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(Array(19).fill('FUND_ACCOUNT_EXISTS'));
    const accounts = await t.query<{ id: number }>('SELECT id FROM fund_accounts WHERE compound_id = $1', [compoundId]);
    expect(accounts).toHaveLength(1);
    expect(await audits(accounts[0].id)).toHaveLength(1);
  }, 60_000);

  test('the bank details are recorded later by staff in jurisdiction (PUT of the whole record), audited', async () => {
    const compoundId = await compoundWithoutAccount('FA0102');
    const opened = await t.api.post('/api/fund-accounts').set(bearer(district)).send({ compoundId });
    expect(opened.body).toMatchObject({ bankName: null, accountNo: null });
    const record = { ...opened.body, bankName: '包商银行', accountNo: '62170000999' };
    expect(
      (
        await t.api
          .put(`/api/fund-accounts/${opened.body.id}`)
          .set(bearer(await t.login('d150202')))
          .send(record)
      ).status,
    ).toBe(403);
    expect(
      (
        await t.api
          .put(`/api/fund-accounts/${opened.body.id}`)
          .set(bearer(district))
          .send({ ...record, balanceFen: 100 })
      ).status,
    ).toBe(400);
    const put = await t.api.put(`/api/fund-accounts/${opened.body.id}`).set(bearer(district)).send(record);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ bankName: '包商银行', accountNo: '62170000999', balanceFen: 0 });
    expect((await audits(opened.body.id)).map((a) => a.action)).toEqual(['create', 'update']);
  });
});
