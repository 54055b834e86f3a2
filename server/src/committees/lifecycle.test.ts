import { createTestApi, type TestApi } from '../../../test/support/api';

/** Issue 9 §8: committees end, they are not deleted with what hangs on them; every changed row is audited. */
let t: TestApi;
let street: string;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const count = async (sql: string, params: unknown[]) => (await t.query<{ n: number }>(sql, params))[0].n;

beforeAll(async () => {
  t = await createTestApi();
  street = await t.login('street');
});
afterAll(() => t.close());

/** An in-office committee of the street's jurisdiction with members, from the demo seed. */
async function seededCommittee() {
  const [k] = await t.query<{ id: number; compound_id: number; members: number }>(
    `SELECT k.id, k.compound_id, (SELECT count(*)::int FROM committee_members m WHERE m.committee_id = k.id) AS members
       FROM committees k WHERE k.region_code LIKE '150203001%' AND k.status = 'in_office'
        AND EXISTS (SELECT 1 FROM committee_members m WHERE m.committee_id = k.id) ORDER BY k.id LIMIT 1`,
  );
  return k;
}
async function emptyCommittee() {
  const [c] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE region_code LIKE '150203001%' ORDER BY id LIMIT 1`);
  const res = await t.api.post('/api/committees').set(bearer(street)).send({ compoundId: c.id, kind: 'preparatory' });
  expect(res.status).toBe(201);
  return res.body as { id: number; compoundId: number };
}

describe('deleting a committee', () => {
  test('an in-office committee with members → 409 COMMITTEE_IN_USE; its members stay, nothing is audited as deleted', async () => {
    const k = await seededCommittee();
    const audits = await count('SELECT count(*)::int AS n FROM audit_logs', []);
    const res = await t.api.delete(`/api/committees/${k.id}`).set(bearer(street));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('COMMITTEE_IN_USE');
    expect(res.body.error.message).toMatch(/已届满\/解散/);
    expect(await count('SELECT count(*)::int AS n FROM committee_members WHERE committee_id = $1', [k.id])).toBe(k.members);
    expect(await count('SELECT count(*)::int AS n FROM committees WHERE id = $1', [k.id])).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM audit_logs', [])).toBe(audits);
  });

  test('sibling: a committee with a vote but no members is not deleted either', async () => {
    const k = await emptyCommittee();
    await t.query(
      `INSERT INTO votes (compound_id, region_code, committee_id, title, matter, closes_at) SELECT compound_id, region_code, id, '测试', 'other', now() + interval '1 day' FROM committees WHERE id = $1`,
      [k.id],
    );
    const res = await t.api.delete(`/api/committees/${k.id}`).set(bearer(street));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('COMMITTEE_IN_USE');
  });

  test('the schema refuses too: a committee row with members cannot be deleted (no silent cascade)', async () => {
    const k = await seededCommittee();
    await expect(t.query('DELETE FROM committees WHERE id = $1', [k.id])).rejects.toThrow(/foreign key/);
    expect(await count('SELECT count(*)::int AS n FROM committee_members WHERE committee_id = $1', [k.id])).toBe(k.members);
  });

  test("an empty committee (created by mistake) is deleted, audited; another district's staff cannot", async () => {
    const k = await emptyCommittee();
    expect((await t.api.delete(`/api/committees/${k.id}`).set(bearer(await t.login('d150202')))).status).toBe(403);
    const res = await t.api.delete(`/api/committees/${k.id}`).set(bearer(street));
    expect(res.status).toBe(200);
    expect(await count(`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'committees' AND entity_id = $1 AND action = 'delete'`, [String(k.id)])).toBe(
      1,
    );
    expect((await t.api.delete(`/api/committees/${k.id}`).set(bearer(street))).status).toBe(404);
  });

  test('a committee ends by status, audited, its members kept', async () => {
    const k = await seededCommittee();
    const current = (await t.api.get(`/api/committees/${k.id}`).set(bearer(street))).body;
    const res = await t.api
      .put(`/api/committees/${k.id}`)
      .set(bearer(street))
      .send({ ...current, status: 'ended' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ended');
    expect(await count('SELECT count(*)::int AS n FROM committee_members WHERE committee_id = $1', [k.id])).toBe(k.members);
    expect(await count(`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'committees' AND entity_id = $1 AND action = 'update'`, [String(k.id)])).toBe(
      1,
    );
  });
});

describe('moving a committee to another compound', () => {
  test('with members → 409 COMMITTEE_COMPOUND_FIXED; committee and members stay where they were', async () => {
    const [k] = await t.query<{ id: number; compound_id: number }>(
      `SELECT k.id, k.compound_id FROM committees k WHERE k.region_code LIKE '150203001%' AND k.status = 'in_office'
          AND EXISTS (SELECT 1 FROM committee_members m WHERE m.committee_id = k.id) ORDER BY k.id DESC LIMIT 1`,
    );
    const [other] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE region_code LIKE '150203001%' AND id <> $1 ORDER BY id LIMIT 1`, [
      k.compound_id,
    ]);
    const current = (await t.api.get(`/api/committees/${k.id}`).set(bearer(street))).body;
    const res = await t.api
      .put(`/api/committees/${k.id}`)
      .set(bearer(street))
      .send({ ...current, compoundId: other.id });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('COMMITTEE_COMPOUND_FIXED');
    expect(await count('SELECT count(*)::int AS n FROM committees WHERE id = $1 AND compound_id = $2', [k.id, k.compound_id])).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM committee_members WHERE committee_id = $1 AND compound_id <> $2', [k.id, k.compound_id])).toBe(0);
  });

  test('an empty committee may be corrected to another compound (audited)', async () => {
    const k = await emptyCommittee();
    const [other] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE region_code LIKE '150203001%' AND id <> $1 ORDER BY id LIMIT 1`, [
      k.compoundId,
    ]);
    const res = await t.api.put(`/api/committees/${k.id}`).set(bearer(street)).send({ compoundId: other.id, kind: 'preparatory' });
    expect(res.status).toBe(200);
    expect(res.body.compoundId).toBe(other.id);
    expect(await count(`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'committees' AND entity_id = $1 AND action = 'update'`, [String(k.id)])).toBe(
      1,
    );
  });
});
