import ExcelJS from 'exceljs';
import { quasiSubsidy } from '@baotou/shared';
import { createTestApi, type TestApi } from '../../../test/support/api';

/** Issue 11: yearly subsidy batches per district (DOMAIN.md §4) — lines, scope, approvals, export, use of the money. */
let t: TestApi;
let district: string;
let city: string;
let company: string;
const auth = (tk: string) => ({ Authorization: `Bearer ${tk}` });
const one = async <T>(q: string, p: unknown[] = []) => (await t.query<T>(q, p))[0];
// The demo seed drafts 2025's batch; these tests draft 2024's.
const YEAR = 2024;
const c: Record<'a' | 'b' | 'failed' | 'missing' | 'old', number> = {} as never;
let batchId: number;
let companyId: number;

async function enrolAndAssess(compoundId: number, startDate: string, result: 'pass' | 'fail' | null, area: string) {
  await t.query(`UPDATE compounds SET total_area = $2 WHERE id = $1`, [compoundId, area]);
  const e = await t.api.post('/api/quasi-enrolments').set(auth(district)).send({ compoundId, companyId, startDate });
  expect(e.status).toBe(201);
  if (!result) return;
  const items = (await t.api.get('/api/quasi-standard-items').set(auth(district))).body.map((i: { id: number }) => ({
    itemId: i.id,
    met: result === 'pass',
    evidence: [],
  }));
  expect((await t.api.post('/api/quasi-assessments').set(auth(district)).send({ enrolmentId: e.body.id, year: YEAR, result, items })).status).toBe(201);
}

beforeAll(async () => {
  t = await createTestApi();
  district = await t.login('d150203');
  city = await t.login('city');
  company = await t.login('company');
  ({ company_id: companyId } = await one<{ company_id: number }>(`SELECT company_id FROM users WHERE username = 'company'`));
  const ids = (
    await t.query<{ id: number }>(
      `SELECT c.id FROM compounds c WHERE c.region_code LIKE '150203%' AND NOT EXISTS (SELECT 1 FROM quasi_enrolments e WHERE e.compound_id = c.id) ORDER BY c.id LIMIT 5`,
    )
  ).map((r) => r.id);
  [c.a, c.b, c.failed, c.missing, c.old] = ids;
  await enrolAndAssess(c.a, '2023-01-01', 'pass', '12345.67'); // year 2, 12 months
  await enrolAndAssess(c.b, '2024-03-15', 'pass', '123456.78'); // year 1, April–December
  await enrolAndAssess(c.failed, '2023-01-01', 'fail', '5000.00');
  await enrolAndAssess(c.missing, '2023-01-01', null, '5000.00');
  await enrolAndAssess(c.old, '2020-01-01', 'pass', '5000.00'); // year 5: nothing
});
afterAll(() => t.close());

