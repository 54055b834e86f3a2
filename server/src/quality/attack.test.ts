/** Hostile and careless use of service quality (issue 12) through the HTTP API. */
import { createTestApi, type TestApi } from '../../../test/support/api';
import { expectRefusal } from '../../../test/support/refusal';
import { xlsxFromRecords } from '../party/xlsxFixtures';

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
}, 120000);
afterAll(() => t.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const as = async (who: string) => bearer(await t.login(who));
const count = async (sql: string, params: unknown[] = []) => (await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;

const RESOURCES = [
  'service-levels',
  'level-assessments',
  'upgrade-plans',
  'upgrade-plan-items',
  'awards',
  'fee-guidance',
  'cost-reports',
  'staff',
  'trainings',
];
const BAD: unknown[] = [
  null,
  [],
  'x',
  12,
  {
    name: '\u0000\u0007',
    regionCode: ['150203'],
    projectId: 1e308,
    year: 2 ** 53 + 1,
    effectiveFrom: '2026-02-30',
    deadline: '9999-12-31',
    hiredOn: '0001-01-01',
  },
  { projectId: -1, levelId: 1.5, companyId: { a: 1 }, staffId: '1', items: 'x', evidence: 'x', hoursTenths: 1e308, feeFenPerM2Month: -1 },
];

test('garbage to every quality resource, as every kind of staff: 4xx with a code and a Chinese message, never a 500', async () => {
  const out: string[] = [];
  const probe = (label: string, res: { status: number; body: any }) => {
    if (res.status >= 500 || (res.status >= 400 && !(res.body?.error?.code && /[\u4e00-\u9fff]/.test(res.body?.error?.message ?? ''))))
      out.push(`${label} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  };
  for (const r of RESOURCES) {
    for (const u of ['city', 'd150203', 'company']) {
      const h = await as(u);
      for (const q of [
        `?filter=${encodeURIComponent('{"q":"\\u0000","id":["abc"],"status":{"a":1}}')}`,
        '?sort=["nope","ASC"]&range=[0,1e308]',
        `?filter=${encodeURIComponent('{"regionCode":[1,2],"projectId":"1e308","year":"abc","companyId":99999999999999}')}`,
        '?filter=%7B',
      ]) {
        probe(`${u} GET ${r}${q}`, await t.api.get(`/api/${r}${q}`).set(h));
      }
      for (const id of ['abc', '99999999999999', '-1', '1.5', '0']) {
        probe(`${u} GET ${r}/${id}`, await t.api.get(`/api/${r}/${id}`).set(h));
        probe(`${u} PUT ${r}/${id}`, await t.api.put(`/api/${r}/${id}`).set(h).send({ a: 1 }));
        probe(`${u} DELETE ${r}/${id}`, await t.api.delete(`/api/${r}/${id}`).set(h));
      }
      for (const [i, b] of BAD.entries())
        probe(`${u} POST ${r} #${i}`, await t.api.post(`/api/${r}`).set(h).set('Content-Type', 'application/json').send(JSON.stringify(b)));
    }
  }
  for (const g of [
    '/api/quality/stats?year=abc',
    '/api/quality/stats?year=1e308',
    '/api/quality/stats.xlsx?year=-1&regionCode=%00',
    '/api/quality/training-rates?year=9999999999',
    '/api/public/price-stats?regionCode=%00',
    '/api/public/price-stats.xlsx?year=abc',
    '/api/staff-imports/abc',
    '/api/staff-imports/99999999999',
  ]) {
    probe(`GET ${g}`, await t.api.get(g).set(await as('d150203')));
  }
  expect(out).toEqual([]);
}, 300000);

describe('targeted bad input, nothing stored', () => {
  test('staff with a control character, a 10 MB name, absurd dates or numbers → 400', async () => {
    const [project] = await t.query<{ id: number }>(
      `SELECT p.id FROM projects p JOIN users u ON u.company_id = p.company_id AND u.username = 'company' ORDER BY p.id LIMIT 1`,
    );
    const before = await count('staff');
    let n = 0;
    for (const over of [
      { name: '王\u0000强' },
      { name: '王\u0007强' },
      { name: 'x'.repeat(10 * 1024 * 1024) },
      { hiredOn: '0001-01-01' },
      { hiredOn: '9999-12-31' },
      { hiredOn: '2026-02-30' },
      { projectId: 1e308 },
      { projectId: 2 ** 53 + 1 },
      { projectId: 1.5 },
      { phone: ['13812345678'] },
      { phone: { a: 1 } },
      { name: null },
    ]) {
      expectRefusal(
        await t.api
          .post('/api/staff')
          .set(await as('company'))
          .send({ staffNo: `ATK${++n}`, name: '王强', post: 'electrician', projectId: project.id, hiredOn: '2024-03-01', phone: '13812345678', ...over }),
      );
    }
    expect(await count('staff')).toBe(before);
  });
});

describe('personal data and jurisdiction', () => {
  test("bureau staff see staff phones masked; a company never sees another company's staff", async () => {
    for (const who of ['city', 'd150203', 'street']) {
      const res = await t.api
        .get('/api/staff')
        .query({ range: '[0,199]' })
        .set(await as(who));
      expect(res.status).toBe(200);
      for (const s of res.body as { phone?: string }[]) if (s.phone) expect(s.phone).toMatch(/\*{4}/);
    }
    const party = await t.api.get('/api/staff').set(await as('party'));
    expect(party.status).toBe(403);
    const [{ company_id: mine }] = await t.query<{ company_id: number }>(`SELECT company_id FROM users WHERE username = 'company'`);
    const [other] = await t.query<{ id: number }>(`SELECT id FROM staff WHERE company_id <> $1 ORDER BY id LIMIT 1`, [mine]);
    const company = await as('company');
    expect(((await t.api.get('/api/staff').query({ range: '[0,999]' }).set(company)).body as { companyId: number }[]).every((s) => s.companyId === mine)).toBe(
      true,
    );
    if (other) {
      expect([403, 404]).toContain((await t.api.get(`/api/staff/${other.id}`).set(company)).status);
      expect([403, 404]).toContain((await t.api.put(`/api/staff/${other.id}`).set(company).send({ name: '改名' })).status);
      expect(
        (
          await t.api
            .get('/api/trainings')
            .query({ filter: JSON.stringify({ staffId: other.id }) })
            .set(company)
        ).body,
      ).toEqual([]);
    }
    const resident = bearer(await t.residentToken('atk-quality-resident'));
    for (const r of ['staff', 'trainings', 'level-assessments', 'cost-reports', 'upgrade-plans'])
      expect([403, 404]).toContain((await t.api.get(`/api/${r}`).set(resident)).status);
  });

  test("another district cannot decide this district's application", async () => {
    const levels = await t.query<{ id: number; items: unknown[] }>(`SELECT id, items FROM service_levels WHERE scale = 'level' ORDER BY "order"`);
    const [project] = await t.query<{ id: number; region_code: string }>(
      `SELECT p.id, p.region_code FROM projects p JOIN users u ON u.company_id = p.company_id AND u.username = 'company' ORDER BY p.id LIMIT 1`,
    );
    const app = await t.api
      .post('/api/level-assessments')
      .set(await as('company'))
      .send({ projectId: project.id, levelId: levels[1].id, evidence: [] });
    expect(app.status).toBe(201);
    const outsider = project.region_code.startsWith('150202') ? 'd150203' : 'd150202';
    const res = await t.api
      .post(`/api/level-assessments/${app.body.id}/assess`)
      .set(await as(outsider))
      .send({ decision: 'rejected', results: [] });
    expect([403, 404]).toContain(res.status);
    expect((await t.query<{ status: string }>('SELECT status FROM level_assessments WHERE id = $1', [app.body.id]))[0].status).toBe('applied');
    // and 20 deciders at once: one decision
    const district = `d${project.region_code.slice(0, 6)}`;
    const allMet = { decision: 'accepted', results: levels[1].items.map((_, item) => ({ item, met: true, photos: [] })) };
    const h = await as(district);
    const all = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.api
          .post(`/api/level-assessments/${app.body.id}/assess`)
          .set(h)
          .send(i % 2 ? allMet : { decision: 'rejected', results: [] }),
      ),
    );
    expect(all.filter((r) => r.status === 200)).toHaveLength(1);
    expect(all.filter((r) => r.status === 409)).toHaveLength(19);
    expect(await count(`audit_logs WHERE entity = 'level-assessments' AND entity_id = $1 AND action IN ('approve', 'reject')`, [String(app.body.id)])).toBe(1);
  });
});

