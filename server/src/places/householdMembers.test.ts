import { createTestApi, type TestApi } from '../../../test/support/api';
import { committeeMemberHome, residentWithHome, unclaimedHomes } from '../../../test/support/residents';

/** Household members (issue 16 §4; shared householdMembers.ts): registered by the owner, they file repairs but neither vote nor see the fund. */
let t: TestApi;
let compoundId: number;
let home: { id: number; ledger_id: number };
let owner: string;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const repair = { kind: 'repair', category: 'plumbing', description: '厨房水管漏水，地面积水', preferredTime: '今天下午' };

beforeAll(async () => {
  t = await createTestApi();
  [{ id: compoundId }] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE code = 'BT0001'`);
  home = await unclaimedHomes(t, compoundId)();
  owner = await residentWithHome(t, 'member-owner', home.id);
});
afterAll(() => t.close());

test('only the verified owner registers members; bad input is refused on its fields', async () => {
  const stranger = await t.residentToken('member-stranger');
  expect(
    (await t.api.post(`/api/mini/households/${home.id}/members`).set(bearer(stranger)).send({ name: '王租户', phone: '13900002222', relation: 'tenant' }))
      .status,
  ).toBe(403);
  expect((await t.api.get(`/api/mini/households/${home.id}/members`).set(bearer(stranger))).status).toBe(403);
  const bad = await t.api.post(`/api/mini/households/${home.id}/members`).set(bearer(owner)).send({ name: '', phone: '123', relation: 'friend' });
  expect(bad.status).toBe(400);
  expect(Object.keys(bad.body.error.fields).sort()).toEqual(['name', 'phone', 'relation']);
  expect((await t.api.post(`/api/mini/households/${home.id}/members`).send({})).status).toBe(401);
  const staff = await t.api
    .post(`/api/mini/households/${home.id}/members`)
    .set(bearer(await t.login('community')))
    .send({ name: '王租户', phone: '13900002222', relation: 'tenant' });
  expect(staff.status).toBe(403);
});

test('a tenant registered by the owner binds once and files a repair, but cannot vote, see the fund or manage members; removed, they cannot file', async () => {
  const added = await t.api
    .post(`/api/mini/households/${home.id}/members`)
    .set(bearer(owner))
    .send({ name: '王租户', phone: '13900002222', relation: 'tenant' });
  expect(added.status).toBe(201);
  expect(added.body).toMatchObject({ name: '王租户', relation: 'tenant', phone: '139****2222', status: 'invited' });
  const again = await t.api
    .post(`/api/mini/households/${home.id}/members`)
    .set(bearer(owner))
    .send({ name: '王租户', phone: '13900002222', relation: 'tenant' });
  expect(again.status).toBe(400);
  expect(again.body.error.fields.phone).toBeTruthy();

  const tenant = await t.residentToken('member-tenant');
  // before binding: no repairs for this home
  expect(
    (
      await t.api
        .post('/api/tickets')
        .set(bearer(tenant))
        .send({ householdId: home.id, ...repair })
    ).status,
  ).toBe(403);
  const wrong = await t.api.post('/api/mini/household-members/bind').set(bearer(tenant)).send({ householdId: home.id, name: '王二', phone: '13900002222' });
  expect(wrong.status).toBe(400);
  // 20 accounts try to bind the same registration at once: exactly one wins
  const tokens = [tenant, ...(await Promise.all(Array.from({ length: 19 }, (_, i) => t.residentToken(`member-rival-${i}`))))];
  const binds = await Promise.all(
    tokens.map((tk) => t.api.post('/api/mini/household-members/bind').set(bearer(tk)).send({ householdId: home.id, name: '王租户', phone: '13900002222' })),
  );
  expect(binds.filter((r) => r.status === 200)).toHaveLength(1);
  expect(binds.filter((r) => r.status === 409)).toHaveLength(19);
  const winner = tokens[binds.findIndex((r) => r.status === 200)];
  expect(await t.query(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'member_bound' AND entity_id = $1`, [String(added.body.id)])).toEqual([
    { n: 1 },
  ]);

  const mine = await t.api.get('/api/mini/household-members/mine').set(bearer(winner));
  expect(mine.body).toEqual([expect.objectContaining({ householdId: home.id, relation: 'tenant' })]);
  const filed = await t.api
    .post('/api/tickets')
    .set(bearer(winner))
    .send({ householdId: home.id, ...repair });
  expect(filed.status).toBe(201);
  expect((await t.api.get(`/api/tickets/${filed.body.id}`).set(bearer(winner))).status).toBe(200);

  // no vote: the ballot is refused and nothing is stored
  const member = await residentWithHome(t, 'member-committee', await committeeMemberHome(t, 'BT0001'));
  const vote = await t.api
    .post('/api/votes')
    .set(bearer(member))
    .send({ compoundId, title: '更换电梯', matter: 'other', closesAt: new Date(Date.now() + 7 * 86400000).toISOString(), status: 'open' });
  expect(vote.status).toBe(201);
  const ballot = await t.api.post(`/api/votes/${vote.body.id}/ballots`).set(bearer(winner)).send({ householdId: home.id, choice: 'agree' });
  expect([403, 404]).toContain(ballot.status);
  expect(await t.query(`SELECT count(*)::int AS n FROM ballots WHERE vote_id = $1`, [vote.body.id])).toEqual([{ n: 0 }]);
  // no fund ledger of the home, no member management
  const ledgers = await t.api
    .get('/api/fund-ledgers')
    .query({ filter: JSON.stringify({ householdId: home.id }) })
    .set(bearer(winner));
  expect(ledgers.status === 403 || (ledgers.status === 200 && ledgers.body.length === 0)).toBe(true);
  expect((await t.api.get(`/api/mini/households/${home.id}/members`).set(bearer(winner))).status).toBe(403);
  // the owner sees the ledger and the member
  expect(
    (
      await t.api
        .get('/api/fund-ledgers')
        .query({ filter: JSON.stringify({ householdId: home.id }) })
        .set(bearer(owner))
    ).body,
  ).toHaveLength(1);
  const listed = await t.api.get(`/api/mini/households/${home.id}/members`).set(bearer(owner));
  expect(listed.body).toEqual([expect.objectContaining({ id: added.body.id, status: 'bound' })]);

  // removed by the owner: filing is refused again
  expect((await t.api.delete(`/api/mini/households/${home.id}/members/${added.body.id}`).set(bearer(owner))).status).toBe(200);
  expect(
    (
      await t.api
        .post('/api/tickets')
        .set(bearer(winner))
        .send({ householdId: home.id, ...repair })
    ).status,
  ).toBe(403);
  expect((await t.api.delete(`/api/mini/households/${home.id}/members/${added.body.id}`).set(bearer(owner))).status).toBe(404);
});
