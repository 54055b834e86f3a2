import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { committeeMemberHome, residentWithHome } from '../../../test/support/residents';

let t: TestApi;
let uploadDir: string;
let compound: { id: number };
let member: string;
let homes: { id: number; unit_id: number }[];
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const inAWeek = () => new Date(Date.now() + 7 * 86400000).toISOString();
const ballotRows = async (voteId: number) => (await t.query<{ n: number }>('SELECT count(*)::int AS n FROM ballots WHERE vote_id = $1', [voteId]))[0].n;

beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-votes-'));
  t = await createTestApi({ UPLOAD_DIR: uploadDir });
  [compound] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE code = 'BT0001'`);
  member = await residentWithHome(t, 'member-1', await committeeMemberHome(t, 'BT0001'));
  homes = await t.query(`SELECT id, unit_id FROM households WHERE compound_id = $1 AND owner_id IS NOT NULL ORDER BY id DESC LIMIT 6`, [compound.id]);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

async function openVote(body: Record<string, unknown> = {}) {
  const res = await t.api
    .post('/api/votes')
    .set(bearer(member))
    .send({ compoundId: compound.id, title: '续聘物业服务企业', matter: 'hire_dismiss_company', closesAt: inAWeek(), status: 'open', ...body });
  expect(res.status).toBe(201);
  return res.body as { id: number; eligibleCount: number; status: string };
}

describe('votes: running one (DOMAIN.md §1)', () => {
  test('a committee member opens a vote; its scope is counted', async () => {
    const vote = await openVote();
    expect(vote.status).toBe('open');
    const [{ n }] = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM households WHERE compound_id = $1', [compound.id]);
    expect(vote.eligibleCount).toBe(n);
  });

  test('one ballot per home, changeable until closing, with a receipt; history kept', async () => {
    const vote = await openVote();
    const voter = await residentWithHome(t, 'voter-1', homes[0].id);
    const first = await t.api.post(`/api/votes/${vote.id}/ballots`).set(bearer(voter)).send({ householdId: homes[0].id, choice: 'disagree' });
    expect(first.status).toBe(201);
    expect(first.body.receipt).toMatch(/^[A-Z2-9]{10}$/);
    const second = await t.api.post(`/api/votes/${vote.id}/ballots`).set(bearer(voter)).send({ householdId: homes[0].id, choice: 'agree' });
    expect(second.body.receipt).not.toBe(first.body.receipt);
    const rows = await t.query<{ choice: string; current: boolean }>('SELECT choice, current FROM ballots WHERE vote_id = $1 ORDER BY id', [vote.id]);
    expect(rows).toEqual([
      { choice: 'disagree', current: false },
      { choice: 'agree', current: true },
    ]);
    const check = await t.api.get(`/api/votes/${vote.id}/receipts/${second.body.receipt}`).set(bearer(voter));
    expect(check.body).toMatchObject({ choice: 'agree', current: true });
    const old = await t.api.get(`/api/votes/${vote.id}/receipts/${first.body.receipt}`).set(bearer(voter));
    expect(old.body).toMatchObject({ choice: 'disagree', current: false });
    const stranger = await t.residentToken('stranger-1');
    expect((await t.api.get(`/api/votes/${vote.id}/receipts/${second.body.receipt}`).set(bearer(stranger))).status).toBe(404);
    const mine = await t.api.get(`/api/votes/${vote.id}/my-ballots`).set(bearer(voter));
    expect(mine.body).toEqual([expect.objectContaining({ householdId: homes[0].id, choice: 'agree', receipt: second.body.receipt })]);
  });

  test('the result shows both ratios, per building, and never who voted how', async () => {
    const vote = await openVote();
    const voter = await residentWithHome(t, 'voter-2', homes[1].id);
    await t.api.post(`/api/votes/${vote.id}/ballots`).set(bearer(voter)).send({ householdId: homes[1].id, choice: 'agree' });
    const res = await t.api.get(`/api/votes/${vote.id}/result`).set(bearer(await t.login('street')));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ voteId: vote.id, participatedOwners: 1, agreeOwners: 1, quorumMet: false, approved: false, special: false });
    // open: where it stands, never a verdict (issue 16 §2)
    expect(res.body.explanation).toContain('目前参与');
    expect(res.body.explanation).toContain('尚未达到2/3的法定参与要求');
    expect(res.body.explanation).not.toContain('未通过');
    // one ballot: its building's figures are not published (VOTE_BUILDING_RESULT_MIN_BALLOTS, default 5)
    expect(res.body.byBuilding.reduce((s: number, b: { ballots: number }) => s + b.ballots, 0)).toBe(0);
    expect(res.body.withheldBuildings).toMatchObject({ ballots: 1, figures: null });
    expect(JSON.stringify(res.body)).not.toMatch(/householdId|userId|receipt/);
  });

  test('two ballots for the same home at the same moment: both kept, exactly one current', async () => {
    const vote = await openVote();
    const voter = await residentWithHome(t, 'voter-3', homes[2].id);
    const results = await Promise.all(
      ['agree', 'disagree', 'abstain', 'agree'].map((choice) =>
        t.api.post(`/api/votes/${vote.id}/ballots`).set(bearer(voter)).send({ householdId: homes[2].id, choice }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const rows = await t.query<{ current: boolean }>('SELECT current FROM ballots WHERE vote_id = $1', [vote.id]);
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.current)).toHaveLength(1);
    const result = await t.api.get(`/api/votes/${vote.id}/result`).set(bearer(await t.login('street')));
    expect(result.body.participatedOwners).toBe(1);
  });
});

describe('votes: refusals record nothing', () => {
  test('a home the voter has not verified → 403 NOT_OWNER', async () => {
    const vote = await openVote();
    const voter = await residentWithHome(t, 'voter-4', homes[3].id);
    const res = await t.api.post(`/api/votes/${vote.id}/ballots`).set(bearer(voter)).send({ householdId: homes[4].id, choice: 'agree' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('NOT_OWNER');
    // a pending (unverified) binding does not count either
    const pending = await t.residentToken('pending-1');
    await t.api.post('/api/household-claims').set(bearer(pending)).send({ householdId: homes[4].id, name: '冒名者', phone: '13900000009' });
    const res2 = await t.api.post(`/api/votes/${vote.id}/ballots`).set(bearer(pending)).send({ householdId: homes[4].id, choice: 'agree' });
    expect(res2.status).toBe(404); // not a resident of the compound at all
    expect(await ballotRows(vote.id)).toBe(0);
  });

  test("a home outside the vote's scope → 403 OUT_OF_SCOPE", async () => {
    const [otherUnit] = await t.query<{ id: number }>('SELECT id FROM units WHERE compound_id = $1 AND id <> $2 ORDER BY id LIMIT 1', [
      compound.id,
      homes[3].unit_id,
    ]);
    const vote = await openVote({ scopeType: 'units', scopeIds: [otherUnit.id], matter: 'fund_use', title: '电梯维修' });
    const voter = await residentWithHome(t, 'voter-4', homes[3].id);
    const res = await t.api.post(`/api/votes/${vote.id}/ballots`).set(bearer(voter)).send({ householdId: homes[3].id, choice: 'agree' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('OUT_OF_SCOPE');
    expect(await ballotRows(vote.id)).toBe(0);
  });

  test('a vote not yet open → 409 VOTE_NOT_OPEN; after closing → 409 VOTE_CLOSED', async () => {
    const draft = await t.api.post('/api/votes').set(bearer(member)).send({ compoundId: compound.id, title: '草稿表决', matter: 'other', closesAt: inAWeek() });
    expect(draft.body.status).toBe('draft');
    const voter = await residentWithHome(t, 'voter-5', homes[5].id);
    const early = await t.api
      .post(`/api/votes/${draft.body.id}/ballots`)
      .set(bearer(await t.residentToken('voter-5')))
      .send({ householdId: homes[5].id, choice: 'agree' });
    expect(early.status).toBe(404); // residents do not see drafts
    const vote = await openVote();
    const closed = await t.api.post(`/api/votes/${vote.id}/close`).set(bearer(member));
    expect(closed.status).toBe(200);
    const late = await t.api.post(`/api/votes/${vote.id}/ballots`).set(bearer(voter)).send({ householdId: homes[5].id, choice: 'agree' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('VOTE_CLOSED');
    expect((await t.api.post(`/api/votes/${vote.id}/close`).set(bearer(member))).status).toBe(409);
    expect(await ballotRows(vote.id)).toBe(0);
  });

  test("a committee member of A cannot start a vote for B; residents of B cannot see A's votes", async () => {
    const [b] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE code = 'BT0002'`);
    const res = await t.api.post('/api/votes').set(bearer(member)).send({ compoundId: b.id, title: 'x', matter: 'other', closesAt: inAWeek(), status: 'open' });
    expect(res.status).toBe(403);
    const vote = await openVote();
    const [homeB] = await t.query<{ id: number }>('SELECT id FROM households WHERE compound_id = $1 AND owner_id IS NOT NULL ORDER BY id LIMIT 1', [b.id]);
    const residentB = await residentWithHome(t, 'resident-b', homeB.id);
    expect((await t.api.get(`/api/votes/${vote.id}`).set(bearer(residentB))).status).toBe(404);
    expect((await t.api.get(`/api/votes/${vote.id}/result`).set(bearer(residentB))).status).toBe(404);
    const list = await t.api.get(`/api/votes?filter=${encodeURIComponent(JSON.stringify({ compoundId: compound.id }))}`).set(bearer(residentB));
    expect(list.body).toEqual([]);
    expect((await t.api.get(`/api/votes/${vote.id}`).set(bearer(await t.login('d150202')))).status).toBe(404);
  });

  test.each([
    [{ title: 'x', matter: 'nonsense', closesAt: '2099-01-01T00:00:00Z' }, 'VALIDATION_FAILED'],
    [{ title: 'x', matter: 'other', closesAt: '2000-01-01T00:00:00Z' }, 'VALIDATION_FAILED'],
    [{ title: 'x', matter: 'other', closesAt: '2099-01-01T00:00:00Z', scopeType: 'buildings', scopeIds: [] }, 'VALIDATION_FAILED'],
    [{ title: 'x', matter: 'other', closesAt: '2099-01-01T00:00:00Z', scopeType: 'buildings', scopeIds: [999999] }, 'VALIDATION_FAILED'],
    [{ title: 'x', matter: 'other', closesAt: '2099-01-01T00:00:00Z', secret: 1 }, 'UNKNOWN_FIELD'],
  ])('bad vote %j → 400 %s', async (body, code) => {
    const before = (await t.query<{ n: number }>('SELECT count(*)::int AS n FROM votes'))[0].n;
    const res = await t.api
      .post('/api/votes')
      .set(bearer(member))
      .send({ compoundId: compound.id, ...body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect((await t.query<{ n: number }>('SELECT count(*)::int AS n FROM votes'))[0].n).toBe(before);
  });
});

