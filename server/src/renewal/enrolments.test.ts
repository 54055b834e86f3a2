import { createTestApi, type TestApi } from '../../../test/support/api';

/** Issue 11: quasi-property enrolment (overlap refused) and the district's yearly assessment against the "三个有" checklist. */
let t: TestApi;
let district: string;
const auth = (tk: string) => ({ Authorization: `Bearer ${tk}` });
const one = async <T>(q: string, p: unknown[] = []) => (await t.query<T>(q, p))[0];
let companyId: number;
let items: { id: number; text: string }[];

async function freshCompound(prefix = '150203'): Promise<number> {
  const { id } = await one<{ id: number }>(
    `SELECT c.id FROM compounds c WHERE c.region_code LIKE $1 || '%' AND c.retired_at IS NULL AND NOT EXISTS (SELECT 1 FROM quasi_enrolments e WHERE e.compound_id = c.id)
        AND c.id NOT IN (SELECT unnest($2::int[])) ORDER BY c.id LIMIT 1`,
    [prefix, used],
  );
  used.push(id);
  return id;
}
const used: number[] = [];
const enrol = (body: Record<string, unknown>, token = district) =>
  t.api
    .post('/api/quasi-enrolments')
    .set(auth(token))
    .send({ companyId, ...body });
const assess = (body: Record<string, unknown>, token = district) => t.api.post('/api/quasi-assessments').set(auth(token)).send(body);
const allMet = () => items.map((i) => ({ itemId: i.id, met: true, evidence: [] }));

beforeAll(async () => {
  t = await createTestApi();
  district = await t.login('d150203');
  ({ id: companyId } = await one<{ id: number }>(`SELECT id FROM companies ORDER BY id LIMIT 1`));
  const res = await t.api
    .get('/api/quasi-standard-items')
    .query({ filter: JSON.stringify({ active: true }) })
    .set(auth(district));
  items = res.body;
});
afterAll(() => t.close());

describe('the "三个有" checklist is data', () => {
  test('ships with three placeholder items marked 占位', () => {
    expect(items).toHaveLength(3);
    for (const i of items) expect(i.text).toContain('占位');
  });
  test('the city edits the wording; a district may not', async () => {
    const city = await t.login('city');
    const put = await t.api.put(`/api/quasi-standard-items/${items[0].id}`).set(auth(city)).send({ text: '有人管事（占位，待定稿）' });
    expect([put.status, put.body.text]).toEqual([200, '有人管事（占位，待定稿）']);
    const refused = await t.api.put(`/api/quasi-standard-items/${items[0].id}`).set(auth(district)).send({ text: '改' });
    expect([refused.status, refused.body.error?.code]).toEqual([403, 'ROLE_FORBIDDEN']);
  });
});

describe('quasi-enrolments', () => {
  test('an enrolment sets the compound quasi-managed, audited', async () => {
    const compoundId = await freshCompound();
    const res = await enrol({ compoundId, startDate: '2025-01-01' });
    expect([res.status, res.body.error]).toEqual([201, undefined]);
    expect(res.body.regionCode).toMatch(/^150203/);
    expect((await one<{ management_mode: string }>(`SELECT management_mode FROM compounds WHERE id = $1`, [compoundId])).management_mode).toBe('quasi');
    expect(
      (await one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'quasi-enrolments' AND entity_id = $1`, [String(res.body.id)])).n,
    ).toBe(1);
  });

  test.each<[string, Record<string, unknown>, Record<string, unknown>, number, string]>([
    ['an open-ended one overlapping a later start', { startDate: '2024-01-01' }, { startDate: '2025-06-01' }, 409, 'ENROLMENT_OVERLAP'],
    ['a new one starting on the old one’s last day', { startDate: '2024-01-01', endDate: '2024-12-31' }, { startDate: '2024-12-31' }, 409, 'ENROLMENT_OVERLAP'],
    ['one ending after an open-ended one starts', { startDate: '2025-01-01' }, { startDate: '2023-01-01', endDate: '2025-01-01' }, 409, 'ENROLMENT_OVERLAP'],
  ])('overlap: %s → 409, nothing stored', async (_n, first, second, status, code) => {
    const compoundId = await freshCompound();
    expect((await enrol({ compoundId, ...first })).status).toBe(201);
    const res = await enrol({ compoundId, ...second });
    expect([res.status, res.body.error?.code]).toEqual([status, code]);
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM quasi_enrolments WHERE compound_id = $1`, [compoundId])).n).toBe(1);
  });

  test('one starting the day after the last one ended is accepted', async () => {
    const compoundId = await freshCompound();
    expect((await enrol({ compoundId, startDate: '2023-01-01', endDate: '2023-12-31' })).status).toBe(201);
    expect((await enrol({ compoundId, startDate: '2024-01-01' })).status).toBe(201);
  });

  test.each<[string, () => Promise<[Record<string, unknown>, string?]>, number, string]>([
    ['another district’s compound', async () => [{ compoundId: await freshCompound('150204'), startDate: '2025-01-01' }], 403, 'OUT_OF_JURISDICTION'],
    ['street staff', async () => [{ compoundId: await freshCompound(), startDate: '2025-01-01' }, await t.login('street')], 403, 'ROLE_FORBIDDEN'],
    ['an end before the start', async () => [{ compoundId: await freshCompound(), startDate: '2025-01-01', endDate: '2024-01-01' }], 400, 'VALIDATION_FAILED'],
    ['an absurd date', async () => [{ compoundId: await freshCompound(), startDate: '0001-01-01' }], 400, 'VALIDATION_FAILED'],
    [
      'a company that does not exist',
      async () => [{ compoundId: await freshCompound(), startDate: '2025-01-01', companyId: 2147483000 }],
      400,
      'VALIDATION_FAILED',
    ],
  ])('refused: %s', async (_n, args, status, code) => {
    const [body, token] = await args();
    const res = await enrol(body, token);
    expect([res.status, res.body.error?.code]).toEqual([status, code]);
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM quasi_enrolments WHERE compound_id = $1`, [body.compoundId])).n).toBe(0);
  });

  test('20 overlapping enrolments at once: exactly one is stored', async () => {
    const compoundId = await freshCompound();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => enrol({ compoundId, startDate: `2025-0${1 + (i % 9)}-01` })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(Array(19).fill('ENROLMENT_OVERLAP'));
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM quasi_enrolments WHERE compound_id = $1`, [compoundId])).n).toBe(1);
  });
});

