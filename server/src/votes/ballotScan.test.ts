import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { committeeMemberHome, residentWithHome } from '../../../test/support/residents';

// Issue 9 §5: a paper or door ballot is entered with a scan of that paper — one upload per ballot,
// fresh and unused like a ticket's photos (uploads/references.ts claimBallotScan).

let t: TestApi;
let uploadDir: string;
let compound: { id: number };
let member: string;
let memberHome: number;
let homes: { id: number }[];
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const inAWeek = () => new Date(Date.now() + 7 * 86400000).toISOString();
// the attacker's 67-byte PNG
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(59, 7)]);

beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-ballot-scan-'));
  t = await createTestApi({ UPLOAD_DIR: uploadDir, UPLOAD_QUOTA_FILES_PER_DAY: '500' });
  [compound] = await t.query(`SELECT id FROM compounds WHERE code = 'BT0001'`);
  memberHome = await committeeMemberHome(t, 'BT0001');
  member = await residentWithHome(t, 'scan-member', memberHome);
  homes = await t.query(`SELECT id FROM households WHERE compound_id = $1 AND id <> $2 ORDER BY id LIMIT 20`, [compound.id, memberHome]);
  expect(homes).toHaveLength(20);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

async function openVote(): Promise<number> {
  const res = await t.api
    .post('/api/votes')
    .set(bearer(member))
    .send({ compoundId: compound.id, title: '续聘物业服务企业', matter: 'hire_dismiss_company', closesAt: inAWeek(), status: 'open' });
  expect(res.status).toBe(201);
  return res.body.id;
}
async function upload(): Promise<{ id: number; url: string }> {
  const res = await t.api.post('/api/uploads').set(bearer(member)).attach('file', PNG, 'scan.png');
  expect(res.status).toBe(201);
  return res.body;
}
const enter = (voteId: number, householdId: number, channel: 'paper' | 'door', scanUrl: string) =>
  t.api.post(`/api/votes/${voteId}/ballots`).set(bearer(member)).send({ householdId, choice: 'agree', channel, scanUrl });
const ballotsOf = async (voteId: number) => (await t.query<{ n: number }>('SELECT count(*)::int AS n FROM ballots WHERE vote_id = $1', [voteId]))[0].n;

describe('a ballot scan serves one ballot', () => {
  test("the attack: one door ballot's scan reused for a paper ballot of another home → 409, nothing stored", async () => {
    const vote = await openVote();
    const scan = await upload();
    expect((await enter(vote, homes[0].id, 'door', scan.url)).status).toBe(201);
    const again = await enter(vote, homes[1].id, 'paper', scan.url);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('SCAN_ALREADY_USED');
    // another spelling of the same upload is the same scan
    expect((await enter(vote, homes[2].id, 'door', `/api/uploads/000${scan.id}`)).body.error.code).toBe('SCAN_ALREADY_USED');
    expect(await ballotsOf(vote)).toBe(1);
  });

  test("sibling: a scan used in one vote cannot be used in another, and a ticket's photo is no scan", async () => {
    const first = await openVote();
    const second = await openVote();
    const scan = await upload();
    expect((await enter(first, homes[3].id, 'paper', scan.url)).status).toBe(201);
    expect((await enter(second, homes[3].id, 'paper', scan.url)).status).toBe(409);
    const photo = await upload();
    const ticket = await t.api
      .post('/api/tickets')
      .set(bearer(member))
      .send({ householdId: memberHome, kind: 'repair', category: 'plumbing', description: '卫生间地漏返水，地面积水', photos: [photo.id] });
    expect(ticket.status).toBe(201);
    const res = await enter(second, homes[4].id, 'door', photo.url);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SCAN_ALREADY_USED');
    expect(await ballotsOf(second)).toBe(0);
  });

  test('20-way race: one scan entered for 20 homes at once → exactly one 201', async () => {
    const vote = await openVote();
    const scan = await upload();
    const results = await Promise.all(homes.map((h, i) => enter(vote, h.id, i % 2 ? 'paper' : 'door', scan.url)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.body.error.code === 'SCAN_ALREADY_USED')).toHaveLength(19);
    expect(await ballotsOf(vote)).toBe(1);
    expect((await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM ballots WHERE scan_url = $1`, [scan.url]))[0].n).toBe(1);
  });
});
