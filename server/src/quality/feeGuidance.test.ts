import { createTestApi, type TestApi } from '../../../test/support/api';

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const as = async (who: string) => bearer(await t.login(who));
const count = async (sql: string) => Number((await t.query<{ n: string }>(sql))[0].n);

let level2: number;
let assessed: { id: number; fee: number; type: string; region_code: string };
beforeAll(async () => {
  [{ id: level2 }] = await t.query<{ id: number }>(`SELECT id FROM service_levels WHERE scale = 'level' AND "order" = 2`);
  // a demo project whose accepted level is level 2
  [assessed] = await t.query(
    `SELECT p.id, p.fee_fen_per_m_2_month AS fee, c.type, p.region_code FROM projects p JOIN compounds c ON c.id = p.compound_id
      WHERE p.id IN (SELECT project_id FROM level_assessments WHERE status = 'accepted' AND level_id = $1) ORDER BY p.id LIMIT 1`,
    [level2],
  );
});

const band = (over: Record<string, unknown> = {}) => ({
  levelId: level2,
  propertyType: assessed.type,
  minFen: 100,
  maxFen: 200,
  sourceDocument: '包头市物业服务收费指导价（测试）',
  effectiveFrom: '2020-01-01',
  effectiveUntil: null,
  ...over,
});

describe('fee-guidance (DOMAIN.md §11)', () => {
  test('ships empty; only the city writes it', async () => {
    expect(await count('SELECT count(*) AS n FROM fee_guidance')).toBe(0);
    expect(
      (
        await t.api
          .post('/api/fee-guidance')
          .set(await as('d150202'))
          .send(band())
      ).status,
    ).toBe(403);
  });

  test('min > max → 400 on the field; nothing stored', async () => {
    const res = await t.api
      .post('/api/fee-guidance')
      .set(await as('city'))
      .send(band({ minFen: 300, maxFen: 200 }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('minFen');
    expect(await count('SELECT count(*) AS n FROM fee_guidance')).toBe(0);
  });

  test('overlapping dates for the same level and type → 409, also 20 overlapping bands sent at once store one', async () => {
    const token = await as('city');
    const all = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.api
          .post('/api/fee-guidance')
          .set(token)
          .send(band({ minFen: 100 + i })),
      ),
    );
    expect(all.filter((r) => r.status === 201)).toHaveLength(1);
    expect(all.filter((r) => r.status === 409).every((r) => r.body.error.code === 'FEE_GUIDANCE_OVERLAP')).toBe(true);
    expect(await count('SELECT count(*) AS n FROM fee_guidance')).toBe(1);
    // a later, separate span is fine; another type too
    expect(
      (
        await t.api
          .post('/api/fee-guidance')
          .set(token)
          .send(band({ effectiveFrom: '2010-01-01', effectiveUntil: '2019-12-31' }))
      ).status,
    ).toBe(201);
    const otherType = assessed.type === 'old' ? 'commodity' : 'old';
    expect(
      (
        await t.api
          .post('/api/fee-guidance')
          .set(token)
          .send(band({ propertyType: otherType }))
      ).status,
    ).toBe(201);
  });

  test("a project's fee outside its band is flagged, not blocked; within it, not flagged", async () => {
    const city = await as('city');
    const [g] = await t.query<{ id: number }>(`SELECT id FROM fee_guidance WHERE property_type = $1 AND effective_until IS NULL`, [assessed.type]);
    const put = (minFen: number, maxFen: number) => t.api.put(`/api/fee-guidance/${g.id}`).set(city).send(band({ minFen, maxFen }));
    expect((await put(assessed.fee + 1, assessed.fee + 50)).status).toBe(200);
    expect((await t.api.get(`/api/projects/${assessed.id}`).set(city)).body.feeFlag).toBe('below');
    const flagged = await t.api.get(`/api/projects?filter=${encodeURIComponent('{"feeFlag":"below"}')}`).set(city);
    expect(flagged.body.map((p: { id: number }) => p.id)).toContain(assessed.id);
    expect((await put(Math.max(0, assessed.fee - 10), assessed.fee)).status).toBe(200);
    expect((await t.api.get(`/api/projects/${assessed.id}`).set(city)).body.feeFlag).toBeNull();
  });
});

