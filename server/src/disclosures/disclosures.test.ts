import { createTestApi, type TestApi } from '../../../test/support/api';
import { committeeMemberHome, residentWithHome } from '../../../test/support/residents';

let t: TestApi;
let a: { id: number };
let b: { id: number };
let member: string;
let resident: string;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const count = async () => (await t.query<{ n: number }>('SELECT count(*)::int AS n FROM disclosures'))[0].n;
const statement = {
  openingFen: 100000,
  incomeLines: [
    { label: '广告收入', amountFen: 50000 },
    { label: '停车收入', amountFen: 20000 },
  ],
  expenseLines: [{ label: '绿化', amountFen: 30000 }],
  closingFen: 140000,
};
const income = (overrides: Record<string, unknown> = {}) => ({
  compoundId: a.id,
  kind: 'income_statement',
  title: '2025年第一季度公共收益',
  periodStart: '2025-01-01',
  periodEnd: '2025-03-31',
  statement,
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApi();
  [a] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE code = 'BT0001'`);
  [b] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE code = 'BT0002'`);
  member = await residentWithHome(t, 'd-member', await committeeMemberHome(t, 'BT0001'));
  const [home] = await t.query<{ id: number }>('SELECT id FROM households WHERE compound_id = $1 AND owner_id IS NOT NULL ORDER BY id DESC LIMIT 1', [a.id]);
  resident = await residentWithHome(t, 'd-resident', home.id);
});
afterAll(() => t.close());

async function publish(body: Record<string, unknown>) {
  const draft = await t.api.post('/api/disclosures').set(bearer(member)).send(body);
  expect(draft.status).toBe(201);
  const pub = await t.api.post(`/api/disclosures/${draft.body.id}/publish`).set(bearer(member));
  expect(pub.status).toBe(200);
  return pub.body as { id: number; status: string; version: number };
}

