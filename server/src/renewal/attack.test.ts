/** Hostile and careless use of the old-compound capability (issue 11) through the HTTP API. */
import { createTestApi, type TestApi } from '../../../test/support/api';
import { expectRefusal } from '../../../test/support/refusal';

let t: TestApi;
let district: string;
let companyId: number;
const auth = (tk: string) => ({ Authorization: `Bearer ${tk}` });
const as = async (who: string) => auth(await t.login(who));
const count = async (sql: string, params: unknown[] = []) => (await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;

beforeAll(async () => {
  t = await createTestApi();
  district = await t.login('d150203');
  ({ company_id: companyId } = (await t.query<{ company_id: number }>(`SELECT company_id FROM users WHERE username = 'company'`))[0]);
}, 120000);
afterAll(() => t.close());

const freeCompounds = async (n: number) =>
  (
    await t.query<{ id: number }>(
      `SELECT c.id FROM compounds c WHERE c.region_code LIKE '150203%' AND c.retired_at IS NULL AND NOT EXISTS (SELECT 1 FROM quasi_enrolments e WHERE e.compound_id = c.id) ORDER BY c.id DESC LIMIT $1`,
      [n],
    )
  ).map((r) => r.id);

describe('bad input → 4xx with a code and a Chinese message, nothing stored', () => {
  test('quasi-enrolments with absurd dates, numbers and types', async () => {
    const [compoundId] = await freeCompounds(1);
    const before = await count('quasi_enrolments');
    for (const over of [
      { startDate: '0001-01-01' },
      { startDate: '9999-12-31' },
      { startDate: '2026-02-30' },
      { startDate: '2025-01-01', endDate: '0001-01-01' },
      { compoundId: 1e308 },
      { compoundId: 2 ** 53 + 1 },
      { compoundId: -1 },
      { compoundId: 1.5 },
      { companyId: { id: companyId } },
      { compoundId: [compoundId] },
      { startDate: null },
      { note: 'x'.repeat(10 * 1024 * 1024) },
    ]) {
      const res = await t.api
        .post('/api/quasi-enrolments')
        .set(auth(district))
        .send({ compoundId, companyId, startDate: '2025-01-01', ...over });
      expectRefusal(res);
    }
    expect(await count('quasi_enrolments')).toBe(before);
  });

  test('subsidy batches for absurd years or districts', async () => {
    const before = await count('subsidy_batches');
    for (const body of [
      { districtCode: '150203', year: 1 },
      { districtCode: '150203', year: -1 },
      { districtCode: '150203', year: 1e308 },
      { districtCode: '150203', year: 2024.5 },
      { districtCode: '150203\u0000', year: 2024 },
      { districtCode: ['150203'], year: 2024 },
      { districtCode: '150203', year: '2024' },
      { districtCode: '150202', year: 2024 },
    ]) {
      expectRefusal(await t.api.post('/api/subsidy-batches').set(auth(district)).send(body));
    }
    expect(await count('subsidy_batches')).toBe(before);
  });

  test('renewal-surveys with control characters and absurd counts', async () => {
    const community = await as('community');
    const [c] = await t.query<{ id: number }>(
      `SELECT c.id FROM compounds c JOIN users u ON u.username = 'community' AND c.region_code LIKE u.region_code || '%' WHERE c.type = 'old' AND c.retired_at IS NULL AND NOT EXISTS (SELECT 1 FROM renewal_surveys s WHERE s.compound_id = c.id) ORDER BY c.id LIMIT 1`,
    );
    if (!c) return;
    const before = await count('renewal_surveys');
    for (const over of [
      { householdCount: 2 ** 53 + 1 },
      { householdCount: -1 },
      { householdCount: 1.5 },
      { householdCount: 1e308 },
      { householdCount: '80' },
      { note: '坏\u0000' },
      { compoundId: 'abc' },
    ]) {
      expectRefusal(
        await t.api
          .post('/api/renewal-surveys')
          .set(community)
          .send({ compoundId: c.id, ...over }),
      );
    }
    expect(await count('renewal_surveys')).toBe(before);
  });

  test('ids in the URL that are not ids → 404, never 500', async () => {
    for (const id of ['abc', '99999999999999', '-1', '1.5', '0']) {
      for (const r of ['renewal-surveys', 'quasi-enrolments', 'quasi-assessments', 'subsidy-batches', 'subsidy-lines', 'subsidy-usages', 'renovations']) {
        const res = await t.api.get(`/api/${r}/${id}`).set(auth(district));
        expect(res.status).toBe(404);
      }
      expectRefusal(await t.api.get(`/api/subsidy-batches/${id}/export.xlsx`).set(auth(district)));
      expectRefusal(await t.api.post(`/api/subsidy-batches/${id}/approve`).set(auth(district)));
      expectRefusal(await t.api.post(`/api/compounds/${id}/merge-into`).set(auth(district)).send({ targetCompoundId: 1 }));
      expectRefusal(await t.api.get(`/api/renewal/compounds/${id}`).set(auth(district)));
    }
  });
});

describe('jurisdiction', () => {
  test("d150202 cannot read, export, approve or merge d150203's rows", async () => {
    const other = await as('d150202');
    const [batch] = await t.query<{ id: number; status: string }>(
      `SELECT id, status FROM subsidy_batches WHERE region_code LIKE '150203%' ORDER BY id LIMIT 1`,
    );
    if (batch) {
      expect([403, 404]).toContain((await t.api.get(`/api/subsidy-batches/${batch.id}`).set(other)).status);
      expect([403, 404]).toContain((await t.api.get(`/api/subsidy-batches/${batch.id}/export.xlsx`).set(other)).status);
      expect([403, 404]).toContain((await t.api.post(`/api/subsidy-batches/${batch.id}/approve`).set(other)).status);
      const lines = await t.api
        .get('/api/subsidy-lines')
        .query({ filter: JSON.stringify({ batchId: batch.id }) })
        .set(other);
      expect(lines.body).toEqual([]);
      expect((await t.query<{ status: string }>('SELECT status FROM subsidy_batches WHERE id = $1', [batch.id]))[0].status).toBe(batch.status);
    }
    const [a, b] = await freeCompounds(2);
    expect([403, 404]).toContain((await t.api.post(`/api/compounds/${a}/merge-into`).set(other).send({ targetCompoundId: b })).status);
    // the compound's renewal summary is public by design (compoundSummary.ts) — but nothing personal in it
    expect(JSON.stringify((await t.api.get(`/api/renewal/compounds/${a}`).set(other)).body)).not.toMatch(/phone|idNumber|\d{11}/i);
    expect(await count('compounds WHERE id = ANY($1::int[]) AND retired_at IS NOT NULL', [[a, b]])).toBe(0);
    for (const r of ['renewal-surveys', 'quasi-enrolments', 'quasi-assessments', 'renovations', 'subsidy-usages']) {
      const res = await t.api.get(`/api/${r}`).query({ range: '[0,499]' }).set(other);
      expect(res.status).toBe(200);
      expect((res.body as { regionCode?: string }[]).filter((row) => row.regionCode?.startsWith('150203'))).toEqual([]);
    }
  });

  test('a company does not read the district renewal records of compounds it does not serve, nor approve anything', async () => {
    const company = await as('company');
    const [batch] = await t.query<{ id: number }>(`SELECT id FROM subsidy_batches ORDER BY id LIMIT 1`);
    if (batch) expect([403, 404]).toContain((await t.api.post(`/api/subsidy-batches/${batch.id}/approve`).set(company)).status);
    const lines = await t.api.get('/api/subsidy-lines').query({ range: '[0,499]' }).set(company);
    if (lines.status === 200) expect((lines.body as { companyId: number }[]).every((l) => l.companyId === companyId)).toBe(true);
  });
});

describe('at most once', () => {
  test('drafting the same batch 20-way in parallel: one 201, the rest 409 BATCH_EXISTS, one batch', async () => {
    const all = await Promise.all(
      Array.from({ length: 20 }, () => t.api.post('/api/subsidy-batches').set(auth(district)).send({ districtCode: '150203', year: 2023 })),
    );
    expect(all.filter((r) => r.status === 201)).toHaveLength(1);
    expect(all.filter((r) => r.status === 409 && r.body.error.code === 'BATCH_EXISTS')).toHaveLength(19);
    expect(await count(`subsidy_batches WHERE region_code = '150203' AND year = 2023`)).toBe(1);
    const id = all.find((r) => r.status === 201)!.body.id;
    const approvals = await Promise.all(Array.from({ length: 20 }, () => t.api.post(`/api/subsidy-batches/${id}/approve`).set(auth(district))));
    expect(approvals.filter((r) => r.status === 200)).toHaveLength(1);
    expect(approvals.filter((r) => r.status === 409)).toHaveLength(19);
    expect(await count(`audit_logs WHERE entity = 'subsidy-batches' AND entity_id = $1 AND action = 'approve'`, [String(id)])).toBe(1);
  });

  test('merging the same compound 20-way in parallel: one success, the rest 409, one merge', async () => {
    const ids = (
      await t.query<{ id: number }>(
        `SELECT c.id FROM compounds c WHERE c.region_code LIKE '150203%' AND c.retired_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.compound_id = c.id AND v.status <> 'closed')
          AND NOT EXISTS (SELECT 1 FROM fund_applications a WHERE a.compound_id = c.id AND a.status NOT IN ('disbursed', 'rejected'))
        ORDER BY c.id LIMIT 2`,
      )
    ).map((r) => r.id);
    const [source, target] = ids;
    const all = await Promise.all(
      Array.from({ length: 20 }, () => t.api.post(`/api/compounds/${source}/merge-into`).set(auth(district)).send({ targetCompoundId: target })),
    );
    expect(all.filter((r) => r.status >= 500)).toEqual([]);
    expect(all.filter((r) => r.status === 200)).toHaveLength(1);
    expect(all.filter((r) => r.status === 409)).toHaveLength(19);
    expect(await count(`audit_logs WHERE action = 'merge' AND entity = 'compounds' AND entity_id = $1`, [String(source)])).toBe(1);
  }, 120000);
});

describe('uploads cited as evidence', () => {
  const PNG = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1d0e3a40000000049454e44ae426082',
    'hex',
  );
  test("a district citing someone else's upload id as assessment evidence → 400, nothing stored, the file stays unreadable to it", async () => {
    const foreign = (
      await t.api
        .post('/api/uploads')
        .set(await as('d150202'))
        .attach('file', PNG, '他区文件.png')
    ).body.id as number;
    expect(foreign).toEqual(expect.any(Number));
    expect((await t.api.get(`/api/uploads/${foreign}`).set(auth(district))).status).toBe(404);
    const [compoundId] = await freeCompounds(1);
    const e = await t.api.post('/api/quasi-enrolments').set(auth(district)).send({ compoundId, companyId, startDate: '2024-03-01' });
    expect(e.status).toBe(201);
    const items = (await t.api.get('/api/quasi-standard-items').set(auth(district))).body as { id: number }[];
    const res = await t.api
      .post('/api/quasi-assessments')
      .set(auth(district))
      .send({ enrolmentId: e.body.id, year: 2024, result: 'pass', items: items.map((i) => ({ itemId: i.id, met: true, evidence: [foreign] })) });
    expectRefusal(res);
    expect(res.status).toBe(400);
    expect(await count('quasi_assessments WHERE enrolment_id = $1', [e.body.id])).toBe(0);
    expect((await t.api.get(`/api/uploads/${foreign}`).set(auth(district))).status).toBe(404);
    // the district's own upload is fine
    const mine = (await t.api.post('/api/uploads').set(auth(district)).attach('file', PNG, '公示栏.png')).body.id as number;
    const ok = await t.api
      .post('/api/quasi-assessments')
      .set(auth(district))
      .send({ enrolmentId: e.body.id, year: 2024, result: 'pass', items: items.map((i) => ({ itemId: i.id, met: true, evidence: [mine] })) });
    expect(ok.status).toBe(201);
  });
});
