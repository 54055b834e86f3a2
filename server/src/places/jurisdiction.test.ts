import { createTestApi, type TestApi } from '../../../test/support/api';

let t: TestApi;
let d150202: string;
let compound150203: { id: number; code: string };
beforeAll(async () => {
  t = await createTestApi();
  d150202 = await t.login('d150202');
  [compound150203] = await t.query<{ id: number; code: string }>(`SELECT id, code FROM compounds WHERE region_code LIKE '150203%' ORDER BY id LIMIT 1`);
});
afterAll(() => t.close());

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const auditCount = async () => (await t.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_logs'))[0].n;

describe('ARCHITECTURE.md jurisdiction: a d150202 account and a 150203 compound', () => {
  test('the list shows only 150202 compounds', async () => {
    const res = await t.api.get('/api/compounds?range=[0,999]').set(auth(d150202));
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.every((c: { regionCode: string }) => c.regionCode.startsWith('150202'))).toBe(true);
    expect(res.headers['content-range']).toMatch(new RegExp(`^compounds 0-\\d+/${res.body.length}$`));
  });

  test('GET of the 150203 compound → 404, and its households are not listed', async () => {
    expect((await t.api.get(`/api/compounds/${compound150203.id}`).set(auth(d150202))).status).toBe(404);
    const res = await t.api.get(`/api/households?filter=${encodeURIComponent(JSON.stringify({ compoundId: compound150203.id }))}`).set(auth(d150202));
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
    expect((await t.api.get(`/api/compounds/${compound150203.id}/qrcode`).set(auth(d150202))).status).toBe(404);
  });

  test('PUT and DELETE of it → 403, nothing changes, nothing audited', async () => {
    const before = await auditCount();
    const put = await t.api.put(`/api/compounds/${compound150203.id}`).set(auth(d150202)).send({ name: '改名' });
    expect(put.status).toBe(403);
    expect(put.body.error.code).toBe('OUT_OF_JURISDICTION');
    expect((await t.api.delete(`/api/compounds/${compound150203.id}`).set(auth(d150202))).status).toBe(403);
    const [row] = await t.query<{ name: string }>('SELECT name FROM compounds WHERE id = $1', [compound150203.id]);
    expect(row.name).not.toBe('改名');
    expect(await auditCount()).toBe(before);
  });

  test('creating a compound in a 150203 community → 403', async () => {
    const res = await t.api.post('/api/compounds').set(auth(d150202)).send({
      code: 'XX9999',
      name: '越界小区',
      regionCode: '150203001001',
      address: '某路1号',
      totalArea: '1000',
      type: 'commodity',
      managementMode: 'professional',
    });
    expect(res.status).toBe(403);
    expect(await t.query(`SELECT 1 FROM compounds WHERE code = 'XX9999'`)).toEqual([]);
  });

  test('a building added to a 150203 compound → 403', async () => {
    const res = await t.api.post('/api/buildings').set(auth(d150202)).send({ compoundId: compound150203.id, name: '99号楼' });
    expect(res.status).toBe(403);
  });
});

describe('narrower scopes', () => {
  test('street and community staff see only their subtree', async () => {
    for (const [user, prefix] of [
      ['street', '150203001'],
      ['community', '150203001001'],
    ] as const) {
      const res = await t.api.get('/api/compounds?range=[0,999]').set(auth(await t.login(user)));
      expect(res.body.length).toBeGreaterThan(0);
      expect(res.body.every((c: { regionCode: string }) => c.regionCode.startsWith(prefix))).toBe(true);
    }
  });

  test('community staff read the names of the regions above them, not their neighbours', async () => {
    const token = await t.login('community');
    const ids = (await t.api.get('/api/regions?range=[0,999]').set(auth(token))).body.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['150200', '150203', '150203001', '150203001001']));
    expect(ids).not.toContain('150203001002');
    expect(ids).not.toContain('150202');
  });

  test('company staff see only compounds and projects of their own company', async () => {
    const token = await t.login('company');
    const [{ company_id }] = await t.query<{ company_id: number }>(`SELECT company_id FROM users WHERE username = 'company'`);
    const projects = await t.api.get('/api/projects?range=[0,999]').set(auth(token));
    expect(projects.body.length).toBeGreaterThan(0);
    expect(projects.body.every((p: { companyId: number }) => p.companyId === company_id)).toBe(true);
    const served = new Set(projects.body.map((p: { compoundId: number }) => p.compoundId));
    const compounds = await t.api.get('/api/compounds?range=[0,999]').set(auth(token));
    expect(compounds.body.map((c: { id: number }) => c.id).sort()).toEqual([...served].sort());
    const [other] = await t.query<{ id: number }>('SELECT id FROM projects WHERE company_id <> $1 LIMIT 1', [company_id]);
    expect((await t.api.get(`/api/projects/${other.id}`).set(auth(token))).status).toBe(404);
    expect((await t.api.put(`/api/projects/${other.id}`).set(auth(token)).send({})).status).toBe(403);
    expect((await t.api.get('/api/owners').set(auth(token))).status).toBe(403);
  });

  test('party staff read places city-wide but cannot change them', async () => {
    const token = await t.login('party');
    expect((await t.api.get(`/api/compounds/${compound150203.id}`).set(auth(token))).status).toBe(200);
    expect((await t.api.put(`/api/compounds/${compound150203.id}`).set(auth(token)).send({ name: 'x' })).status).toBe(403);
  });
});

describe('audit log', () => {
  test('a change writes actor, action, entity, before and after in the same transaction', async () => {
    const token = await t.login('d150203');
    const res = await t.api.put(`/api/compounds/${compound150203.id}`).set(auth(token)).send({ name: '审计测试小区' });
    expect(res.status).toBe(200);
    const logs = await t.api
      .get(`/api/audit-logs?filter=${encodeURIComponent(JSON.stringify({ entity: 'compounds', entityId: String(compound150203.id) }))}`)
      .set(auth(token));
    expect(logs.body[0]).toMatchObject({ action: 'update', actorName: expect.any(String), entity: 'compounds' });
    expect(logs.body[0].after.name).toBe('审计测试小区');
    expect(logs.body[0].before.name).not.toBe('审计测试小区');
    // d150202 does not see 150203's audit trail
    const other = await t.api
      .get(`/api/audit-logs?filter=${encodeURIComponent(JSON.stringify({ entity: 'compounds', entityId: String(compound150203.id) }))}`)
      .set(auth(d150202));
    expect(other.body).toEqual([]);
    expect((await t.api.post('/api/audit-logs').set(auth(token)).send({})).status).toBe(403);
  });
});