describe('drafting a batch', () => {
  test('one line per enrolled compound with a passed assessment: area × rate of its year × months, odd fen to the city', async () => {
    const res = await t.api.post('/api/subsidy-batches').set(auth(district)).send({ districtCode: '150203', year: YEAR });
    expect([res.status, res.body.error]).toEqual([201, undefined]);
    batchId = res.body.id;
    const lines = (
      await t.api
        .get('/api/subsidy-lines')
        .query({ filter: JSON.stringify({ batchId }), range: '[0,99]' })
        .set(auth(district))
    ).body;
    const byCompound = Object.fromEntries(lines.map((l: { compoundId: number }) => [l.compoundId, l]));
    expect(Object.keys(byCompound).map(Number).sort()).toEqual([c.a, c.b].sort());
    const a = quasiSubsidy({ areaCenti: 1234567, enrolmentYear: 2, months: 12 });
    const b = quasiSubsidy({ areaCenti: 12345678, enrolmentYear: 1, months: 9 });
    expect(byCompound[c.a]).toMatchObject({ enrolmentYear: 2, months: 12, rateFen: 30, ...a });
    expect(byCompound[c.b]).toMatchObject({ enrolmentYear: 1, months: 9, rateFen: 40, ...b });
    expect(a.totalFen).toBe(4444441); // 12,345.67 m² × 0.30 × 12 = 44,444.412 元
    expect(res.body).toMatchObject({
      status: 'draft',
      lineCount: 2,
      totalFen: a.totalFen + b.totalFen,
      cityFen: a.cityFen + b.cityFen,
      districtFen: a.districtFen + b.districtFen,
    });
  });

  test.each<[string, () => Promise<[Record<string, unknown>, string]>, number, string]>([
    ['the same district and year again', async () => [{ districtCode: '150203', year: YEAR }, district], 409, 'BATCH_EXISTS'],
    ['a district out of scope (石拐区)', async () => [{ districtCode: '150205', year: YEAR }, city], 400, 'DISTRICT_OUT_OF_SCOPE'],
    ['a street code', async () => [{ districtCode: '150203001', year: YEAR }, city], 400, 'VALIDATION_FAILED'],
    ['a future year', async () => [{ districtCode: '150203', year: 2099 }, district], 400, 'VALIDATION_FAILED'],
    ['another district’s staff', async () => [{ districtCode: '150203', year: 2023 }, await t.login('d150204')], 403, 'OUT_OF_JURISDICTION'],
    ['street staff', async () => [{ districtCode: '150203', year: 2023 }, await t.login('street')], 403, 'ROLE_FORBIDDEN'],
  ])('refused: %s', async (_n, args, status, code) => {
    const [body, token] = await args();
    const before = await one(`SELECT count(*)::int AS n FROM subsidy_batches`);
    const res = await t.api.post('/api/subsidy-batches').set(auth(token)).send(body);
    expect([res.status, res.body.error?.code]).toEqual([status, code]);
    expect(await one(`SELECT count(*)::int AS n FROM subsidy_batches`)).toEqual(before);
  });

  test('lines are read-only', async () => {
    const [line] = (
      await t.api
        .get('/api/subsidy-lines')
        .query({ filter: JSON.stringify({ batchId }) })
        .set(auth(district))
    ).body;
    const put = await t.api.put(`/api/subsidy-lines/${line.id}`).set(auth(district)).send({ totalFen: 1 });
    expect([put.status, put.body.error?.code]).toEqual([403, 'READ_ONLY']);
    expect((await t.api.post('/api/subsidy-lines').set(auth(district)).send({ batchId })).status).toBe(403);
  });
});