describe('project pricing (DOMAIN.md §11)', () => {
  test('pricing form and selection method are recorded on the project; values outside the lists → 400', async () => {
    const city = await as('city');
    const p = (await t.api.get(`/api/projects/${assessed.id}`).set(city)).body;
    const ok = await t.api
      .put(`/api/projects/${assessed.id}`)
      .set(city)
      .send({ ...p, pricingForm: 'cost_plus', selectionMethod: 'public_tender', tenderDate: '2024-03-01', tenderResult: '中标' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ pricingForm: 'cost_plus', selectionMethod: 'public_tender', tenderDate: '2024-03-01', tenderResult: '中标' });
    const bad = await t.api
      .put(`/api/projects/${assessed.id}`)
      .set(city)
      .send({ ...p, pricingForm: 'fixed' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('pricingForm');
    const absurd = await t.api
      .put(`/api/projects/${assessed.id}`)
      .set(city)
      .send({ ...p, tenderDate: '9999-01-01' });
    expect(absurd.status).toBe(400);
    expect(absurd.body.error.fields).toHaveProperty('tenderDate');
  });
});

describe('cost-reports', () => {
  const items = {
    staffFen: 4000000,
    sharedFacilitiesFen: 1000000,
    cleaningFen: 1000000,
    greeningFen: 500000,
    securityFen: 1500000,
    officeFen: 300000,
    depreciationFen: 200000,
    insuranceFen: 100000,
    otherFen: 0,
  };
  test('a company reports its own year once; not for another company; not a negative amount', async () => {
    const [{ company_id }] = await t.query<{ company_id: number }>(`SELECT company_id FROM users WHERE username = 'company'`);
    const company = await as('company');
    const res = await t.api
      .post('/api/cost-reports')
      .set(company)
      .send({ companyId: company_id, year: 2024, ...items });
    expect(res.status).toBe(201);
    expect(Number(res.body.totalFen)).toBe(8600000);
    expect(
      (
        await t.api
          .post('/api/cost-reports')
          .set(company)
          .send({ companyId: company_id, year: 2024, ...items })
      ).status,
    ).toBe(409);
    expect(
      (
        await t.api
          .post('/api/cost-reports')
          .set(company)
          .send({ companyId: company_id + 1, year: 2024, ...items })
      ).status,
    ).toBe(403);
    const neg = await t.api
      .post('/api/cost-reports')
      .set(company)
      .send({ companyId: company_id, year: 2023, ...items, cleaningFen: -1 });
    expect(neg.status).toBe(400);
    expect(neg.body.error.fields).toHaveProperty('cleaningFen');
  });
});

describe('statistics', () => {
  test('GET /api/quality/stats by district and by level: level 2 or above counted, fee median and range, no data yet for collection and satisfaction', async () => {
    const res = await t.api.get('/api/quality/stats?year=2026&groupBy=level').set(await as('city'));
    expect(res.status).toBe(200);
    expect(res.body.target).toEqual({ projectsAtLevel2OrAbove: 60, excellentProjects: 36 });
    const [{ n }] = await t.query<{ n: string }>(
      `SELECT count(DISTINCT a.project_id) AS n FROM level_assessments a JOIN service_levels l ON l.id = a.level_id JOIN projects p ON p.id = a.project_id
        WHERE a.status = 'accepted' AND l.scale = 'level' AND l."order" <= 2 AND p.start_date <= '2026-12-31' AND p.end_date >= '2026-01-01'`,
    );
    expect(res.body.totals.atLevel2OrAbove).toBe(Number(n));
    expect(Number(n)).toBeGreaterThan(0);
    expect(res.body.totals.collectionRate).toBeNull();
    expect(res.body.totals.satisfaction).toBeNull();
    expect(res.body.totals.fee.minFen).toBeLessThanOrEqual(res.body.totals.fee.medianFen);
    const byDistrict = await t.api.get('/api/quality/stats?year=2026&groupBy=district').set(await as('city'));
    expect(byDistrict.body.groups.reduce((s: number, g: { projects: number }) => s + g.projects, 0)).toBe(byDistrict.body.totals.projects);
    expect(byDistrict.body.totals.costComposition.totalFen).toBeGreaterThan(0);
  });

  test('the .xlsx of the statistics', async () => {
    const res = await t.api
      .get('/api/quality/stats.xlsx?year=2026')
      .set(await as('city'))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect((res.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  test('bad input → 400; company staff → 403', async () => {
    expect((await t.api.get('/api/quality/stats?year=abc').set(await as('city'))).status).toBe(400);
    expect((await t.api.get('/api/quality/stats?year=2026&groupBy=company').set(await as('city'))).status).toBe(400);
    expect((await t.api.get('/api/quality/stats?year=2026').set(await as('company'))).status).toBe(403);
  });

  test('the public price statistics need no sign-in and carry no names of companies or people; .xlsx export', async () => {
    const res = await t.api.get('/api/public/price-stats?year=2026');
    expect(res.status).toBe(200);
    expect(res.body.byDistrict.length).toBeGreaterThan(0);
    const text = JSON.stringify(res.body);
    const names = await t.query<{ name: string }>('SELECT name FROM companies');
    for (const { name } of names) expect(text).not.toContain(name);
    expect((await t.api.get('/api/public/price-stats?year=1e9')).status).toBe(400);
    const xlsx = await t.api
      .get('/api/public/price-stats.xlsx?year=2026')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });
});
