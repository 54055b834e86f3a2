import { createTestApi, type TestApi } from '../../../test/support/api';
import { committeeMemberHome, residentWithHome } from '../../../test/support/residents';
import { fundInvariantBreaks } from '../../../test/support/fundInvariant';

let t: TestApi;
let company: string;
let district: string;
let target: { compound_id: number; code: string; unit_id: number; account_id: number };
let otherUnit: number;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const entries = async () => (await t.query<{ n: number }>('SELECT count(*)::int AS n FROM fund_entries'))[0].n;

beforeAll(async () => {
  t = await createTestApi();
  company = await t.login('company');
  district = await t.login('d150203');
  // A compound the demo company serves, in 150203, with a committee in office; its smallest unit.
  [target] = await t.query(`
    SELECT c.id AS compound_id, c.code, a.id AS account_id,
           (SELECT u.id FROM units u WHERE u.compound_id = c.id ORDER BY (SELECT count(*) FROM households h WHERE h.unit_id = u.id), u.id LIMIT 1) AS unit_id
      FROM compounds c JOIN projects p ON p.compound_id = c.id JOIN users s ON s.company_id = p.company_id AND s.username = 'company'
      JOIN fund_accounts a ON a.compound_id = c.id
     WHERE c.region_code LIKE '150203%' AND EXISTS (SELECT 1 FROM committees k WHERE k.compound_id = c.id AND k.status = 'in_office')
     ORDER BY c.id LIMIT 1`);
  if (!target) throw new Error('fixture: the demo company serves no 150203 compound with a committee');
  // Homes that never made their first deposit make theirs now (else approvals meet a shortfall).
  const owing = await t.query<{ household_id: number }>('SELECT household_id FROM fund_ledgers WHERE account_id = $1 AND first_deposit_fen = 0', [
    target.account_id,
  ]);
  for (const o of owing) {
    const res = await t.api
      .post(`/api/fund-accounts/${target.account_id}/deposits`)
      .set(bearer(district))
      .send({ householdId: o.household_id, kind: 'first_deposit' });
    expect(res.status).toBe(201);
  }
  otherUnit = (await t.query<{ id: number }>('SELECT id FROM units WHERE compound_id <> $1 ORDER BY id LIMIT 1', [target.compound_id]))[0].id;
});
afterEach(async () => expect(await fundInvariantBreaks(t)).toEqual([]));
afterAll(() => t.close());

const liftRepair = (overrides: Record<string, unknown> = {}) => ({
  compoundId: target.compound_id,
  title: '电梯主机更换',
  items: [
    { name: '曳引主机', budgetFen: 1200000 },
    { name: '控制柜', budgetFen: 300000 },
  ],
  contractor: '包头市安达电梯工程有限公司',
  scopeType: 'units',
  scopeIds: [target.unit_id],
  ...overrides,
});

async function unitVote(voteId: number, choice: 'agree' | 'disagree') {
  const homes = await t.query<{ id: number }>('SELECT id FROM households WHERE unit_id = $1 AND owner_id IS NOT NULL ORDER BY id', [target.unit_id]);
  for (const h of homes) {
    const token = await residentWithHome(t, `unit-${h.id}`, h.id);
    const res = await t.api.post(`/api/votes/${voteId}/ballots`).set(bearer(token)).send({ householdId: h.id, choice });
    expect(res.status).toBe(201);
  }
  const street = await t.login('street');
  const closer = (await t.query<{ region_code: string }>('SELECT region_code FROM compounds WHERE id = $1', [target.compound_id]))[0].region_code.startsWith(
    '150203001',
  )
    ? street
    : await residentWithHome(t, 'closer', await committeeMemberHome(t, target.code));
  const closed = await t.api.post(`/api/votes/${voteId}/close`).set(bearer(closer));
  expect(closed.status).toBe(200);
  return closed.body;
}

