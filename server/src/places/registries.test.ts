import { createTestApi, type TestApi } from '../../../test/support/api';

let t: TestApi;
let token: string;
beforeAll(async () => {
  t = await createTestApi();
  token = await t.login('d150203');
});
afterAll(() => t.close());

const auth = () => ({ Authorization: `Bearer ${token}` });
const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));
const snapshot = async () =>
  (
    await t.query<{ c: number; h: number; a: number; co: number }>(
      'SELECT (SELECT count(*) FROM compounds)::int c, (SELECT count(*) FROM households)::int h, (SELECT count(*) FROM audit_logs)::int a, (SELECT count(*) FROM companies)::int co',
    )
  )[0];

const newCompound = {
  code: 'KDL0100',
  name: '测试花园',
  regionCode: '150203001002',
  address: '昆都仑区钢铁大街1号',
  totalArea: '12000.50',
  type: 'commodity',
  managementMode: 'professional',
  buildYear: 2015,
  lat: 40.6,
  lng: 109.8,
};

describe('a compound from creation to its households', () => {
  test('create compound → building → unit → household; lists filter, sort and page', async () => {
    const c = await t.api.post('/api/compounds').set(auth()).send(newCompound);
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ code: 'KDL0100', totalArea: '12000.50', districtCode: '150203', streetCode: '150203001', buildingCount: 0 });
    const b = await t.api.post('/api/buildings').set(auth()).send({ compoundId: c.body.id, name: '1号楼', floors: 6 });
    expect(b.status).toBe(201);
    const u = await t.api.post('/api/units').set(auth()).send({ buildingId: b.body.id, name: '1单元' });
    expect(u.status).toBe(201);
    expect(u.body.compoundId).toBe(c.body.id);
    for (const [room, area] of [
      ['102', '88.8'],
      ['101', 120],
      ['201', '65.25'],
    ] as const) {
      const h = await t.api.post('/api/households').set(auth()).send({ unitId: u.body.id, room, area, areaBasis: 'registered' });
      expect(h.status).toBe(201);
    }
    const list = await t.api.get(`/api/households?filter=${q({ compoundId: c.body.id })}&sort=${q(['room', 'ASC'])}&range=[0,1]`).set(auth());
    expect(list.body.map((h: { room: string }) => h.room)).toEqual(['101', '102']);
    expect(list.body[0].area).toBe('120.00');
    expect(list.headers['content-range']).toBe('households 0-1/3');
    const search = await t.api.get(`/api/compounds?filter=${q({ q: '测试花' })}`).set(auth());
    expect(search.body.map((x: { code: string }) => x.code)).toEqual(['KDL0100']);
    const many = await t.api.get(`/api/compounds?filter=${q({ id: [c.body.id] })}`).set(auth());
    expect(many.body).toHaveLength(1);
    const compound = await t.api.get(`/api/compounds/${c.body.id}`).set(auth());
    expect(compound.body).toMatchObject({ buildingCount: 1, householdCount: 3 });
  });
});

