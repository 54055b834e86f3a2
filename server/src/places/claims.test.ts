import { createTestApi, type TestApi } from '../../../test/support/api';

let t: TestApi;
let home: { household_id: number; owner_id: number; name: string; compound_id: number; unit_id: number; region_code: string };
let ownerPhone: string;
beforeAll(async () => {
  t = await createTestApi();
  [home] = await t.query(
    `SELECT h.id AS household_id, h.owner_id, o.name, h.compound_id, h.unit_id, h.region_code FROM households h JOIN owners o ON o.id = h.owner_id
      WHERE h.region_code = '150203001001' AND o.phone_enc IS NOT NULL ORDER BY h.id LIMIT 1`,
  );
  ownerPhone = (await t.api.get(`/api/owners/${home.owner_id}/contact`).set({ Authorization: `Bearer ${await t.login('city')}` })).body.phone;
});
afterAll(() => t.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('scan-in and binding a home', () => {
  test('the public compound page shows names and counts, no personal data', async () => {
    const [c] = await t.query<{ code: string }>('SELECT code FROM compounds WHERE id = $1', [home.compound_id]);
    const res = await t.api.get(`/api/public/compounds/by-code/${c.code}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: c.code, districtName: '昆都仑区', streetName: '沼潭街道', communityName: '沼潭社区' });
    expect(JSON.stringify(res.body)).not.toMatch(/1[3-9]\d{9}/);
    expect((await t.api.get('/api/public/compounds/by-code/NOPE404')).status).toBe(404);
  });

  test('the picker lists buildings, units and rooms', async () => {
    const token = await t.residentToken('picker');
    const b = await t.api.get(`/api/mini/compounds/${home.compound_id}/buildings`).set(bearer(token));
    expect(b.status).toBe(200);
    expect(b.body[0]).toMatchObject({
      name: expect.stringMatching(/号楼$/),
      units: expect.arrayContaining([expect.objectContaining({ name: expect.stringMatching(/单元$/) })]),
    });
    const rooms = await t.api.get(`/api/mini/units/${home.unit_id}/rooms`).set(bearer(token));
    expect(rooms.body.map((r: { householdId: number }) => r.householdId)).toContain(home.household_id);
  });

  test('name and phone matching the owner registry → verified at once', async () => {
    const token = await t.residentToken('owner-match');
    const res = await t.api.post('/api/household-claims').set(bearer(token)).send({ householdId: home.household_id, name: home.name, phone: ownerPhone });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'verified', householdId: home.household_id, phone: expect.stringContaining('****') });
    const mine = await t.api.get('/api/household-claims').set(bearer(token));
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0]).toMatchObject({
      compoundName: expect.any(String),
      buildingName: expect.any(String),
      unitName: expect.any(String),
      room: expect.any(String),
    });
    const again = await t.api.post('/api/household-claims').set(bearer(token)).send({ householdId: home.household_id, name: home.name, phone: ownerPhone });
    expect(again.status).toBe(409);
  });

  test('no match → pending; community staff approve; another resident sees none of it', async () => {
    const token = await t.residentToken('tenant-1');
    const res = await t.api.post('/api/household-claims').set(bearer(token)).send({ householdId: home.household_id, name: '陌生人', phone: '13900000000' });
    expect(res.body.status).toBe('pending');
    const other = await t.residentToken('nosy');
    expect((await t.api.get('/api/household-claims').set(bearer(other))).body).toEqual([]);
    expect((await t.api.get(`/api/household-claims/${res.body.id}`).set(bearer(other))).status).toBe(404);
    // d150202 is outside the home's district
    const outside = await t.api.post(`/api/household-claims/${res.body.id}/approve`).set(bearer(await t.login('d150202')));
    expect(outside.status).toBe(403);
    const community = await t.login('community');
    const queue = await t.api.get(`/api/household-claims?filter=${encodeURIComponent(JSON.stringify({ status: 'pending' }))}`).set(bearer(community));
    expect(queue.body.map((c: { id: number }) => c.id)).toContain(res.body.id);
    const ok = await t.api.post(`/api/household-claims/${res.body.id}/approve`).set(bearer(community));
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('verified');
    const twice = await t.api.post(`/api/household-claims/${res.body.id}/approve`).set(bearer(community));
    expect(twice.status).toBe(409);
    expect((await t.api.get('/api/household-claims').set(bearer(token))).body[0].status).toBe('verified');
  });

  test('rejection needs a reason, which the resident sees', async () => {
    const token = await t.residentToken('tenant-2');
    const res = await t.api.post('/api/household-claims').set(bearer(token)).send({ householdId: home.household_id, name: '路人', phone: '13700000000' });
    const community = await t.login('community');
    const noReason = await t.api.post(`/api/household-claims/${res.body.id}/reject`).set(bearer(community)).send({});
    expect(noReason.status).toBe(400);
    const rejected = await t.api.post(`/api/household-claims/${res.body.id}/reject`).set(bearer(community)).send({ reason: '非本房屋业主' });
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: '非本房屋业主' });
    expect((await t.api.get('/api/household-claims').set(bearer(token))).body[0]).toMatchObject({ status: 'rejected', reason: '非本房屋业主' });
  });

  test.each([
    [{ householdId: 1, name: '张三', phone: '12345' }, 400],
    [{ householdId: 'x', name: '张三', phone: '13800000000' }, 400],
    [{ householdId: 99999999, name: '张三', phone: '13800000000' }, 404],
  ])('bad claim %j → %i', async (body, status) => {
    const token = await t.residentToken('bad-input');
    const res = await t.api.post('/api/household-claims').set(bearer(token)).send(body);
    expect(res.status).toBe(status);
  });

  test('staff cannot file a claim', async () => {
    const res = await t.api
      .post('/api/household-claims')
      .set(bearer(await t.login('city')))
      .send({ householdId: home.household_id, name: 'x', phone: '13800000000' });
    expect(res.status).toBe(403);
  });
});

describe('QR code', () => {
  test('a compound page has a PNG scan-in code', async () => {
    const res = await t.api
      .get(`/api/compounds/${home.compound_id}/qrcode`)
      .set(bearer(await t.login('community')))
      .buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect((res.body as Buffer).subarray(1, 4).toString()).toBe('PNG');
  });
});