describe('workforce consistency and at most once', () => {
  const company = () => as('company');
  let projectId: number;
  let seq = 0;
  const person = (over: Record<string, unknown> = {}) => ({
    staffNo: `ATKW${++seq}`,
    name: '李明',
    post: 'electrician',
    projectId,
    hiredOn: '2024-03-01',
    phone: '13812345678',
    ...over,
  });
  beforeAll(async () => {
    [{ id: projectId }] = await t.query<{ id: number }>(
      `SELECT p.id FROM projects p JOIN users u ON u.company_id = p.company_id AND u.username = 'company' ORDER BY p.id LIMIT 1`,
    );
  });

  test('leaving dated before a recorded training → 400 STAFF_TRAINED_AFTER_LEFT on leftOn, nothing changed (as a training after leaving is refused)', async () => {
    const s = await t.api
      .post('/api/staff')
      .set(await company())
      .send(person());
    expect(s.status).toBe(201);
    const tr = await t.api
      .post('/api/trainings')
      .set(await company())
      .send({ staffId: s.body.id, kind: 'continuing', course: '消防', provider: '物业协会', hoursTenths: 40, trainedOn: '2024-06-01' });
    expect(tr.status).toBe(201);
    const res = await t.api
      .put(`/api/staff/${s.body.id}`)
      .set(await company())
      .send({ ...s.body, leftOn: '2024-05-01' });
    expectRefusal(res);
    expect(res.body.error).toMatchObject({ code: 'STAFF_TRAINED_AFTER_LEFT', fields: { leftOn: expect.any(String) } });
    expect((await t.query<{ left_on: string | null }>('SELECT left_on::text FROM staff WHERE id = $1', [s.body.id]))[0].left_on).toBeNull();
    // leaving on or after the last training is fine
    expect(
      (
        await t.api
          .put(`/api/staff/${s.body.id}`)
          .set(await company())
          .send({ ...s.body, leftOn: '2024-06-01' })
      ).status,
    ).toBe(200);
  });

  test('the same staff number 20-way in parallel: one 201, the rest 409, one row', async () => {
    const h = await company();
    const body = person({ staffNo: 'ATK-RACE' });
    const all = await Promise.all(Array.from({ length: 20 }, () => t.api.post('/api/staff').set(h).send(body)));
    expect(all.filter((r) => r.status === 201)).toHaveLength(1);
    expect(all.filter((r) => r.status === 409)).toHaveLength(19);
    expect(await count(`staff WHERE staff_no = 'ATK-RACE'`)).toBe(1);
  });

  test("the same year's cost report 20-way in parallel: one 201, the rest 409, one row", async () => {
    const [{ company_id: companyId }] = await t.query<{ company_id: number }>(`SELECT company_id FROM users WHERE username = 'company'`);
    const [{ year }] = await t.query<{ year: number }>(`SELECT (coalesce(min(year), 2026) - 1)::int AS year FROM cost_reports WHERE company_id = $1`, [
      companyId,
    ]);
    const items = {
      staffFen: 1,
      sharedFacilitiesFen: 1,
      cleaningFen: 1,
      greeningFen: 1,
      securityFen: 1,
      officeFen: 1,
      depreciationFen: 1,
      insuranceFen: 1,
      otherFen: 1,
    };
    const h = await company();
    const all = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.api
          .post('/api/cost-reports')
          .set(h)
          .send({ companyId, year, ...items }),
      ),
    );
    expect(all.filter((r) => r.status >= 500)).toEqual([]);
    expect(all.filter((r) => r.status === 201)).toHaveLength(1);
    expect(all.filter((r) => r.status === 409)).toHaveLength(19);
    expect(await count('cost_reports WHERE company_id = $1 AND year = $2', [companyId, year])).toBe(1);
  });
});