describe('paper and door-to-door ballots in one tally', () => {
  test('a committee member enters a paper ballot with its scan; a resident cannot', async () => {
    const vote = await openVote();
    const noScan = await t.api.post(`/api/votes/${vote.id}/ballots`).set(bearer(member)).send({ householdId: homes[1].id, choice: 'agree', channel: 'paper' });
    expect(noScan.status).toBe(400);
    // The scan is an upload the member made (uploads/access.ts; refusals in disclosures/attachments.test.ts).
    const scan = await t.api.post('/api/uploads').set(bearer(member)).attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'scan.pdf');
    expect(scan.status).toBe(201);
    const paper = await t.api
      .post(`/api/votes/${vote.id}/ballots`)
      .set(bearer(member))
      .send({ householdId: homes[1].id, choice: 'agree', channel: 'paper', scanUrl: scan.body.url });
    expect(paper.status).toBe(201);
    const doorScan = await t.api.post('/api/uploads').set(bearer(member)).attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'door.pdf');
    const door = await t.api
      .post(`/api/votes/${vote.id}/ballots`)
      .set(bearer(member))
      .send({ householdId: homes[2].id, choice: 'disagree', channel: 'door', scanUrl: doorScan.body.url });
    expect(door.status).toBe(201);
    const voter = await residentWithHome(t, 'voter-6', homes[0].id);
    const notMember = await t.api.post(`/api/votes/${vote.id}/ballots`).set(bearer(voter)).send({ householdId: homes[3].id, choice: 'agree', channel: 'door' });
    expect(notMember.status).toBe(403);
    const online = await t.api.post(`/api/votes/${vote.id}/ballots`).set(bearer(voter)).send({ householdId: homes[0].id, choice: 'agree' });
    expect(online.status).toBe(201);
    const result = await t.api.get(`/api/votes/${vote.id}/result`).set(bearer(await t.login('street')));
    expect(result.body).toMatchObject({ participatedOwners: 3, agreeOwners: 2, disagreeOwners: 1 });
  });
});
