import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { committeeMemberHome, residentWithHome } from '../../../test/support/residents';

/** Issue 9 §9 (PIPL, DOMAIN.md §1/§7): a live result must not reveal one home's area and choice. */
let t: TestApi;
let uploadDir: string;
let compound: { id: number };
let member: string;
let street: string;
/** Two buildings' owned homes, five each. */
let a: number[];
let b: number[];
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const inAWeek = () => new Date(Date.now() + 7 * 86400000).toISOString();

beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-privacy-'));
  t = await createTestApi({ UPLOAD_DIR: uploadDir });
  [compound] = await t.query(`SELECT id FROM compounds WHERE code = 'BT0001'`);
  member = await residentWithHome(t, 'privacy-member', await committeeMemberHome(t, 'BT0001'));
  street = await t.login('street');
  const buildings = await t.query<{ building_id: number; ids: number[] }>(
    `SELECT building_id, (array_agg(id ORDER BY id))[1:5] AS ids FROM households WHERE compound_id = $1 AND owner_id IS NOT NULL GROUP BY building_id HAVING count(*) >= 5 ORDER BY building_id LIMIT 2`,
    [compound.id],
  );
  [a, b] = buildings.map((x) => x.ids);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

async function openVote() {
  const res = await t.api
    .post('/api/votes')
    .set(bearer(member))
    .send({ compoundId: compound.id, title: '公共收益使用', matter: 'other', closesAt: inAWeek(), status: 'open' });
  expect(res.status).toBe(201);
  return res.body.id as number;
}
async function enter(voteId: number, householdId: number, choice = 'agree') {
  const up = await t.api.post('/api/uploads').set(bearer(member)).attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'b.pdf');
  const res = await t.api.post(`/api/votes/${voteId}/ballots`).set(bearer(member)).send({ householdId, choice, channel: 'door', scanUrl: up.body.url });
  expect(res.status).toBe(201);
}
const result = async (voteId: number, token: string) => (await t.api.get(`/api/votes/${voteId}/result`).set(bearer(token))).body;
const shownBallots = (r: { byBuilding: { ballots: number }[] }) => r.byBuilding.reduce((s, x) => s + x.ballots, 0);

describe('issue 9 §9: live vote results by the ballot bar (VOTE_BUILDING_RESULT_MIN_BALLOTS = 5)', () => {
  test('one ballot: residents see no figures at all; staff see the totals but not the building', async () => {
    const vote = await openVote();
    await enter(vote, a[0]);
    const owner = await residentWithHome(t, 'privacy-owner', b[0]);
    for (const resident of [member, owner]) {
      const r = await result(vote, resident);
      expect(r).toMatchObject({ withheld: true, ballotCount: 1, minBallots: 5 });
      expect(r).not.toHaveProperty('participatedArea');
      expect(r).not.toHaveProperty('agreeArea');
      expect(r).not.toHaveProperty('byBuilding');
    }
    const staff = await result(vote, street);
    expect(staff).toMatchObject({ withheld: false, participatedOwners: 1 });
    expect(shownBallots(staff)).toBe(0);
    expect(staff.withheldBuildings).toMatchObject({ ballots: 1, figures: null });
  });

  test('five ballots in one building: its figures are published to residents', async () => {
    const vote = await openVote();
    for (const h of a) await enter(vote, h, h === a[0] ? 'disagree' : 'agree');
    const r = await result(vote, member);
    expect(r).toMatchObject({ withheld: false, withheldBuildings: null });
    const building = r.byBuilding.find((x: { ballots: number }) => x.ballots === 5);
    expect(building.agreeArea + building.disagreeArea).toBe(building.participatedArea);
  });

  test('sibling: a lone ballot in a second building is not given away by subtraction — the smallest published building is merged with it', async () => {
    const vote = await openVote();
    for (const h of a) await enter(vote, h);
    await enter(vote, b[0], 'disagree');
    const r = await result(vote, member);
    expect(r.withheld).toBe(false);
    expect(shownBallots(r)).toBe(0);
    expect(r.withheldBuildings).toMatchObject({ buildings: 2, ballots: 6 });
    expect(r.withheldBuildings.figures.participatedArea).toBe(r.participatedArea);
  });

  test('after closing the decision is published whole; buildings still follow the bar', async () => {
    const vote = await openVote();
    await enter(vote, a[1]);
    expect((await t.api.post(`/api/votes/${vote}/close`).set(bearer(street))).status).toBe(200);
    const r = await result(vote, member);
    expect(r).toMatchObject({ withheld: false, status: 'closed', participatedOwners: 1, approved: false });
    expect(shownBallots(r)).toBe(0);
    expect(r.withheldBuildings.figures).toBeNull();
  });
});
