import { createTestApi, type TestApi } from '../../../test/support/api';

let t: TestApi;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

describe('street staff guide a compound to an elected committee (DOMAIN.md §2)', () => {
  test('create a committee with members; alerts follow the rules; community staff cannot', async () => {
    const street = await t.login('street');
    const [c] = await t.query<{ id: number }>(
      `SELECT id FROM compounds c WHERE region_code LIKE '150203001%' AND NOT EXISTS (SELECT 1 FROM committees k WHERE k.compound_id = c.id) ORDER BY id LIMIT 1`,
    );
    const elected = new Date(Date.now() - 40 * 86400000).toISOString().slice(0, 10);
    const termEnd = new Date(Date.now() + 60 * 86400000).toISOString().slice(0, 10);
    const created = await t.api
      .post('/api/committees')
      .set(bearer(street))
      .send({ compoundId: c.id, kind: 'owners_committee', status: 'in_office', electedAt: elected, termStart: elected, termEnd });
    expect(created.status).toBe(201);
    expect(created.body.alerts).toEqual(expect.arrayContaining(['TERM_ENDING', 'NOT_FILED', 'NO_DISCLOSURE', 'BAD_SIZE']));
    const owners = await t.query<{ owner_id: number; name: string }>(
      'SELECT DISTINCT h.owner_id, o.name FROM households h JOIN owners o ON o.id = h.owner_id WHERE h.compound_id = $1 ORDER BY 1 LIMIT 5',
      [c.id],
    );
    for (const [i, o] of owners.entries()) {
      const m = await t.api
        .post('/api/committee-members')
        .set(bearer(street))
        .send({ committeeId: created.body.id, ownerId: o.owner_id, name: o.name, role: i === 0 ? 'chair' : 'member', partyMember: i < 2 });
      expect(m.status).toBe(201);
    }
    const [stranger] = await t.query<{ id: number }>('SELECT owner_id AS id FROM households WHERE compound_id <> $1 AND owner_id IS NOT NULL LIMIT 1', [c.id]);
    const notOwner = await t.api
      .post('/api/committee-members')
      .set(bearer(street))
      .send({ committeeId: created.body.id, ownerId: stranger.id, name: '外人', role: 'member' });
    expect(notOwner.status).toBe(400);
    const after = await t.api.get(`/api/committees/${created.body.id}`).set(bearer(street));
    expect(after.body).toMatchObject({ memberCount: 5, partyMemberCount: 2 });
    expect(after.body.alerts).not.toContain('BAD_SIZE');
    const flagged = await t.api.get(`/api/committees?filter=${encodeURIComponent(JSON.stringify({ alert: 'NOT_FILED' }))}&range=[0,99]`).set(bearer(street));
    expect(flagged.body.map((k: { id: number }) => k.id)).toContain(created.body.id);
    const community = await t.login('community');
    expect((await t.api.post('/api/committees').set(bearer(community)).send({ compoundId: c.id, kind: 'preparatory' })).status).toBe(403);
  });

  test.each([
    [{ kind: 'owners_committee', status: 'in_office' }, 'status'],
    [{ kind: 'owners_committee', termStart: '2024-01-01', termEnd: '2030-01-02' }, 'termEnd'],
    [{ kind: 'owners_committee', termStart: '2024-01-01', termEnd: '2023-12-31' }, 'termEnd'],
  ])('bad committee %j → 400 on %s', async (body, field) => {
    const res = await t.api
      .post('/api/committees')
      .set(bearer(await t.login('street')))
      .send({ compoundId: 1, ...body });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[field]).toMatch(/[\u4e00-\u9fa5]/);
  });

  test('residents see committee members with masked names', async () => {
    const { residentWithHome } = await import('../../../test/support/residents');
    const [home] = await t.query<{ id: number }>(
      `SELECT h.id FROM households h JOIN compounds c ON c.id = h.compound_id WHERE c.code = 'BT0001' AND h.owner_id IS NOT NULL ORDER BY h.id DESC LIMIT 1`,
    );
    const token = await residentWithHome(t, 'cm-viewer', home.id);
    const res = await t.api.get('/api/committee-members?range=[0,99]').set(bearer(token));
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.every((m: { name: string; phone: unknown }) => /^.\*$/.test(m.name) && m.phone === null)).toBe(true);
  });
});

describe('committee formation rate against the yearly target', () => {
  test('by district, integer per mille, target from config', async () => {
    const res = await t.api.get('/api/committees/formation?groupBy=district&year=2024').set(bearer(await t.login('city')));
    expect(res.status).toBe(200);
    const kdl = res.body.find((r: { code: string }) => r.code === '150203');
    const [counts] = await t.query<{ residential: number; formed: number }>(
      `SELECT count(*)::int AS residential, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM committees k WHERE k.compound_id = c.id AND k.status = 'in_office' AND k.kind <> 'preparatory'))::int AS formed FROM compounds c WHERE region_code LIKE '150203%'`,
    );
    expect(kdl).toMatchObject({
      name: '昆都仑区',
      residential: counts.residential,
      withCommittee: counts.formed,
      targetPct: 80,
      ratePermille: Math.floor((counts.formed * 1000) / counts.residential),
    });
    expect(kdl.met).toBe(counts.formed * 100 >= counts.residential * 80);
    const street = await t.api.get('/api/committees/formation?groupBy=street&year=2022').set(bearer(await t.login('street')));
    expect(street.body.map((r: { code: string }) => r.code)).toEqual(['150203001']);
    expect(street.body[0].targetPct).toBe(60);
    expect((await t.api.get('/api/committees/formation?groupBy=planet').set(bearer(await t.login('city')))).status).toBe(400);
  });
});