describe('bad input changes nothing', () => {
  test.each([
    ['duplicate compound code', 'post', '/api/compounds', { ...newCompound, code: 'BT0001' }, 409, 'DUPLICATE'],
    ['unknown field', 'post', '/api/compounds', { ...newCompound, code: 'KDL0101', colour: 'red' }, 400, 'UNKNOWN_FIELD'],
    ['wrong type', 'post', '/api/compounds', { ...newCompound, code: 'KDL0102', totalArea: true }, 400, 'VALIDATION_FAILED'],
    ['name over its limit', 'post', '/api/compounds', { ...newCompound, code: 'KDL0103', name: '长'.repeat(61) }, 400, 'VALIDATION_FAILED'],
    ['area with three decimals', 'post', '/api/compounds', { ...newCompound, code: 'KDL0104', totalArea: '1.005' }, 400, 'VALIDATION_FAILED'],
    [
      'a street where a community is required',
      'post',
      '/api/compounds',
      { ...newCompound, code: 'KDL0105', regionCode: '150203001' },
      400,
      'VALIDATION_FAILED',
    ],
    ['unregistered community', 'post', '/api/compounds', { ...newCompound, code: 'KDL0106', regionCode: '150203001099' }, 400, 'VALIDATION_FAILED'],
    ['household area 0', 'post', '/api/households', { unitId: 1, room: '9901', area: 0, areaBasis: 'registered' }, 400, 'VALIDATION_FAILED'],
    ['household area negative', 'post', '/api/households', { unitId: 1, room: '9902', area: '-5', areaBasis: 'registered' }, 400, 'VALIDATION_FAILED'],
    [
      'bad credit code check character',
      'post',
      '/api/companies',
      { name: '某物业公司', creditCode: '91350100M000100Y44', legalRepresentative: '王五', regionCode: '150203' },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'project ending before it starts',
      'post',
      '/api/projects',
      { companyId: 1, compoundId: 1, startDate: '2024-01-01', endDate: '2023-01-01', feeFenPerM2Month: 80, serviceLevel: 2, managerName: '李四' },
      400,
      'VALIDATION_FAILED',
    ],
    ['array body', 'post', '/api/compounds', [newCompound], 400, 'INVALID_BODY'],
  ])('%s → %i %s', async (_name, method, url, body, status, code) => {
    const before = await snapshot();
    const res = await (t.api as any)[method](url).set(auth()).send(body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await snapshot()).toEqual(before);
  });

  test('field errors name the field in Chinese', async () => {
    const res = await t.api.post('/api/households').set(auth()).send({ unitId: 1, room: '9903', area: 0, areaBasis: 'registered' });
    expect(res.body.error.fields.area).toBe('专有部分面积必须大于0');
  });

  test.each([
    ['sort on a field that is not sortable', `/api/compounds?sort=${q(['address', 'ASC'])}`, 'UNSORTABLE_FIELD'],
    ['sort that is not [field, order]', `/api/compounds?sort=${q({ field: 'name' })}`, 'BAD_QUERY'],
    ['sort order not ASC/DESC', `/api/compounds?sort=${q(['name', 'UP'])}`, 'BAD_QUERY'],
    ['range that is not JSON', '/api/compounds?range=0-24', 'BAD_QUERY'],
    ['range backwards', '/api/compounds?range=[10,2]', 'BAD_QUERY'],
    ['range too large', '/api/compounds?range=[0,5000]', 'BAD_QUERY'],
    ['filter not an object', `/api/compounds?filter=${q([1])}`, 'BAD_QUERY'],
    ['unknown filter', `/api/compounds?filter=${q({ colour: 'red' })}`, 'UNKNOWN_FILTER'],
    ['bad filter value', `/api/households?filter=${q({ compoundId: 'abc' })}`, 'BAD_FILTER'],
    ['unknown query parameter', '/api/compounds?page=2', 'BAD_QUERY'],
  ])('%s → 400 %s', async (_name, url, code) => {
    const res = await t.api.get(url).set(auth());
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
  });

  test('deleting a compound that still has buildings → 409, nothing deleted', async () => {
    const [c] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE region_code LIKE '150203%' ORDER BY id LIMIT 1`);
    const before = await snapshot();
    const res = await t.api.delete(`/api/compounds/${c.id}`).set(auth());
    expect(res.status).toBe(409);
    expect(await snapshot()).toEqual(before);
  });
});

describe('owners: personal data encrypted, shown masked, full view audited', () => {
  test('create stores ciphertext, lists show masks', async () => {
    const res = await t.api
      .post('/api/owners')
      .set(auth())
      .send({ name: '赵测试', phone: '13812345678', idNumber: '150203199001011232', regionCode: '150203001001' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ phone: '138****5678', idNumber: '150203********1232' });
    const [row] = await t.query<Record<string, string>>('SELECT * FROM owners WHERE id = $1', [res.body.id]);
    expect(JSON.stringify(row)).not.toContain('13812345678');
    expect(JSON.stringify(row)).not.toContain('150203199001011232');
    const contact = await t.api.get(`/api/owners/${res.body.id}/contact`).set(auth());
    expect(contact.body).toEqual({ id: res.body.id, phone: '13812345678', idNumber: '150203199001011232' });
    const audits = await t.query(`SELECT 1 FROM audit_logs WHERE action = 'view_personal' AND entity_id = $1`, [String(res.body.id)]);
    expect(audits).toHaveLength(1);
    // a form sending the masked value back leaves the stored number unchanged
    const put = await t.api
      .put(`/api/owners/${res.body.id}`)
      .set(auth())
      .send({ ...res.body, name: '赵测试二' });
    expect(put.status).toBe(200);
    expect((await t.api.get(`/api/owners/${res.body.id}/contact`).set(auth())).body.phone).toBe('13812345678');
    expect((await t.api.get(`/api/owners/${res.body.id}/contact`).set({ Authorization: `Bearer ${await t.login('party')}` })).status).toBe(403);
  });
});

describe('companies and projects', () => {
  test('a company with a valid credit code and its project', async () => {
    const co = await t.api
      .post('/api/companies')
      .set(auth())
      .send({ name: '包头市测试物业有限公司', creditCode: '91350100m000100y43', legalRepresentative: '王五', regionCode: '150203' });
    expect(co.status).toBe(201);
    expect(co.body.creditCode).toBe('91350100M000100Y43');
    const [c] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE region_code LIKE '150203%' ORDER BY id LIMIT 1`);
    const p = await t.api.post('/api/projects').set(auth()).send({
      companyId: co.body.id,
      compoundId: c.id,
      startDate: '2024-01-01',
      endDate: '2027-12-31',
      feeFenPerM2Month: 120,
      serviceLevel: 2,
      contractFilingNo: 'BTWY-2024-9999',
      contractFilingDate: '2024-01-15',
      managerName: '李四',
      managerPhone: '13900001111',
      managerFilingNo: 'XMJL-9999',
    });
    expect(p.status).toBe(201);
    expect(p.body).toMatchObject({ companyName: '包头市测试物业有限公司', regionCode: expect.stringMatching(/^150203/) });
    const dup = await t.api
      .post('/api/companies')
      .set(auth())
      .send({ name: '另一家', creditCode: '91350100M000100Y43', legalRepresentative: '赵六', regionCode: '150203' });
    expect(dup.status).toBe(409);
  });
});
