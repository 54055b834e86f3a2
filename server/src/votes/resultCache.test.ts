import { eq } from 'drizzle-orm';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { committeeMemberHome, residentWithHome } from '../../../test/support/residents';
import { votes } from '../db/schema';
import { computeResult } from './tally';
import { VOTE_RESULT_MAX_AGE_MS, voteResultCache } from './resultCache';

/**
 * Issue 15: a live vote's tally is cached until its next ballot — 50 viewers refreshing at once
 * compute it once, and a ballot (new, replacing) shows in the very next result.
 */
let t: TestApi;
let voteId: number;
let compoundId: number;
let member: string;
let homes: { id: number }[];
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const loadVote = async () => (await t.database.db.select().from(votes).where(eq(votes.id, voteId)))[0];

beforeAll(async () => {
  t = await createTestApi();
  const [compound] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE code = 'BT0001'`);
  member = await residentWithHome(t, 'cache-member', await committeeMemberHome(t, 'BT0001'));
  homes = await t.query(`SELECT id FROM households WHERE compound_id = $1 AND owner_id IS NOT NULL ORDER BY id DESC LIMIT 3`, [compound.id]);
  compoundId = compound.id;
  voteId = await openVote('缓存测试表决');
});
afterAll(() => t.close());

/** An open vote on BT0001 over the whole compound, started by the committee member; its id. */
async function openVote(title: string): Promise<number> {
  const res = await t.api
    .post('/api/votes')
    .set(bearer(member))
    .send({ compoundId, title, matter: 'hire_dismiss_company', closesAt: new Date(Date.now() + 7 * 86400000).toISOString(), status: 'open' });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function ballot(householdId: number, choice: string) {
  const voter = await residentWithHome(t, `cache-voter-${householdId}`, householdId);
  const res = await t.api.post(`/api/votes/${voteId}/ballots`).set(bearer(voter)).send({ householdId, choice });
  expect(res.status).toBe(201);
}

test('50 viewers at once compute the tally once, and get what computeResult gives', async () => {
  const cache = voteResultCache();
  const vote = await loadVote();
  const results = await Promise.all(Array.from({ length: 50 }, () => cache.result(t.database.db, vote)));
  expect(cache.computed).toBe(1);
  expect(new Set(results).size).toBe(1);
  expect(results[0]).toEqual(await computeResult(t.database.db, vote));
  await cache.result(t.database.db, vote);
  expect(cache.computed).toBe(1);
});

test('a new ballot and a changed ballot each show in the next result', async () => {
  const cache = voteResultCache();
  const vote = await loadVote();
  const before = await cache.result(t.database.db, vote);
  await ballot(homes[0].id, 'agree');
  const afterNew = await cache.result(t.database.db, await loadVote());
  expect(cache.computed).toBe(2);
  expect(afterNew.participatedOwners).toBe(before.participatedOwners + 1);
  expect(afterNew.agreeArea).toBeGreaterThan(before.agreeArea);
  await ballot(homes[0].id, 'disagree');
  const afterChange = await cache.result(t.database.db, await loadVote());
  expect(cache.computed).toBe(3);
  expect(afterChange.agreeArea).toBe(before.agreeArea);
  expect(afterChange.disagreeArea).toBeGreaterThan(before.disagreeArea);
});

test('a registry change with no ballot reaches the result within the age bound', async () => {
  let clock = 1_000_000;
  const cache = voteResultCache(() => clock);
  const vote = await loadVote();
  const first = await cache.result(t.database.db, vote);
  const [home] = await t.query<{ area: string }>(`SELECT area::text FROM households WHERE id = $1`, [homes[0].id]);
  await t.query(`UPDATE households SET area = area + 1 WHERE id = $1`, [homes[0].id]);
  try {
    clock += VOTE_RESULT_MAX_AGE_MS - 1;
    expect((await cache.result(t.database.db, vote)).totalArea).toBe(first.totalArea);
    clock += 2;
    expect((await cache.result(t.database.db, vote)).totalArea).toBe(first.totalArea + 100);
  } finally {
    await t.query(`UPDATE households SET area = $2 WHERE id = $1`, [homes[0].id, home.area]);
  }
});

test('the API serves the cached tally: a ballot shows in the very next GET', async () => {
  const street = bearer(await t.login('street'));
  const before = (await t.api.get(`/api/votes/${voteId}/result`).set(street)).body;
  await ballot(homes[1].id, 'agree');
  const after = (await t.api.get(`/api/votes/${voteId}/result`).set(street)).body;
  expect(after.participatedOwners).toBe(before.participatedOwners + 1);
});

test('20 ballots for 20 homes at once with a close among them: each counted once on the vote row, none after the frozen tally', async () => {
  const id = await openVote('计数竞争表决');
  const many = await t.query<{ id: number }>(`SELECT id FROM households WHERE compound_id = $1 AND owner_id IS NOT NULL ORDER BY id LIMIT 20`, [compoundId]);
  const voters = await Promise.all(many.map((h) => residentWithHome(t, `race-voter-${h.id}`, h.id)));
  const casts = many.map((h, i) => t.api.post(`/api/votes/${id}/ballots`).set(bearer(voters[i])).send({ householdId: h.id, choice: 'agree' }));
  const close = t.api.post(`/api/votes/${id}/close`).set(bearer(member));
  const results = await Promise.all([...casts.slice(0, 10), close, ...casts.slice(10)]);
  expect(results[10].status).toBe(200);
  const ballots = results.filter((_, i) => i !== 10);
  expect(ballots.every((r) => r.status === 201 || (r.status === 409 && r.body.error.code === 'VOTE_CLOSED'))).toBe(true);
  const accepted = ballots.filter((r) => r.status === 201).length;
  const [row] = await t.query<{ ballots_cast: number; rows: number }>(
    `SELECT ballots_cast, (SELECT count(*)::int FROM ballots WHERE vote_id = $1) AS rows FROM votes WHERE id = $1`,
    [id],
  );
  expect(row).toEqual({ ballots_cast: accepted, rows: accepted });
  // the tally frozen at closing holds every accepted ballot: recounting now gives the same figures
  const closed = (await t.database.db.select().from(votes).where(eq(votes.id, id)))[0];
  expect(await computeResult(t.database.db, closed)).toEqual(closed.result);
});
