import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { committeeMemberHome, residentWithHome } from '../../../test/support/residents';

/** Issue 9 §5 (entered ballots never replace the owner's own) and §6 (the developer is one owner). */
let t: TestApi;
let uploadDir: string;
let compound: { id: number; region_code: string };
let member: string;
let homes: { id: number }[];
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const inAWeek = () => new Date(Date.now() + 7 * 86400000).toISOString();

beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-ballots-'));
  t = await createTestApi({ UPLOAD_DIR: uploadDir });
  [compound] = await t.query(`SELECT id, region_code FROM compounds WHERE code = 'BT0001'`);
  member = await residentWithHome(t, 'integrity-member', await committeeMemberHome(t, 'BT0001'));
  homes = await t.query(`SELECT id FROM households WHERE compound_id = $1 AND owner_id IS NOT NULL ORDER BY id DESC LIMIT 4`, [compound.id]);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

async function openVote(body: Record<string, unknown> = {}) {
  const res = await t.api
    .post('/api/votes')
    .set(bearer(member))
    .send({ compoundId: compound.id, title: '选聘物业服务企业', matter: 'hire_dismiss_company', closesAt: inAWeek(), status: 'open', ...body });
  expect(res.status).toBe(201);
  return res.body as { id: number };
}
async function scan(token = member): Promise<string> {
  const res = await t.api.post('/api/uploads').set(bearer(token)).attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'ballot.pdf');
  expect(res.status).toBe(201);
  return res.body.url;
}
const current = (voteId: number, householdId: number) =>
  t.query<{ channel: string; user_id: number | null; choice: string }>(
    'SELECT channel, user_id, choice FROM ballots WHERE vote_id = $1 AND household_id = $2 AND current',
    [voteId, householdId],
  );