describe('quasi-assessments', () => {
  let enrolmentId: number;
  beforeAll(async () => {
    const compoundId = await freshCompound();
    enrolmentId = (await enrol({ compoundId, startDate: '2024-03-01' })).body.id;
  });

  test('a pass with every item met, evidence attached, the items’ wording kept', async () => {
    const { id: uploadId } = await one<{ id: number }>(
      `INSERT INTO uploads (owner_id, sha256, mime, size, path) SELECT id, repeat('a', 64), 'image/png', 10, 'x.png' FROM users WHERE username = 'd150203' RETURNING id`,
    );
    const res = await assess({ enrolmentId, year: 2024, result: 'pass', items: items.map((i) => ({ itemId: i.id, met: true, evidence: [uploadId] })) });
    expect([res.status, res.body.error]).toEqual([201, undefined]);
    expect(res.body.items[0]).toMatchObject({ itemId: items[0].id, met: true, evidence: [uploadId] });
    expect(res.body.items[0].text).toBeTruthy();
  });

  test("the evidence is served to the assessment's readers: the city reads it, another district gets 404", async () => {
    const PNG = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1d0e3a40000000049454e44ae426082',
      'hex',
    );
    const photo = (await t.api.post('/api/uploads').set(auth(district)).attach('file', PNG, '公示栏.png')).body.id as number;
    const own = (await enrol({ compoundId: await freshCompound(), startDate: '2024-03-01' })).body.id as number;
    const res = await assess({ enrolmentId: own, year: 2024, result: 'pass', items: items.map((i) => ({ itemId: i.id, met: true, evidence: [photo] })) });
    expect(res.status).toBe(201);
    expect((await t.api.get(`/api/uploads/${photo}`).set(auth(await t.login('city')))).status).toBe(200);
    expect((await t.api.get(`/api/uploads/${photo}`).set(auth(await t.login('d150202')))).status).toBe(404);
  });

  test('a fail may leave items unmet', async () => {
    const res = await assess({ enrolmentId, year: 2025, result: 'fail', items: items.map((i, n) => ({ itemId: i.id, met: n > 0, evidence: [] })) });
    expect(res.status).toBe(201);
  });

  test.each<[string, () => Promise<[Record<string, unknown>, string?]>, number, string]>([
    [
      'a pass with an unmet item',
      async () => [{ year: 2026, result: 'pass', items: items.map((i, n) => ({ itemId: i.id, met: n > 0, evidence: [] })) }],
      400,
      'ASSESSMENT_ITEMS_UNMET',
    ],
    ['an item missing', async () => [{ year: 2026, result: 'pass', items: allMet().slice(1) }], 400, 'ASSESSMENT_ITEMS_MISMATCH'],
    ['an item twice', async () => [{ year: 2026, result: 'pass', items: [...allMet(), allMet()[0]] }], 400, 'ASSESSMENT_ITEMS_MISMATCH'],
    ['the same year again', async () => [{ year: 2024, result: 'pass', items: allMet() }], 409, 'ASSESSMENT_EXISTS'],
    ['a year before the enrolment', async () => [{ year: 2023, result: 'pass', items: allMet() }], 400, 'YEAR_NOT_SERVED'],
    [
      'evidence that was never uploaded',
      async () => [{ year: 2026, result: 'pass', items: items.map((i) => ({ itemId: i.id, met: true, evidence: [2147483000] })) }],
      400,
      'VALIDATION_FAILED',
    ],
    ['a result outside the enum', async () => [{ year: 2026, result: 'excellent', items: allMet() }], 400, 'VALIDATION_FAILED'],
    ['another district’s staff', async () => [{ year: 2026, result: 'pass', items: allMet() }, await t.login('d150204')], 403, 'OUT_OF_JURISDICTION'],
    ['the city (the district assesses)', async () => [{ year: 2026, result: 'pass', items: allMet() }, await t.login('city')], 403, 'ROLE_FORBIDDEN'],
  ])('refused: %s', async (_n, args, status, code) => {
    const [body, token] = await args();
    const before = await one<{ n: number }>(`SELECT count(*)::int AS n FROM quasi_assessments WHERE enrolment_id = $1`, [enrolmentId]);
    const res = await assess({ enrolmentId, ...body }, token);
    expect([res.status, res.body.error?.code]).toEqual([status, code]);
    expect(await one(`SELECT count(*)::int AS n FROM quasi_assessments WHERE enrolment_id = $1`, [enrolmentId])).toEqual(before);
  });

  test('assessments are not edited once recorded', async () => {
    const [row] = (
      await t.api
        .get('/api/quasi-assessments')
        .query({ filter: JSON.stringify({ enrolmentId }) })
        .set(auth(district))
    ).body;
    const res = await t.api.put(`/api/quasi-assessments/${row.id}`).set(auth(district)).send({ result: 'fail' });
    expect(res.status).toBe(405);
    expect((await one<{ result: string }>(`SELECT result FROM quasi_assessments WHERE id = $1`, [row.id])).result).toBe(row.result);
  });
});