describe('staff import uploads', () => {
  const staffRow = (no: string, over: Record<string, string> = {}) => ({
    工号: no,
    姓名: '李娜',
    岗位: '电梯管理员',
    专业岗位: '',
    项目小区编码: '',
    入职日期: '2024-04-01',
    离职日期: '',
    手机号: '13900001111',
    证书名称: '',
    证书编号: '',
    证书有效期至: '',
    ...over,
  });
  const multipart = (fileNameParam: string, data: Buffer) => {
    const b = 'ATKBOUNDARY';
    return Buffer.concat([
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nstaff\r\n--${b}\r\nContent-Disposition: form-data; name="file"; ${fileNameParam}\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]);
  };

  test('a file name with control characters (NUL, BEL) → the import starts (never a 500), the name stored without them', async () => {
    const data = await xlsxFromRecords([staffRow('ATKF1')]);
    const res = await t.api
      .post('/api/staff-imports')
      .set(await as('company'))
      .set('Content-Type', 'multipart/form-data; boundary=ATKBOUNDARY')
      .send(multipart("filename*=utf-8''%E5%90%8D%00%07%1B.xlsx", data));
    expect(res.status).toBe(202);
    const [row] = await t.query<{ file_name: string }>('SELECT file_name FROM staff_imports WHERE id = $1', [res.body.id]);
    expect(row.file_name).toBe('名.xlsx');
  });

  test('rows with control characters or absurd values: row errors or cleaned, never a failure or a 500', async () => {
    const data = await xlsxFromRecords([
      staffRow('ATK\u0000R1'),
      staffRow('ATKR2', { 姓名: '李\u0007娜' }),
      staffRow('ATKR3', { 入职日期: '0001-01-01' }),
      staffRow('ATKR4', { 入职日期: '2026-02-30' }),
      staffRow('ATKR5', { 姓名: 'x'.repeat(100000) }),
    ]);
    const res = await t.api
      .post('/api/staff-imports')
      .set(await as('company'))
      .field('kind', 'staff')
      .attach('file', data, 'bad.xlsx');
    expect(res.status).toBe(202);
    let job = res.body;
    for (let i = 0; i < 100 && job.status === 'validating'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await t.api.get(`/api/staff-imports/${res.body.id}`).set(await as('company'))).body;
    }
    expect(job.status).toBe('ready');
    // the .xlsx cannot carry the control characters (they arrive stripped); the absurd dates and the long name are row errors
    expect(job.counts).toMatchObject({ valid: 2, invalid: 3 });
    expect(job.errors.map((e: { row: number }) => e.row)).toEqual([4, 5, 6]);
    const [{ valid }] = await t.query<{ valid: unknown }>('SELECT valid FROM staff_imports WHERE id = $1', [res.body.id]);
    expect(JSON.stringify(valid)).not.toMatch(/\\u000[07]/);
  });
});