describe('issue 9 §5: a ballot the owner cast is never replaced by one entered by someone else', () => {
  test("a door ballot for a home whose owner voted online: owner's stays current, conflict recorded and shown", async () => {
    const vote = await openVote();
    const owner = await residentWithHome(t, 'integrity-owner-1', homes[0].id);
    const own = await t.api.post(`/api/votes/${vote.id}/ballots`).set(bearer(owner)).send({ householdId: homes[0].id, choice: 'disagree' });
    expect(own.status).toBe(201);
    const door = await t.api
      .post(`/api/votes/${vote.id}/ballots`)
      .set(bearer(member))
      .send({ householdId: homes[0].id, choice: 'agree', channel: 'door', scanUrl: await scan() });
    expect(door.status).toBe(201);
    expect(door.body).toMatchObject({ current: false, conflict: true });
    // the owner's receipt stays current, and the tally counts the owner's choice
    expect((await t.api.get(`/api/votes/${vote.id}/receipts/${own.body.receipt}`).set(bearer(owner))).body).toMatchObject({
      choice: 'disagree',
      current: true,
    });
    expect(await current(vote.id, homes[0].id)).toEqual([expect.objectContaining({ channel: 'online', choice: 'disagree' })]);
    // the conflict is shown to the committee and the street (never either choice), not to other roles
    for (const viewer of [member, await t.login('street')]) {
      const list = await t.api.get(`/api/ballot-conflicts?filter=${encodeURIComponent(JSON.stringify({ voteId: vote.id }))}`).set(bearer(viewer));
      expect(list.status).toBe(200);
      expect(list.body).toEqual([expect.objectContaining({ voteId: vote.id, householdId: homes[0].id, enteredChannel: 'door' })]);
      expect(JSON.stringify(list.body)).not.toMatch(/agree|choice/);
    }
    expect((await t.api.get('/api/ballot-conflicts').set(bearer(await t.login('party')))).status).toBe(403);
    expect((await t.api.get('/api/ballot-conflicts').set(bearer(owner))).body).toEqual([]);
    expect((await t.api.get(`/api/votes/${vote.id}`).set(bearer(member))).body.conflictCount).toBe(1);
    // audited: the entered ballot and the conflict
    const audit = await t.query<{ action: string; entity: string }>(
      `SELECT action, entity FROM audit_logs WHERE entity IN ('votes', 'ballot-conflicts') AND (entity_id = $1 OR entity = 'ballot-conflicts') ORDER BY id DESC LIMIT 2`,
      [String(vote.id)],
    );
    expect(audit.map((a) => `${a.entity}:${a.action}`).sort()).toEqual(['ballot-conflicts:create', 'votes:ballot']);
    // the owner can still change their own ballot
    const change = await t.api.post(`/api/votes/${vote.id}/ballots`).set(bearer(owner)).send({ householdId: homes[0].id, choice: 'agree' });
    expect(change.body).toMatchObject({ current: true });
    expect(await current(vote.id, homes[0].id)).toEqual([expect.objectContaining({ channel: 'online', choice: 'agree' })]);
  });

  test('sibling: a paper ballot entered after the owner voted does not replace it either', async () => {
    const vote = await openVote();
    const owner = await residentWithHome(t, 'integrity-owner-2', homes[1].id);
    await t.api.post(`/api/votes/${vote.id}/ballots`).set(bearer(owner)).send({ householdId: homes[1].id, choice: 'abstain' });
    const paper = await t.api
      .post(`/api/votes/${vote.id}/ballots`)
      .set(bearer(member))
      .send({ householdId: homes[1].id, choice: 'agree', channel: 'paper', scanUrl: await scan() });
    expect(paper.body).toMatchObject({ current: false, conflict: true });
    expect(await current(vote.id, homes[1].id)).toEqual([expect.objectContaining({ channel: 'online', choice: 'abstain' })]);
  });

  test("an entered ballot replaces an earlier entered one, and the owner's own replaces an entered one", async () => {
    const vote = await openVote();
    const first = await t.api
      .post(`/api/votes/${vote.id}/ballots`)
      .set(bearer(member))
      .send({ householdId: homes[2].id, choice: 'agree', channel: 'paper', scanUrl: await scan() });
    expect(first.body).toMatchObject({ current: true });
    const second = await t.api
      .post(`/api/votes/${vote.id}/ballots`)
      .set(bearer(member))
      .send({ householdId: homes[2].id, choice: 'disagree', channel: 'door', scanUrl: await scan() });
    expect(second.body).toMatchObject({ current: true, conflict: false });
    const owner = await residentWithHome(t, 'integrity-owner-3', homes[2].id);
    expect((await t.api.post(`/api/votes/${vote.id}/ballots`).set(bearer(owner)).send({ householdId: homes[2].id, choice: 'abstain' })).body).toMatchObject({
      current: true,
    });
    expect(await current(vote.id, homes[2].id)).toEqual([expect.objectContaining({ channel: 'online', choice: 'abstain' })]);
    expect((await t.query<{ n: number }>('SELECT count(*)::int AS n FROM ballot_conflicts WHERE vote_id = $1', [vote.id]))[0].n).toBe(0);
  });

  test('the street records its finding on a conflict once (20 reviews at the same moment: one 200, the rest 409); the committee cannot', async () => {
    const [c] = await t.query<{ id: number }>('SELECT id FROM ballot_conflicts ORDER BY id LIMIT 1');
    expect((await t.api.post(`/api/ballot-conflicts/${c.id}/review`).set(bearer(member)).send({ note: '已核实' })).status).toBe(403);
    expect(
      (
        await t.api
          .post(`/api/ballot-conflicts/${c.id}/review`)
          .set(bearer(await t.login('d150202')))
          .send({ note: '已核实' })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.api
          .post(`/api/ballot-conflicts/${c.id}/review`)
          .set(bearer(await t.login('street')))
          .send({ note: '' })
      ).status,
    ).toBe(400);
    const street = await t.login('street');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.api
          .post(`/api/ballot-conflicts/${c.id}/review`)
          .set(bearer(street))
          .send({ note: `入户录入时业主不在家，委员误录 #${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'CONFLICT_REVIEWED')).toBe(true);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const [row] = await t.query<{ review_note: string }>('SELECT review_note FROM ballot_conflicts WHERE id = $1', [c.id]);
    expect(results.find((r) => r.status === 200)!.body.reviewNote).toBe(row.review_note);
    expect(
      (
        await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'ballot-conflicts' AND entity_id = $1 AND action = 'review'`, [
          String(c.id),
        ])
      )[0].n,
    ).toBe(1);
  });

  test.each(['door', 'paper'])('a %s ballot without a scan → 400, nothing stored', async (channel) => {
    const vote = await openVote();
    const res = await t.api.post(`/api/votes/${vote.id}/ballots`).set(bearer(member)).send({ householdId: homes[3].id, choice: 'agree', channel });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.scanUrl).toMatch(/扫描件/);
    expect((await t.query<{ n: number }>('SELECT count(*)::int AS n FROM ballots WHERE vote_id = $1', [vote.id]))[0].n).toBe(0);
  });

  test("20-way race: the owner's online ballot against 19 door entries — the owner's stays current", async () => {
    const vote = await openVote();
    const owner = await residentWithHome(t, 'integrity-owner-4', homes[3].id);
    const scans = await Promise.all(Array.from({ length: 19 }, () => scan()));
    const requests = [
      ...scans
        .slice(0, 10)
        .map((url) =>
          t.api.post(`/api/votes/${vote.id}/ballots`).set(bearer(member)).send({ householdId: homes[3].id, choice: 'agree', channel: 'door', scanUrl: url }),
        ),
      t.api.post(`/api/votes/${vote.id}/ballots`).set(bearer(owner)).send({ householdId: homes[3].id, choice: 'disagree' }),
      ...scans
        .slice(10)
        .map((url) =>
          t.api.post(`/api/votes/${vote.id}/ballots`).set(bearer(member)).send({ householdId: homes[3].id, choice: 'agree', channel: 'door', scanUrl: url }),
        ),
    ];
    const results = await Promise.all(requests);
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const ownReceipt = results[10].body.receipt;
    expect((await t.api.get(`/api/votes/${vote.id}/receipts/${ownReceipt}`).set(bearer(owner))).body).toMatchObject({ choice: 'disagree', current: true });
    expect(await current(vote.id, homes[3].id)).toEqual([expect.objectContaining({ channel: 'online', choice: 'disagree' })]);
    // every door entry that came after the owner's ballot is a recorded conflict
    const [{ after }] = await t.query<{ after: number }>(
      `SELECT count(*)::int AS after FROM ballots b WHERE b.vote_id = $1 AND b.channel = 'door' AND b.id > (SELECT id FROM ballots WHERE vote_id = $1 AND channel = 'online')`,
      [vote.id],
    );
    expect((await t.query<{ n: number }>('SELECT count(*)::int AS n FROM ballot_conflicts WHERE vote_id = $1', [vote.id]))[0].n).toBe(after);
  });
});