describe('DOMAIN.md §3 usage procedure, normal route', () => {
  test('proposal → unit owners vote → review → supervision → acceptance → disbursement and disclosure', async () => {
    const created = await t.api.post('/api/fund-applications').set(bearer(company)).send(liftRepair());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', budgetFen: 1500000 });
    const early = await t.api.post(`/api/fund-applications/${created.body.id}/disburse`).set(bearer(district));
    expect(early.status).toBe(409);
    const submitted = await t.api.post(`/api/fund-applications/${created.body.id}/submit`).set(bearer(company));
    expect(submitted.body.status).toBe('voting');
    const [vote] = await t.query<{ matter: string; scope_type: string; eligible_count: number }>(
      'SELECT matter, scope_type, eligible_count FROM votes WHERE id = $1',
      [submitted.body.voteId],
    );
    expect(vote).toMatchObject({ matter: 'fund_use', scope_type: 'units' });
    expect((await t.api.post(`/api/fund-applications/${created.body.id}/submit`).set(bearer(company))).body.error.code).toBe('VOTE_NOT_CLOSED');
    const result = await unitVote(submitted.body.voteId, 'agree');
    expect(result.approved).toBe(true);
    const reviewing = await t.api.post(`/api/fund-applications/${created.body.id}/submit`).set(bearer(company));
    expect(reviewing.body.status).toBe('under_review');
    expect((await t.api.post(`/api/fund-applications/${created.body.id}/review`).set(bearer(company)).send({ decision: 'approve' })).status).toBe(403);
    const approved = await t.api.post(`/api/fund-applications/${created.body.id}/review`).set(bearer(district)).send({ decision: 'approve' });
    expect(approved.body).toMatchObject({ status: 'approved' });
    const supervised = await t.api
      .post(`/api/fund-applications/${created.body.id}/supervise`)
      .set(bearer(district))
      .send({ supervisor: '包头市建设监理有限公司', report: '施工符合规范，审定造价如下', auditedCostFen: 1450000 });
    expect(supervised.body.status).toBe('supervised');
    const accepted = await t.api.post(`/api/fund-applications/${created.body.id}/accept`).set(bearer(district)).send({ actualCostFen: 1438877 });
    expect(accepted.body.status).toBe('accepted');
    const shares = await t.api.get(`/api/fund-applications/${created.body.id}/shares`).set(bearer(district));
    expect(shares.body.shares.reduce((s: number, x: { fen: number }) => s + x.fen, 0)).toBe(1438877);
    const before = await entries();
    const paid = await t.api.post(`/api/fund-applications/${created.body.id}/disburse`).set(bearer(district));
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('disbursed');
    const [batch] = await t.query<{ n: number; s: string }>(`SELECT count(*)::int AS n, sum(amount_fen)::text AS s FROM fund_entries WHERE reference = $1`, [
      `application:${created.body.id}`,
    ]);
    expect(batch).toEqual({ n: shares.body.shares.length, s: '-1438877' });
    expect(await entries()).toBe(before + shares.body.shares.length);
    const [d] = await t.query<{ kind: string; status: string; body: string }>('SELECT kind, status, body FROM disclosures WHERE id = $1', [
      paid.body.disclosureId,
    ]);
    expect(d).toMatchObject({ kind: 'fund_usage', status: 'published' });
    expect(d.body).toContain('14388.77');
    const again = await t.api.post(`/api/fund-applications/${created.body.id}/disburse`).set(bearer(district));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_DISBURSED');
    expect(await entries()).toBe(before + shares.body.shares.length);
    // A resident of that unit sees their own share only.
    const [home] = await t.query<{ id: number }>('SELECT id FROM households WHERE unit_id = $1 AND owner_id IS NOT NULL ORDER BY id LIMIT 1', [target.unit_id]);
    const resident = await residentWithHome(t, `unit-${home.id}`, home.id);
    const mine = await t.api.get(`/api/fund-applications/${created.body.id}/shares`).set(bearer(resident));
    expect(mine.body.shares.map((s: { householdId: number }) => s.householdId)).toEqual([home.id]);
  });

  test('a failed vote ends the application: 409, nothing posted', async () => {
    const created = await t.api
      .post('/api/fund-applications')
      .set(bearer(company))
      .send(liftRepair({ title: '外墙粉刷' }));
    const submitted = await t.api.post(`/api/fund-applications/${created.body.id}/submit`).set(bearer(company));
    await unitVote(submitted.body.voteId, 'disagree');
    const before = await entries();
    const res = await t.api.post(`/api/fund-applications/${created.body.id}/submit`).set(bearer(company));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('VOTE_FAILED');
    expect((await t.api.get(`/api/fund-applications/${created.body.id}`).set(bearer(district))).body.status).toBe('rejected');
    expect((await t.api.post(`/api/fund-applications/${created.body.id}/review`).set(bearer(district)).send({ decision: 'approve' })).status).toBe(409);
    expect(await entries()).toBe(before);
  });

  test.each([
    ['a unit of another compound', () => liftRepair({ scopeIds: [otherUnit] }), 400],
    ['no items', () => liftRepair({ items: [] }), 400],
    ['a fractional budget', () => liftRepair({ items: [{ name: 'x', budgetFen: 10.5 }] }), 400],
    ['an emergency kind on a normal repair', () => liftRepair({ emergencyKind: 'roof_leak' }), 400],
  ])('refused: %s', async (_n, body, status) => {
    const before = (await t.query<{ n: number }>('SELECT count(*)::int AS n FROM fund_applications'))[0].n;
    const res = await t.api.post('/api/fund-applications').set(bearer(company)).send(body());
    expect(res.status).toBe(status);
    expect((await t.query<{ n: number }>('SELECT count(*)::int AS n FROM fund_applications'))[0].n).toBe(before);
  });

  test('a company not serving the compound cannot propose', async () => {
    const [other] = await t.query<{ id: number }>(
      `SELECT c.id FROM compounds c WHERE NOT EXISTS (SELECT 1 FROM projects p JOIN users u ON u.company_id = p.company_id AND u.username = 'company' WHERE p.compound_id = c.id) ORDER BY id LIMIT 1`,
    );
    const res = await t.api
      .post('/api/fund-applications')
      .set(bearer(company))
      .send(liftRepair({ compoundId: other.id, scopeType: 'compound', scopeIds: [] }));
    expect(res.status).toBe(403);
  });
});

