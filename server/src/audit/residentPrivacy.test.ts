import { createTestApi, type TestApi } from '../../../test/support/api';
import { committeeMemberHome, residentWithHome } from '../../../test/support/residents';

// Issue 9 §9 (DOMAIN.md §7): the audit log reveals no more than the role may read elsewhere — ballot
// rows (how and when a home voted) only to roles that may see ballots, residents' names only to roles
// that may read owners' names (households' fieldAccess); party-building staff may do neither.

let t: TestApi;
let voteId: number;
let member: { token: string; id: number; name: string };
let owner: { token: string; name: string };
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const inAWeek = () => new Date(Date.now() + 7 * 86400000).toISOString();
const userOf = async (token: string) => {
  const sub = Number(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub);
  return (await t.query<{ id: number; name: string }>('SELECT id, name FROM users WHERE id = $1', [sub]))[0];
};
type AuditRow = { actorId: number | null; actorName: string; action: string; entity: string; entityId: string; after: Record<string, unknown> | null };
const audit = async (who: string, filter: Record<string, unknown>) => {
  const res = await t.api.get(`/api/audit-logs?range=[0,999]&filter=${encodeURIComponent(JSON.stringify(filter))}`).set(bearer(await t.login(who)));
  expect(res.status).toBe(200);
  return res.body as AuditRow[];
};

beforeAll(async () => {
  t = await createTestApi();
  const [compound] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE code = 'BT0001'`);
  const memberHome = await committeeMemberHome(t, 'BT0001');
  const token = await residentWithHome(t, 'audit-privacy-member', memberHome);
  member = { token, ...(await userOf(token)) };
  const [home] = await t.query<{ id: number }>(
    `SELECT id FROM households WHERE compound_id = $1 AND owner_id IS NOT NULL AND id <> $2 ORDER BY id DESC LIMIT 1`,
    [compound.id, memberHome],
  );
  const ownerToken = await residentWithHome(t, 'audit-privacy-owner', home.id);
  owner = { token: ownerToken, name: (await userOf(ownerToken)).name };
  const vote = await t.api
    .post('/api/votes')
    .set(bearer(member.token))
    .send({ compoundId: compound.id, title: '审计隐私测试表决', matter: 'hire_dismiss_company', closesAt: inAWeek(), status: 'open' });
  expect(vote.status).toBe(201);
  voteId = vote.body.id;
  expect((await t.api.post(`/api/votes/${voteId}/ballots`).set(bearer(ownerToken)).send({ householdId: home.id, choice: 'agree' })).status).toBe(201);
});
afterAll(() => t.close());

describe("GET /api/audit-logs reveals no ballot and no resident's name to party-building staff", () => {
  test('the attack: party staff filtering action "ballot" see no ballot rows (the street still does)', async () => {
    expect(await audit('party', { action: 'ballot' })).toEqual([]);
    expect((await audit('party', { entity: 'votes', entityId: String(voteId) })).map((r) => r.action)).not.toContain('ballot');
    const street = await audit('street', { action: 'ballot', entityId: String(voteId) });
    expect(street).toEqual([expect.objectContaining({ actorName: owner.name, after: expect.objectContaining({ channel: 'online' }) })]);
  });

  test('sibling: a committee member (a resident) who started a vote is shown masked to party staff, and cannot be found by name or id', async () => {
    const rows = await audit('party', { entity: 'votes', entityId: String(voteId) });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toMatchObject({ actorName: `${Array.from(member.name)[0]}*`, actorId: null });
    expect(JSON.stringify(rows)).not.toContain(member.name);
    expect(await audit('party', { q: member.name })).toEqual([]);
    expect(await audit('party', { actorId: member.id })).toEqual([]);
    // the city administrator, who may read owners' names, sees the name and finds the rows
    const city = await audit('city', { entity: 'votes', entityId: String(voteId), action: 'create' });
    expect(city).toEqual([expect.objectContaining({ actorName: member.name, actorId: member.id })]);
    expect((await audit('city', { q: member.name })).length).toBeGreaterThan(0);
  });
});