describe('issue 9 §6: the developer counts as one owner (SPC interpretation Art. 9)', () => {
  test('homes 1–2 unsold, 3 owned by developer owner D, 4–6 by A, B, C: developer and A agree, B and C disagree → 4 owners, 2 agree, not approved', async () => {
    const city = await t.login('city');
    // a unit of six homes of the same area (fixture written directly)
    const [{ building_id }] = await t.query<{ building_id: number }>('SELECT building_id FROM households WHERE id = $1', [homes[0].id]);
    const [unit] = await t.query<{ id: number }>(
      `INSERT INTO units (compound_id, building_id, region_code, name) VALUES ($1, $2, $3, '开发商测试单元') RETURNING id`,
      [compound.id, building_id, compound.region_code],
    );
    const ownerIds: number[] = [];
    for (const name of ['某房地产开发有限公司', '甲', '乙', '丙']) {
      const res = await t.api.post('/api/owners').set(bearer(city)).send({ name, regionCode: compound.region_code });
      expect(res.status).toBe(201);
      expect(res.body.developer).toBe(false);
      ownerIds.push(res.body.id);
    }
    // staff flag D as the developer (开发建设单位) through the owners resource
    const flagged = await t.api
      .put(`/api/owners/${ownerIds[0]}`)
      .set(bearer(city))
      .send({ name: '某房地产开发有限公司', regionCode: compound.region_code, developer: true });
    expect(flagged.status).toBe(200);
    expect(flagged.body.developer).toBe(true);
    expect(
      (await t.api.put(`/api/owners/${ownerIds[1]}`).set(bearer(city)).send({ name: '甲', regionCode: compound.region_code, developer: 'yes' })).status,
    ).toBe(400);
    const owned: (number | null)[] = [null, null, ...ownerIds];
    const six: number[] = [];
    for (const [i, ownerId] of owned.entries()) {
      const [h] = await t.query<{ id: number }>(
        `INSERT INTO households (compound_id, building_id, unit_id, region_code, room, area, area_basis, owner_id, developer_unsold) VALUES ($1, $2, $3, $4, $5, 90.00, 'registered', $6, $7) RETURNING id`,
        [compound.id, building_id, unit.id, compound.region_code, `90${i + 1}`, ownerId, ownerId === null],
      );
      six.push(h.id);
    }
    const vote = await openVote({ scopeType: 'units', scopeIds: [unit.id], title: '开发商计票测试' });
    const choices = ['agree', 'agree', 'agree', 'agree', 'disagree', 'disagree'];
    for (const [i, householdId] of six.entries()) {
      const res = await t.api
        .post(`/api/votes/${vote.id}/ballots`)
        .set(bearer(member))
        .send({ householdId, choice: choices[i], channel: 'paper', scanUrl: await scan() });
      expect(res.status).toBe(201);
    }
    const result = await t.api.get(`/api/votes/${vote.id}/result`).set(bearer(await t.login('street')));
    expect(result.body).toMatchObject({ totalOwners: 4, participatedOwners: 4, agreeOwners: 2, disagreeOwners: 2, quorumMet: true, approved: false });
    const closed = await t.api.post(`/api/votes/${vote.id}/close`).set(bearer(member));
    expect(closed.body).toMatchObject({ totalOwners: 4, agreeOwners: 2, approved: false });
  });
});
