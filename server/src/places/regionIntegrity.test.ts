import { createTestApi, type TestApi } from '../../../test/support/api';

/** Issue 9 §8: nothing is left pointing at a deleted region; regions can be created through the API. */
let t: TestApi;
let district: string;
beforeAll(async () => {
  t = await createTestApi();
  district = await t.login('d150203');
});
afterAll(() => t.close());

const auth = (tk = district) => ({ Authorization: `Bearer ${tk}` });
const count = async (sql: string, params: unknown[] = []) => (await t.query<{ n: number }>(sql, params))[0].n;

describe('issue 9 §8: a region with anything below it cannot be deleted', () => {
  test('a street with communities and compounds below it → 409 REGION_HAS_CHILDREN, nothing deleted, nothing audited', async () => {
    const audits = await count(`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'regions'`);
    const res = await t.api.delete('/api/regions/150203001').set(auth());
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('REGION_HAS_CHILDREN');
    expect(await count(`SELECT count(*)::int AS n FROM regions WHERE code = '150203001'`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'regions'`)).toBe(audits);
  });

  test('sibling: a community with compounds (and no regions below) → 409', async () => {
    const res = await t.api.delete('/api/regions/150203001001').set(auth());
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('REGION_HAS_CHILDREN');
    expect(await count(`SELECT count(*)::int AS n FROM regions WHERE code = '150203001001'`)).toBe(1);
  });

  test('sibling: a community where only an owner is registered → 409; once empty it can be deleted', async () => {
    expect((await t.api.post('/api/regions').set(auth()).send({ id: '150203001097', name: '临时社区' })).status).toBe(201);
    const owner = await t.api.post('/api/owners').set(auth()).send({ name: '登记人', regionCode: '150203001097' });
    expect(owner.status).toBe(201);
    expect((await t.api.delete('/api/regions/150203001097').set(auth())).status).toBe(409);
    expect((await t.api.delete(`/api/owners/${owner.body.id}`).set(auth())).status).toBe(200);
    expect((await t.api.delete('/api/regions/150203001097').set(auth())).status).toBe(200);
    expect(await count(`SELECT count(*)::int AS n FROM regions WHERE code = '150203001097'`)).toBe(0);
  });

  test('sibling: a building with units and a unit with households are refused too (409)', async () => {
    const [u] = await t.query<{ id: number; building_id: number }>(
      `SELECT u.id, u.building_id FROM units u WHERE u.region_code LIKE '150203%' AND EXISTS (SELECT 1 FROM households h WHERE h.unit_id = u.id) LIMIT 1`,
    );
    expect((await t.api.delete(`/api/units/${u.id}`).set(auth())).status).toBe(409);
    expect((await t.api.delete(`/api/buildings/${u.building_id}`).set(auth())).status).toBe(409);
  });
});

describe("issue 9 §8: a region is created with its code, inside one's jurisdiction", () => {
  test('a district creates a street and a community below it', async () => {
    const street = await t.api.post('/api/regions').set(auth()).send({ id: '150203098', name: '测试街道' });
    expect(street.status).toBe(201);
    expect(street.body).toMatchObject({ id: '150203098', level: 'street', parentCode: '150203' });
    const community = await t.api.post('/api/regions').set(auth()).send({ id: '150203098001', name: '测试社区' });
    expect(community.body).toMatchObject({ id: '150203098001', level: 'community', parentCode: '150203098' });
    const audit = await count(`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'regions' AND entity_id = '150203098001' AND action = 'create'`);
    expect(audit).toBe(1);
    expect((await t.api.delete('/api/regions/150203098').set(auth())).status).toBe(409);
  });

  test.each([
    ['outside the jurisdiction', { id: '150204099', name: '别区街道' }, 403],
    ['its own region', { id: '150203', name: '昆都仑区' }, 403],
    ['under a parent not registered', { id: '150203097001', name: '无上级社区' }, 400],
    ['a city code', { id: '150300', name: '别市' }, 400],
    ['a code already used', { id: '150203001', name: '重复' }, 409],
    ['no code', { name: '无代码' }, 400],
  ])('refused: %s', async (_, body, status) => {
    const before = await count('SELECT count(*)::int AS n FROM regions');
    const res = await t.api.post('/api/regions').set(auth()).send(body);
    expect(res.status).toBe(status);
    expect(await count('SELECT count(*)::int AS n FROM regions')).toBe(before);
  });

  test('street staff cannot create regions', async () => {
    expect(
      (
        await t.api
          .post('/api/regions')
          .set(auth(await t.login('street')))
          .send({ id: '150203001096', name: '街道建的社区' })
      ).status,
    ).toBe(403);
  });
});