describe('statements balance to the fen (DOMAIN.md §2)', () => {
  test('an unbalanced statement → 400 with the difference, nothing stored', async () => {
    const before = await count();
    const res = await t.api
      .post('/api/disclosures')
      .set(bearer(member))
      .send(income({ statement: { ...statement, closingFen: 139990 } }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('STATEMENT_UNBALANCED');
    expect(res.body.error.fields.closingFen).toBe('收支不平衡：差额 10 分');
    expect(await count()).toBe(before);
  });

  test.each([
    [{ statement: { ...statement, openingFen: 1.5 } }, 'VALIDATION_FAILED'],
    [{ statement: { ...statement, openingFen: -1 } }, 'VALIDATION_FAILED'],
    [{ statement: null }, 'VALIDATION_FAILED'],
    [{ periodStart: '2025-04-01' }, 'VALIDATION_FAILED'],
    [{ extra: 1 }, 'UNKNOWN_FIELD'],
  ])('bad statement %j → 400 %s', async (overrides, code) => {
    const before = await count();
    const res = await t.api.post('/api/disclosures').set(bearer(member)).send(income(overrides));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(await count()).toBe(before);
  });
});

describe('publishing, versions and corrections', () => {
  test('published is never edited; a correction is a new version and both stay visible', async () => {
    const first = await publish(income());
    expect(first.status).toBe('published');
    const put = await t.api
      .put(`/api/disclosures/${first.id}`)
      .set(bearer(member))
      .send(income({ title: '改标题' }));
    expect(put.status).toBe(409);
    expect(put.body.error.code).toBe('DISCLOSURE_PUBLISHED');
    const corrected = await t.api
      .post(`/api/disclosures/${first.id}/correct`)
      .set(bearer(member))
      .send(
        income({
          title: '2025年第一季度公共收益（更正）',
          statement: { ...statement, expenseLines: [{ label: '绿化', amountFen: 31000 }], closingFen: 139000 },
        }),
      );
    expect(corrected.status).toBe(201);
    expect(corrected.body).toMatchObject({ version: 2, correctsId: first.id, current: true, status: 'published' });
    const old = await t.api.get(`/api/disclosures/${first.id}`).set(bearer(resident));
    expect(old.body).toMatchObject({ supersededById: corrected.body.id, current: false, title: '2025年第一季度公共收益' });
    expect((await t.api.post(`/api/disclosures/${first.id}/correct`).set(bearer(member)).send(income())).status).toBe(409);
  });

  test("residents read their compound's published disclosures newest first; drafts stay with the committee", async () => {
    const draft = await t.api.post('/api/disclosures').set(bearer(member)).send({ compoundId: a.id, kind: 'minutes', title: '会议纪要草稿', body: '……' });
    const list = await t.api
      .get(`/api/disclosures?filter=${encodeURIComponent(JSON.stringify({ compoundId: a.id }))}&sort=${encodeURIComponent('["publishedAt","DESC"]')}`)
      .set(bearer(resident));
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    expect(list.body.every((d: { status: string }) => d.status !== 'draft')).toBe(true);
    expect((await t.api.get(`/api/disclosures/${draft.body.id}`).set(bearer(resident))).status).toBe(404);
    expect((await t.api.get(`/api/disclosures/${draft.body.id}`).set(bearer(member))).status).toBe(200);
  });

  test("a resident of B reads none of A's; a member of A cannot publish for B", async () => {
    const [homeB] = await t.query<{ id: number }>('SELECT id FROM households WHERE compound_id = $1 AND owner_id IS NOT NULL ORDER BY id LIMIT 1', [b.id]);
    const residentB = await residentWithHome(t, 'd-resident-b', homeB.id);
    const [pub] = await t.query<{ id: number }>(`SELECT id FROM disclosures WHERE compound_id = $1 AND status = 'published' LIMIT 1`, [a.id]);
    expect((await t.api.get(`/api/disclosures/${pub.id}`).set(bearer(residentB))).status).toBe(404);
    const before = await count();
    const res = await t.api
      .post('/api/disclosures')
      .set(bearer(member))
      .send(income({ compoundId: b.id }));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('NOT_COMMITTEE_MEMBER');
    expect((await t.api.post('/api/disclosures').set(bearer(resident)).send(income())).status).toBe(403);
    expect(await count()).toBe(before);
  });
});

describe('纠错 flags reach the committee and the street', () => {
  test('a resident flags a line; the committee and the street see it; the committee answers', async () => {
    const d = await publish(income({ title: '待纠错的公示' }));
    const bad = await t.api.post('/api/disclosure-flags').set(bearer(resident)).send({ disclosureId: d.id, line: 'income:9', comment: '没有这一项' });
    expect(bad.status).toBe(400);
    const flag = await t.api.post('/api/disclosure-flags').set(bearer(resident)).send({ disclosureId: d.id, line: 'expense:0', comment: '绿化费用与实际不符' });
    expect(flag.status).toBe(201);
    const street = await t.login('street');
    const queue = await t.api.get(`/api/disclosure-flags?filter=${encodeURIComponent(JSON.stringify({ status: 'open' }))}`).set(bearer(street));
    expect(queue.body.map((f: { id: number }) => f.id)).toContain(flag.body.id);
    const committeeView = await t.api.get('/api/disclosure-flags').set(bearer(member));
    expect(committeeView.body.map((f: { id: number }) => f.id)).toContain(flag.body.id);
    expect((await t.api.post(`/api/disclosure-flags/${flag.body.id}/answer`).set(bearer(resident)).send({ answer: '我来答' })).status).toBe(403);
    const answered = await t.api.post(`/api/disclosure-flags/${flag.body.id}/answer`).set(bearer(member)).send({ answer: '已核实，下期更正' });
    expect(answered.body).toMatchObject({ status: 'answered', answer: '已核实，下期更正' });
  });
});

describe('the street orders a correction and revokes a decision', () => {
  test("both are published to the compound's residents", async () => {
    const decision = await publish({ compoundId: a.id, kind: 'decision', title: '关于占用绿地建停车位的决定', body: '……' });
    const street = await t.login('street');
    const order = await t.api.post('/api/disclosures').set(bearer(street)).send({
      compoundId: a.id,
      kind: 'street_order',
      title: '责令改正通知书',
      body: '该决定违反规划，限期改正',
      dueDate: '2099-01-31',
      targetId: decision.id,
    });
    expect(order.status).toBe(201);
    await t.api.post(`/api/disclosures/${order.body.id}/publish`).set(bearer(street));
    expect((await t.api.post(`/api/disclosures/${decision.id}/revoke`).set(bearer(member)).send({ reason: 'x' })).status).toBe(403);
    expect(
      (
        await t.api
          .post(`/api/disclosures/${decision.id}/revoke`)
          .set(bearer(await t.login('d150202')))
          .send({ reason: 'x' })
      ).status,
    ).toBe(403);
    const revoked = await t.api.post(`/api/disclosures/${decision.id}/revoke`).set(bearer(street)).send({ reason: '逾期未改正，依法撤销' });
    expect(revoked.status).toBe(201);
    expect(revoked.body).toMatchObject({ kind: 'street_revocation', targetId: decision.id, status: 'published' });
    const seen = await t.api.get(`/api/disclosures?filter=${encodeURIComponent(JSON.stringify({ compoundId: a.id }))}&range=[0,99]`).set(bearer(resident));
    const kinds = seen.body.map((d: { kind: string }) => d.kind);
    expect(kinds).toEqual(expect.arrayContaining(['street_order', 'street_revocation']));
    expect(seen.body.find((d: { id: number }) => d.id === decision.id).status).toBe('revoked');
  });
});