describe('emergency route and shortfalls', () => {
  test('an emergency skips the vote; an undisclosed one is flagged after 7 days', async () => {
    const created = await t.api
      .post('/api/fund-applications')
      .set(bearer(company))
      .send(liftRepair({ title: '电梯困人故障抢修', emergency: true, emergencyKind: 'lift_fault', items: [{ name: '抱闸更换', budgetFen: 80000 }] }));
    const submitted = await t.api.post(`/api/fund-applications/${created.body.id}/submit`).set(bearer(company));
    expect(submitted.body).toMatchObject({ status: 'under_review', voteId: null });
    const approved = await t.api.post(`/api/fund-applications/${created.body.id}/review`).set(bearer(district)).send({ decision: 'approve' });
    expect(approved.body.status).toBe('approved');
    await t.query(`UPDATE fund_applications SET approved_at = now() - interval '8 days' WHERE id = $1`, [created.body.id]);
    const flagged = await t.api.get(`/api/fund-applications?filter=${encodeURIComponent(JSON.stringify({ disclosureOverdue: true }))}`).set(bearer(district));
    expect(flagged.body.map((a: { id: number }) => a.id)).toContain(created.body.id);
    await t.api.post(`/api/fund-applications/${created.body.id}/accept`).set(bearer(district)).send({ actualCostFen: 79000 });
    const paid = await t.api.post(`/api/fund-applications/${created.body.id}/disburse`).set(bearer(district));
    expect(paid.body).toMatchObject({ status: 'disbursed', disclosureOverdue: false });
  });

  test('shares that would overdraw households show the shortfall and block approval', async () => {
    const created = await t.api
      .post('/api/fund-applications')
      .set(bearer(company))
      .send(liftRepair({ title: '电梯整体更换', emergency: true, emergencyKind: 'lift_fault', items: [{ name: '整梯更换', budgetFen: 900000000 }] }));
    await t.api.post(`/api/fund-applications/${created.body.id}/submit`).set(bearer(company));
    const shares = await t.api.get(`/api/fund-applications/${created.body.id}/shares`).set(bearer(district));
    expect(shares.body.shortfallFen).toBeGreaterThan(0);
    const res = await t.api.post(`/api/fund-applications/${created.body.id}/review`).set(bearer(district)).send({ decision: 'approve' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SHORTFALL');
    const returned = await t.api.post(`/api/fund-applications/${created.body.id}/review`).set(bearer(district)).send({ decision: 'return' });
    expect(returned.status).toBe(400);
    const withReason = await t.api
      .post(`/api/fund-applications/${created.body.id}/review`)
      .set(bearer(district))
      .send({ decision: 'return', reason: '各户余额不足，请先组织续交' });
    expect(withReason.body.status).toBe('returned');
  });
});

describe('concurrency never loses or doubles a fen', () => {
  async function acceptedEmergency(title: string, costFen: number) {
    const created = await t.api
      .post('/api/fund-applications')
      .set(bearer(company))
      .send(
        liftRepair({
          title,
          emergency: true,
          emergencyKind: 'pump_failure',
          items: [{ name: title, budgetFen: costFen }],
          scopeType: 'compound',
          scopeIds: [],
        }),
      );
    await t.api.post(`/api/fund-applications/${created.body.id}/submit`).set(bearer(company));
    await t.api.post(`/api/fund-applications/${created.body.id}/review`).set(bearer(district)).send({ decision: 'approve' });
    await t.api.post(`/api/fund-applications/${created.body.id}/accept`).set(bearer(district)).send({ actualCostFen: costFen });
    return created.body.id as number;
  }

  test('two disbursements of the same application at once: exactly one posts', async () => {
    const id = await acceptedEmergency('水泵更换', 300001);
    const before = await entries();
    const [a, b] = await Promise.all([
      t.api.post(`/api/fund-applications/${id}/disburse`).set(bearer(district)),
      t.api.post(`/api/fund-applications/${id}/disburse`).set(bearer(district)),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [sum] = await t.query<{ s: string }>(`SELECT sum(amount_fen)::text AS s FROM fund_entries WHERE reference = $1`, [`application:${id}`]);
    expect(sum.s).toBe('-300001');
    expect(await entries()).toBeGreaterThan(before);
  });

  test('a disbursement racing an earnings allocation on the same account: both exact', async () => {
    const id = await acceptedEmergency('消防水泵抢修', 200003);
    const [{ b: before }] = await t.query<{ b: string }>('SELECT balance_fen::text AS b FROM fund_accounts WHERE id = $1', [target.account_id]);
    const today = new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
    const [pay, earn] = await Promise.all([
      t.api.post(`/api/fund-applications/${id}/disburse`).set(bearer(district)),
      t.api.post(`/api/fund-accounts/${target.account_id}/allocate-earnings`).set(bearer(district)).send({ periodEnd: today, amountFen: 77777 }),
    ]);
    expect(pay.status).toBe(200);
    expect(earn.status).toBe(201);
    const [{ b: after }] = await t.query<{ b: string }>('SELECT balance_fen::text AS b FROM fund_accounts WHERE id = $1', [target.account_id]);
    expect(BigInt(after) - BigInt(before)).toBe(77777n - 200003n);
  });
});