describe('approvals: district, then city, then paid', () => {
  test('the city cannot approve a draft; the district cannot pay', async () => {
    const early = await t.api.post(`/api/subsidy-batches/${batchId}/approve`).set(auth(city));
    expect([early.status, early.body.error?.code]).toEqual([409, 'BATCH_NOT_READY']);
    const pay = await t.api.post(`/api/subsidy-batches/${batchId}/pay`).set(auth(district));
    expect([pay.status, pay.body.error?.code]).toEqual([403, 'ROLE_FORBIDDEN']);
    const other = await t.api.post(`/api/subsidy-batches/${batchId}/approve`).set(auth(await t.login('d150204')));
    expect(other.status).toBe(404);
  });

  test('the district approves once; twice is 409', async () => {
    const ok = await t.api.post(`/api/subsidy-batches/${batchId}/approve`).set(auth(district));
    expect([ok.status, ok.body.status]).toEqual([200, 'district_approved']);
    const again = await t.api.post(`/api/subsidy-batches/${batchId}/approve`).set(auth(district));
    expect([again.status, again.body.error?.code]).toEqual([409, 'BATCH_ALREADY_APPROVED']);
  });

  test('a usage cannot be recorded before the money is paid', async () => {
    const [line] = (await t.api.get('/api/subsidy-lines').set(auth(company))).body;
    const res = await t.api
      .post('/api/subsidy-usages')
      .set(auth(company))
      .send({ lineId: line.id, category: 'greening', amountFen: 100, spentOn: '2025-01-15' });
    expect([res.status, res.body.error?.code]).toEqual([409, 'BATCH_NOT_PAID']);
  });

  test('20 city approvals at once: one transition, 19 × 409, one audit row', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => t.api.post(`/api/subsidy-batches/${batchId}/approve`).set(auth(city))));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status !== 200).map((r) => r.body.error?.code)).toEqual(Array(19).fill('BATCH_ALREADY_APPROVED'));
    expect(
      (
        await one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'subsidy-batches' AND entity_id = $1 AND action = 'approve'`, [
          String(batchId),
        ])
      ).n,
    ).toBe(2);
  });

  test('exported for the finance bureau: Chinese headers, amounts in 元 from fen, a total row', async () => {
    const res = await t.api
      .get(`/api/subsidy-batches/${batchId}/export.xlsx`)
      .set(auth(city))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const ws = wb.worksheets[0];
    expect(ws.getRow(2).values).toEqual(expect.arrayContaining(['小区', '准物业服务企业', '补贴金额（元）', '市级承担（元）', '区级承担（元）']));
    const amounts = [3, 4].map((r) => ws.getRow(r).getCell(11).value);
    const expected = [
      quasiSubsidy({ areaCenti: 1234567, enrolmentYear: 2, months: 12 }).totalFen / 100,
      quasiSubsidy({ areaCenti: 12345678, enrolmentYear: 1, months: 9 }).totalFen / 100,
    ];
    expect(amounts.sort()).toEqual(expected.sort());
    expect(ws.getRow(5).getCell(1).value).toBe('合计');
  });

  test('the city pays; paying twice is 409', async () => {
    const ok = await t.api.post(`/api/subsidy-batches/${batchId}/pay`).set(auth(city));
    expect([ok.status, ok.body.status]).toEqual([200, 'paid']);
    const again = await t.api.post(`/api/subsidy-batches/${batchId}/pay`).set(auth(city));
    expect([again.status, again.body.error?.code]).toEqual([409, 'BATCH_ALREADY_PAID']);
  });
});

describe('the company records how the money was used (五(四))', () => {
  test('facilities, greening and roads within the paid amount; beyond it is 409', async () => {
    const lines = (await t.api.get('/api/subsidy-lines').set(auth(company))).body;
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const line = lines.find((l: { compoundId: number }) => l.compoundId === c.a);
    const post = (category: string, amountFen: number) =>
      t.api.post('/api/subsidy-usages').set(auth(company)).send({ lineId: line.id, category, amountFen, spentOn: '2025-01-15', note: '更换路灯' });
    expect((await post('facilities', line.totalFen - 300)).status).toBe(201);
    expect((await post('greening', 200)).status).toBe(201);
    const over = await post('roads', 101);
    expect([over.status, over.body.error?.code]).toEqual([409, 'USAGE_EXCEEDS_PAID']);
    expect((await post('roads', 100)).status).toBe(201);
    const usages = (
      await t.api
        .get('/api/subsidy-usages')
        .query({ filter: JSON.stringify({ lineId: line.id }) })
        .set(auth(district))
    ).body;
    expect(usages.reduce((s: number, u: { amountFen: number }) => s + u.amountFen, 0)).toBe(line.totalFen);
  });

  test('refused: a category outside the three, another company’s line, bureau staff', async () => {
    const [line] = (await t.api.get('/api/subsidy-lines').set(auth(company))).body;
    const bad = await t.api.post('/api/subsidy-usages').set(auth(company)).send({ lineId: line.id, category: 'salaries', amountFen: 1, spentOn: '2025-01-15' });
    expect([bad.status, bad.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
    await t.query(`UPDATE users SET company_id = (SELECT id FROM companies WHERE id <> $1 ORDER BY id LIMIT 1) WHERE username = 'company'`, [companyId]);
    try {
      const other = await t.api
        .post('/api/subsidy-usages')
        .set(auth(company))
        .send({ lineId: line.id, category: 'roads', amountFen: 1, spentOn: '2025-01-15' });
      expect(other.status).toBeGreaterThanOrEqual(400);
      expect(other.status).toBeLessThan(500);
    } finally {
      await t.query(`UPDATE users SET company_id = $1 WHERE username = 'company'`, [companyId]);
    }
    const bureau = await t.api
      .post('/api/subsidy-usages')
      .set(auth(district))
      .send({ lineId: line.id, category: 'roads', amountFen: 1, spentOn: '2025-01-15' });
    expect([bureau.status, bureau.body.error?.code]).toEqual([403, 'ROLE_FORBIDDEN']);
  });
});
