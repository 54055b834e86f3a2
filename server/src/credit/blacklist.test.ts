import { createTestApi, type TestApi } from '../../../test/support/api';
import { pdfText } from '../pdf/text';

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const as = async (who: string) => bearer(await t.login(who));
const count = async (sql: string, params: unknown[] = []) => Number((await t.query<{ n: string }>(sql, params))[0].n);
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** Companies serving a current project in district 150203 (d150203's reach), none of them the demo `company` account's. */
let inDistrict: { id: number; name: string }[];
let outside: { id: number };
let companyOwn: number;
beforeAll(async () => {
  [{ company_id: companyOwn }] = await t.query<{ company_id: number }>(`SELECT company_id FROM users WHERE username = 'company'`);
  inDistrict = await t.query(
    `SELECT DISTINCT c.id, c.name FROM companies c JOIN projects p ON p.company_id = c.id
      WHERE p.region_code LIKE '150203%' AND c.id <> $1 AND p.start_date <= now()::date AND p.end_date >= now()::date ORDER BY c.id`,
    [companyOwn],
  );
  [outside] = await t.query(
    `SELECT c.id FROM companies c WHERE c.region_code NOT LIKE '150202%' AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.company_id = c.id AND p.region_code LIKE '150202%') ORDER BY c.id LIMIT 1`,
  );
  expect(inDistrict.length).toBeGreaterThanOrEqual(3);
});

const listing = (companyId: number, extra: Record<string, unknown> = {}) => ({
  companyId,
  reason: 'fund_misappropriation',
  document: '昆住建罚〔2026〕7号',
  listedOn: today(),
  facts: '挪用专项维修资金用于日常经营。',
  evidence: [{ name: '处罚决定书', url: 'https://zjj.baotou.gov.cn/cf/7.pdf' }],
  ...extra,
});

describe('blacklist: listing (DOMAIN.md §5)', () => {
  test('a district lists a company within its reach: active, audited in the same transaction', async () => {
    const res = await t.api
      .post('/api/blacklist')
      .set(await as('d150203'))
      .send(listing(inDistrict[0].id));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      companyId: inDistrict[0].id,
      companyName: inDistrict[0].name,
      state: 'active',
      regionCode: '150203',
      reason: 'fund_misappropriation',
    });
    expect(await count(`SELECT count(*) AS n FROM audit_logs WHERE entity = 'blacklist' AND entity_id = $1 AND action = 'create'`, [String(res.body.id)])).toBe(
      1,
    );
  });

  test('a second active listing of one company → 409 on companyId, 20 requests at once list it once', async () => {
    const companyId = inDistrict[1].id;
    const headers = await as('d150203');
    const results = await Promise.all(Array.from({ length: 20 }, () => t.api.post('/api/blacklist').set(headers).send(listing(companyId))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.every((r) => r.status === 409)).toBe(true);
    expect(await count(`SELECT count(*) AS n FROM blacklist_entries WHERE company_id = $1 AND removed_at IS NULL`, [companyId])).toBe(1);
    const again = await t.api.post('/api/blacklist').set(headers).send(listing(companyId));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_BLACKLISTED');
  });

  test('outside the jurisdiction, or by a street or a company → 403, nothing stored', async () => {
    const before = await count('SELECT count(*) AS n FROM blacklist_entries');
    const out = await t.api
      .post('/api/blacklist')
      .set(await as('d150202'))
      .send(listing(outside.id));
    expect(out.status).toBe(403);
    expect(out.body.error.code).toBe('OUT_OF_JURISDICTION');
    expect(
      (
        await t.api
          .post('/api/blacklist')
          .set(await as('street'))
          .send(listing(inDistrict[2].id))
      ).status,
    ).toBe(403);
    expect(
      (
        await t.api
          .post('/api/blacklist')
          .set(await as('company'))
          .send(listing(companyOwn))
      ).status,
    ).toBe(403);
    expect(await count('SELECT count(*) AS n FROM blacklist_entries')).toBe(before);
    // the refusals are audited, outside the rolled-back change
    expect(
      await count(`SELECT count(*) AS n FROM audit_logs WHERE entity = 'blacklist' AND action = 'refused' AND after->>'code' = 'OUT_OF_JURISDICTION'`),
    ).toBeGreaterThanOrEqual(1);
  });

  test("bad input is a 400 on the field in Chinese: an unknown reason, no evidence, someone else's upload, a future date", async () => {
    const headers = await as('city');
    const bad = await t.api
      .post('/api/blacklist')
      .set(headers)
      .send(listing(inDistrict[2].id, { reason: 'late_fees', evidence: [] }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toMatchObject({ reason: '列入事由的取值无效', evidence: '请上传至少一份证据材料' });
    const foreign = await t.api
      .post('/api/blacklist')
      .set(headers)
      .send(listing(inDistrict[2].id, { evidence: [{ name: 'x', url: '/api/uploads/999999' }] }));
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.code).toBe('BAD_UPLOAD');
    const future = await t.api
      .post('/api/blacklist')
      .set(headers)
      .send(listing(inDistrict[2].id, { listedOn: '2099-01-01' }));
    expect(future.status).toBe(400);
    expect(future.body.error.fields).toHaveProperty('listedOn');
  });
});

describe('blacklist: what it blocks and shows', () => {
  test('a blacklisted company takes no new project (409 on companyId); after removal it may', async () => {
    const companyId = inDistrict[0].id;
    expect([201, 409]).toContain(
      (
        await t.api
          .post('/api/blacklist')
          .set(await as('d150203'))
          .send(listing(companyId))
      ).status,
    );
    const [{ id: projectId }] = await t.query<{ id: number }>(`SELECT id FROM projects WHERE region_code LIKE '150203%' ORDER BY id LIMIT 1`);
    const p = (await t.api.get(`/api/projects/${projectId}`).set(await as('d150203'))).body;
    const body = {
      companyId,
      compoundId: p.compoundId,
      startDate: '2027-01-01',
      endDate: '2029-12-31',
      feeFenPerM2Month: p.feeFenPerM2Month,
      serviceLevel: p.serviceLevel,
      managerName: '王经理',
    };
    const before = await count('SELECT count(*) AS n FROM projects');
    const refused = await t.api
      .post('/api/projects')
      .set(await as('d150203'))
      .send(body);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'COMPANY_BLACKLISTED', fields: { companyId: expect.any(String) } });
    expect(await count('SELECT count(*) AS n FROM projects')).toBe(before);

    const [entry] = await t.query<{ id: number }>(`SELECT id FROM blacklist_entries WHERE company_id = $1 AND removed_at IS NULL`, [companyId]);
    const removed = await t.api
      .post(`/api/blacklist/${entry.id}/remove`)
      .set(await as('d150203'))
      .send({ removalReason: '已整改并退还资金', removalDocument: '昆住建函〔2026〕9号' });
    expect(removed.status).toBe(200);
    const allowed = await t.api
      .post('/api/projects')
      .set(await as('d150203'))
      .send(body);
    expect(allowed.status).toBe(201);
  });

  test('removal: by another district → 403; by the listing authority once, audited; a second removal → 409; the record keeps both', async () => {
    const [{ id }] = await t.query<{ id: number }>(`SELECT id FROM blacklist_entries WHERE company_id = $1 AND removed_at IS NULL`, [inDistrict[1].id]);
    const other = await t.api
      .post(`/api/blacklist/${id}/remove`)
      .set(await as('d150202'))
      .send({ removalReason: '整改', removalDocument: '文号' });
    expect(other.status).toBe(403);
    const empty = await t.api
      .post(`/api/blacklist/${id}/remove`)
      .set(await as('d150203'))
      .send({});
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toHaveProperty('removalReason');
    const ok = await t.api
      .post(`/api/blacklist/${id}/remove`)
      .set(await as('city'))
      .send({ removalReason: '信用修复', removalDocument: '包住建函〔2026〕3号' });
    expect(ok.status).toBe(200);
    expect(
      (
        await t.api
          .post(`/api/blacklist/${id}/remove`)
          .set(await as('city'))
          .send({ removalReason: '再次', removalDocument: '文号' })
      ).status,
    ).toBe(409);
    const shown = await t.api.get(`/api/blacklist/${id}`).set(await as('d150203'));
    expect(shown.body).toMatchObject({ state: 'removed', document: '昆住建罚〔2026〕7号', removalDocument: '包住建函〔2026〕3号' });
    expect(await count(`SELECT count(*) AS n FROM audit_logs WHERE entity = 'blacklist' AND entity_id = $1 AND action = 'unlist'`, [String(id)])).toBe(1);
  });

  test('the list searches, filters and sorts; a company reads only its own listings', async () => {
    const headers = await as('city');
    const q = await t.api
      .get(
        `/api/blacklist?filter=${encodeURIComponent(JSON.stringify({ q: inDistrict[1].name, state: 'removed' }))}&sort=${encodeURIComponent('["listedOn","DESC"]')}`,
      )
      .set(headers);
    expect(q.status).toBe(200);
    expect(q.body.map((r: { companyId: number }) => r.companyId)).toEqual([inDistrict[1].id]);
    expect((await t.api.get(`/api/blacklist?filter=${encodeURIComponent('{"reason":"nonsense"}')}`).set(headers)).status).toBe(400);
    const own = await t.api.get('/api/blacklist').set(await as('company'));
    expect(own.status).toBe(200);
    expect(own.body.every((r: { companyId: number }) => r.companyId === companyOwn)).toBe(true);
    const [{ id }] = await t.query<{ id: number }>(`SELECT id FROM blacklist_entries WHERE company_id = $1`, [inDistrict[1].id]);
    expect((await t.api.get(`/api/blacklist/${id}`).set(await as('company'))).status).toBe(404);
  });

  test("the letter PDF names the company and each compound it serves, to the owners' assembly or the developer", async () => {
    const company = inDistrict[2];
    const listed = await t.api
      .post('/api/blacklist')
      .set(await as('city'))
      .send(listing(company.id, { reason: 'left_without_handover' }));
    expect(listed.status).toBe(201);
    const compounds = await t.query<{ name: string }>(
      `SELECT DISTINCT c.name FROM compounds c JOIN projects p ON p.compound_id = c.id WHERE p.company_id = $1 AND p.start_date <= now()::date AND p.end_date >= now()::date`,
      [company.id],
    );
    expect(compounds.length).toBeGreaterThan(0);
    const res = await t.api
      .get(`/api/blacklist/${listed.body.id}/letters.pdf`)
      .set(await as('d150203'))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(res.body as Buffer)).replace(/\s+/g, '');
    expect(text).toContain(company.name);
    expect(text).toContain('未办理交接擅自撤离');
    expect(text).toContain('关于建议解除物业服务合同的函');
    for (const c of compounds) expect(text).toContain(c.name);
    expect((await t.api.get(`/api/blacklist/${listed.body.id}/letters.pdf`).set(await as('company'))).status).toBe(403);
  });
});
