import { createTestApi, type TestApi } from '../../../test/support/api';

/** Issue 9 §7 (rooms in natural order) and §9 (the bind-home picker follows staff jurisdiction). */
let t: TestApi;
let token: string;
let unitId: number;
let compoundId: number;
beforeAll(async () => {
  t = await createTestApi();
  token = await t.login('d150203');
});
afterAll(() => t.close());

const auth = (tk = token) => ({ Authorization: `Bearer ${tk}` });
const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));

const ROOMS = ['101', '102', '201', '1001', '101A', '0101', '地下室-2', '地下室-12'];
const NATURAL = ['101', '0101', '101A', '102', '201', '1001', '地下室-2', '地下室-12'];

describe('the natural-order key (natural_sort_key in migration 0010), as a table', () => {
  test.each([
    [ROOMS, NATURAL],
    [
      ['10号楼', '2号楼', '1号楼', '11号楼'],
      ['1号楼', '2号楼', '10号楼', '11号楼'],
    ],
    [
      ['10单元', '2单元', '1单元'],
      ['1单元', '2单元', '10单元'],
    ],
    [
      ['1-10-1', '1-2-10', '1-2-9', '1-10'],
      ['1-2-9', '1-2-10', '1-10', '1-10-1'],
    ],
    [
      ['A10', 'A9', 'B1', 'a1'],
      ['A9', 'A10', 'B1', 'a1'],
    ],
    [
      ['0', '00', '1', ''],
      ['', '0', '00', '1'],
    ],
    [
      ['1A', '01A', '1A0'],
      ['1A', '01A', '1A0'],
    ],
    [
      ['99999999999999999999', '100000000000000000000'],
      ['99999999999999999999', '100000000000000000000'],
    ],
  ])('%j sorts as %j', async (input, expected) => {
    const rows = await t.query<{ r: string }>(`SELECT r FROM unnest($1::text[]) AS r ORDER BY natural_sort_key(r), r`, [input]);
    expect(rows.map((x) => x.r)).toEqual(expected);
  });

  test('the key uses only 0-9 and a-f, so it sorts the same under any collation', async () => {
    const rows = await t.query<{ k: string }>(`SELECT natural_sort_key(r) AS k FROM unnest($1::text[]) AS r`, [[...ROOMS, '张三·李四', 'Ａ１']]);
    for (const { k } of rows) expect(k).toMatch(/^[0-9a-f]*$/);
  });
});

describe('issue 9 §7: rooms are listed in natural order', () => {
  beforeAll(async () => {
    const c = await t.api.post('/api/compounds').set(auth()).send({
      code: 'NAT0001',
      name: '自然序小区',
      regionCode: '150203001002',
      address: '昆都仑区测试路1号',
      totalArea: '5000.00',
      type: 'commodity',
      managementMode: 'professional',
    });
    expect(c.status).toBe(201);
    compoundId = c.body.id;
    const b10 = await t.api.post('/api/buildings').set(auth()).send({ compoundId, name: '10号楼' });
    const b2 = await t.api.post('/api/buildings').set(auth()).send({ compoundId, name: '2号楼' });
    expect([b10.status, b2.status]).toEqual([201, 201]);
    const u = await t.api.post('/api/units').set(auth()).send({ buildingId: b2.body.id, name: '1单元' });
    unitId = u.body.id;
    for (const room of ROOMS) {
      const h = await t.api.post('/api/households').set(auth()).send({ unitId, room, area: '80.00', areaBasis: 'registered' });
      expect(h.status).toBe(201);
    }
  });

  test('GET /api/households sorted by room: 101, 0101, 101A, 102, 201, 1001, 地下室-2, 地下室-12 (and reversed)', async () => {
    const asc = await t.api.get(`/api/households?filter=${q({ compoundId })}&sort=${q(['room', 'ASC'])}&range=[0,24]`).set(auth());
    expect(asc.body.map((h: { room: string }) => h.room)).toEqual(NATURAL);
    const desc = await t.api.get(`/api/households?filter=${q({ compoundId })}&sort=${q(['room', 'DESC'])}&range=[0,24]`).set(auth());
    expect(desc.body.map((h: { room: string }) => h.room)).toEqual([...NATURAL].reverse());
    // a later page continues the same order
    const page = await t.api.get(`/api/households?filter=${q({ compoundId })}&sort=${q(['room', 'ASC'])}&range=[3,5]`).set(auth());
    expect(page.body.map((h: { room: string }) => h.room)).toEqual(NATURAL.slice(3, 6));
  });

  test('sibling: the mini-program picker lists buildings and rooms in the same order', async () => {
    const resident = await t.residentToken('natural-order');
    const b = await t.api.get(`/api/mini/compounds/${compoundId}/buildings`).set(auth(resident));
    expect(b.body.map((x: { name: string }) => x.name)).toEqual(['2号楼', '10号楼']);
    const rooms = await t.api.get(`/api/mini/units/${unitId}/rooms`).set(auth(resident));
    expect(rooms.body.map((r: { room: string }) => r.room)).toEqual(NATURAL);
    const buildings = await t.api.get(`/api/buildings?filter=${q({ compoundId })}&sort=${q(['name', 'ASC'])}`).set(auth());
    expect(buildings.body.map((x: { name: string }) => x.name)).toEqual(['2号楼', '10号楼']);
  });

  test('renaming a room moves it: the key is kept by the database on every write', async () => {
    const [h] = await t.query<{ id: number }>(`SELECT id FROM households WHERE unit_id = $1 AND room = '1001'`, [unitId]);
    expect((await t.api.put(`/api/households/${h.id}`).set(auth()).send({ room: '9' })).status).toBe(200);
    const asc = await t.api.get(`/api/households?filter=${q({ compoundId })}&sort=${q(['room', 'ASC'])}`).set(auth());
    expect(asc.body[0].room).toBe('9');
  });
});

describe('issue 9 §9: the bind-home picker follows staff jurisdiction', () => {
  let bt0001: { id: number; unit_id: number };
  beforeAll(async () => {
    [bt0001] = await t.query(
      `SELECT c.id, (SELECT u.id FROM units u WHERE u.compound_id = c.id ORDER BY u.id LIMIT 1) AS unit_id FROM compounds c WHERE c.code = 'BT0001'`,
    );
  });

  test("staff of another district get 404 for a compound's buildings and a unit's rooms", async () => {
    const outside = await t.login('d150202');
    expect((await t.api.get(`/api/mini/compounds/${bt0001.id}/buildings`).set(auth(outside))).status).toBe(404);
    expect((await t.api.get(`/api/mini/units/${bt0001.unit_id}/rooms`).set(auth(outside))).status).toBe(404);
  });

  test("sibling: staff inside see it; a resident (who scanned the compound's code) sees it", async () => {
    const inside = await t.login('community');
    expect((await t.api.get(`/api/mini/compounds/${bt0001.id}/buildings`).set(auth(inside))).body.length).toBeGreaterThan(0);
    expect((await t.api.get(`/api/mini/units/${bt0001.unit_id}/rooms`).set(auth(inside))).body.length).toBeGreaterThan(0);
    const resident = await t.residentToken('picker-scan');
    expect((await t.api.get(`/api/mini/compounds/${bt0001.id}/buildings`).set(auth(resident))).body.length).toBeGreaterThan(0);
  });

  test('sibling: company staff see only the compounds their company serves', async () => {
    const company = await t.login('company');
    const [served] = await t.query<{ compound_id: number }>(
      `SELECT p.compound_id FROM projects p JOIN users u ON u.company_id = p.company_id WHERE u.username = 'company' LIMIT 1`,
    );
    const [other] = await t.query<{ id: number }>(
      `SELECT c.id FROM compounds c WHERE NOT EXISTS (SELECT 1 FROM projects p JOIN users u ON u.company_id = p.company_id WHERE u.username = 'company' AND p.compound_id = c.id) ORDER BY c.id LIMIT 1`,
    );
    expect((await t.api.get(`/api/mini/compounds/${served.compound_id}/buildings`).set(auth(company))).status).toBe(200);
    expect((await t.api.get(`/api/mini/compounds/${other.id}/buildings`).set(auth(company))).status).toBe(404);
  });
});
