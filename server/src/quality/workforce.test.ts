import { trainingRates, type RateStaff, type RateTraining } from '@baotou/shared';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { xlsxFromRecords } from '../party/xlsxFixtures';

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const as = async (who: string) => bearer(await t.login(who));
const count = async (sqlText: string, params: unknown[] = []) => Number((await t.query<{ n: string }>(sqlText, params))[0].n);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysFromToday = (n: number) => iso(new Date(Date.now() + 8 * 3600_000 + n * 86_400_000));

let company: { id: number; name: string };
let project: { id: number; region_code: string; code: string };
let otherProject: { id: number };
let district: string;
let otherDistrict: string;
beforeAll(async () => {
  [company] = await t.query(`SELECT c.id, c.name FROM companies c JOIN users u ON u.company_id = c.id WHERE u.username = 'company'`);
  [project] = await t.query(
    `SELECT p.id, p.region_code, c.code FROM projects p JOIN compounds c ON c.id = p.compound_id WHERE p.company_id = $1 ORDER BY p.id LIMIT 1`,
    [company.id],
  );
  [otherProject] = await t.query(`SELECT id FROM projects WHERE company_id <> $1 ORDER BY id LIMIT 1`, [company.id]);
  district = project.region_code.slice(0, 6);
  [{ code: otherDistrict }] = await t.query(`SELECT code FROM regions WHERE level = 'district' AND code <> $1 ORDER BY code LIMIT 1`, [district]);
});

let seq = 0;
const person = (over: Record<string, unknown> = {}) => ({
  staffNo: `T${++seq}`,
  name: '王强',
  post: 'electrician',
  projectId: project.id,
  hiredOn: '2024-03-01',
  phone: '13812345678',
  ...over,
});
async function createStaff(over: Record<string, unknown> = {}) {
  const res = await t.api
    .post('/api/staff')
    .set(await as('company'))
    .send(person(over));
  if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; staffNo: string };
}
const training = (staffId: number, over: Record<string, unknown> = {}) => ({
  staffId,
  kind: 'pre_job',
  course: '岗前安全',
  provider: '物业协会',
  hoursTenths: 80,
  trainedOn: '2024-03-01',
  ...over,
});

test('the demo seed has staff, trainings and a certificate expiring soon', async () => {
  expect(await count('SELECT count(*) AS n FROM staff')).toBeGreaterThanOrEqual(60);
  expect(await count('SELECT count(*) AS n FROM trainings')).toBeGreaterThanOrEqual(60);
  expect(await count(`SELECT count(*) AS n FROM staff WHERE certificate_expires_on <= (now() AT TIME ZONE 'Asia/Shanghai')::date + 60`)).toBeGreaterThan(0);
});

describe('staff registry (issue 12): company writes its own, bureau reads within jurisdiction, phones masked outside the company', () => {
  test('created by the company, phone in full for it, specialist from the post, region from the project', async () => {
    const s = await createStaff();
    const mine = await t.api.get(`/api/staff/${s.id}`).set(await as('company'));
    expect(mine.body).toMatchObject({ staffNo: s.staffNo, phone: '13812345678', specialist: true, regionCode: project.region_code, companyId: company.id });
    expect(mine.body.phoneEnc).toBeUndefined();
    const stored = await t.query<{ phone_enc: string }>(`SELECT phone_enc FROM staff WHERE id = $1`, [s.id]);
    expect(stored[0].phone_enc).not.toContain('13812345678');
  });

  test('the district sees it masked; another district and party-building staff do not see it', async () => {
    const s = await createStaff();
    const own = await t.api.get(`/api/staff/${s.id}`).set(await as(`d${district}`));
    expect(own.status).toBe(200);
    expect(own.body.phone).toBe('138****5678');
    expect(own.body.phoneEnc).toBeUndefined();
    expect((await t.api.get(`/api/staff/${s.id}`).set(await as(`d${otherDistrict}`))).status).toBe(404);
    expect((await t.api.get('/api/staff').set(await as('party'))).status).toBe(403);
    const list = await t.api.get(`/api/staff?filter=${encodeURIComponent(JSON.stringify({ q: s.staffNo }))}`).set(await as('city'));
    expect(list.headers['content-range']).toMatch(/^staff 0-0\/1$/);
    expect(list.body[0].phone).toBe('138****5678');
  });

  test('bureau staff cannot write; refusals change nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM staff');
    expect(
      (
        await t.api
          .post('/api/staff')
          .set(await as(`d${district}`))
          .send(person())
      ).status,
    ).toBe(403);
    const dup = await createStaff();
    const again = await t.api
      .post('/api/staff')
      .set(await as('company'))
      .send(person({ staffNo: dup.staffNo }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('STAFF_NO_TAKEN');
    const foreign = await t.api
      .post('/api/staff')
      .set(await as('company'))
      .send(person({ projectId: otherProject.id }));
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.code).toBe('PROJECT_NOT_OWN');
    const left = await t.api
      .post('/api/staff')
      .set(await as('company'))
      .send(person({ leftOn: '2024-01-01' }));
    expect(left.status).toBe(400);
    expect(left.body.error.fields.leftOn).toBeTruthy();
    for (const bad of [
      { hiredOn: '2024-02-30' },
      { hiredOn: daysFromToday(2) },
      { name: 'a\u0001b' },
      { post: 'cook' },
      { phone: '123' },
      { projectId: 1e12 },
    ]) {
      expect(
        (
          await t.api
            .post('/api/staff')
            .set(await as('company'))
            .send(person(bad))
        ).status,
      ).toBe(400);
    }
    expect(await count('SELECT count(*) AS n FROM staff')).toBe(before + 1);
  });

  test('certificates expiring within 60 days are flagged (column and filter)', async () => {
    const soon = await createStaff({
      certificates: [
        { name: '低压电工证', number: 'C1', expiresOn: daysFromToday(30) },
        { name: '高压电工证', number: 'C2', expiresOn: daysFromToday(400) },
      ],
    });
    const later = await createStaff({ certificates: [{ name: '低压电工证', number: 'C3', expiresOn: daysFromToday(90) }] });
    const expired = await createStaff({ certificates: [{ name: '低压电工证', number: 'C4', expiresOn: daysFromToday(-1) }] });
    const flag = async (id: number) => (await t.api.get(`/api/staff/${id}`).set(await as('company'))).body.certificateFlag;
    expect(await flag(soon.id)).toBe('expiring');
    expect(await flag(later.id)).toBeNull();
    expect(await flag(expired.id)).toBe('expired');
    const list = await t.api
      .get(`/api/staff?range=[0,999]&filter=${encodeURIComponent(JSON.stringify({ certificateExpiring: true }))}`)
      .set(await as('company'));
    const ids = list.body.map((r: { id: number }) => r.id);
    expect(ids).toEqual(expect.arrayContaining([soon.id, expired.id]));
    expect(ids).not.toContain(later.id);
  });
});

describe('trainings (issue 12): refusals', () => {
  let me: { id: number };
  beforeAll(async () => {
    me = await createStaff({ hiredOn: '2024-03-01' });
  });

  test('a training for someone on the company staff is recorded, hours in tenths', async () => {
    const res = await t.api
      .post('/api/trainings')
      .set(await as('company'))
      .send(training(me.id, { hoursTenths: 35 }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ staffId: me.id, hoursTenths: 35, staffNo: expect.any(String), companyId: company.id });
  });

  test('someone not on the company staff, dated before hired, hours ≤ 0 or > 24: 4xx, nothing written', async () => {
    const [{ id: stranger }] = await t.query<{ id: number }>(
      `INSERT INTO staff (company_id, region_code, staff_no, name, post, specialist, hired_on, certificates) SELECT company_id, region_code, 'X-1', '外人', 'cleaning', false, '2020-01-01', '[]' FROM projects WHERE id = $1 RETURNING id`,
      [otherProject.id],
    );
    const before = await count('SELECT count(*) AS n FROM trainings');
    const post = async (body: Record<string, unknown>) =>
      t.api
        .post('/api/trainings')
        .set(await as('company'))
        .send(body);
    let res = await post(training(stranger));
    expect([res.status, res.body.error.code]).toEqual([400, 'TRAINING_STAFF_NOT_IN_COMPANY']);
    res = await post(training(2147483000));
    expect([res.status, res.body.error.code]).toEqual([400, 'TRAINING_STAFF_NOT_IN_COMPANY']);
    res = await post(training(me.id, { trainedOn: '2024-02-29' }));
    expect([res.status, res.body.error.code]).toEqual([400, 'TRAINING_BEFORE_HIRED']);
    expect(res.body.error.fields.trainedOn).toBeTruthy();
    for (const hoursTenths of [0, -10, 241, 2.5, '80', null]) {
      res = await post(training(me.id, { hoursTenths }));
      expect(res.status).toBe(400);
      expect(res.body.error.fields.hoursTenths).toBeTruthy();
    }
    res = await post(training(me.id, { trainedOn: daysFromToday(1) }));
    expect(res.status).toBe(400);
    expect(
      (
        await t.api
          .post('/api/trainings')
          .set(await as(`d${district}`))
          .send(training(me.id))
      ).status,
    ).toBe(403);
    expect(await count('SELECT count(*) AS n FROM trainings')).toBe(before);
  });

  test('at most 24 hours a day per person, 20 requests at once (locked on the person)', async () => {
    const p = await createStaff({ hiredOn: '2024-01-01' });
    const headers = await as('company');
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.api
          .post('/api/trainings')
          .set(headers)
          .send(training(p.id, { kind: 'continuing', trainedOn: '2024-05-06', hoursTenths: 20 })),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(12);
    for (const r of results.filter((r) => r.status !== 201)) expect([r.status, r.body.error.code]).toEqual([400, 'TRAINING_DAY_OVER_24H']);
    expect(await count('SELECT sum(hours_tenths) AS n FROM trainings WHERE staff_id = $1', [p.id])).toBe(240);
  });

  test('bureau staff read trainings within jurisdiction only', async () => {
    const list = await t.api.get(`/api/trainings?filter=${encodeURIComponent(JSON.stringify({ staffId: me.id }))}`).set(await as(`d${district}`));
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    const other = await t.api.get(`/api/trainings?filter=${encodeURIComponent(JSON.stringify({ staffId: me.id }))}`).set(await as(`d${otherDistrict}`));
    expect(other.body).toHaveLength(0);
  });
});

async function upload(kind: string, data: Buffer, who = 'company') {
  return t.api
    .post('/api/staff-imports')
    .set(await as(who))
    .field('kind', kind)
    .attach('file', data, `${kind}.xlsx`);
}
async function settled(id: string, until: (s: string) => boolean) {
  for (let i = 0; i < 400; i++) {
    const p = await t.api.get(`/api/staff-imports/${id}`).set(await as('company'));
    if (until(p.body.status)) return p.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import never settled');
}
const preview = async (kind: string, data: Buffer) => {
  const res = await upload(kind, data);
  expect(res.status).toBe(202);
  return settled(res.body.id, (s) => s !== 'validating');
};
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

describe('import from .xlsx with preview and confirm (issue 12)', () => {
  test('preview reports bad rows by row number, is kept in the database, and writes nothing; confirm writes the valid rows once', async () => {
    const before = await count('SELECT count(*) AS n FROM staff');
    const sheet = await xlsxFromRecords([
      staffRow('IM1', { 项目小区编码: project.code }),
      staffRow('IM2', { 岗位: '厨师' }),
      staffRow('IM3', { 入职日期: '2024-13-01' }),
    ]);
    const p = await preview('staff', sheet);
    expect(p).toMatchObject({ status: 'ready', counts: { total: 3, valid: 1, invalid: 2 } });
    expect(p.errors.map((e: { row: number }) => e.row)).toEqual([3, 4]);
    expect(p.errors[0].messages.join()).toContain('厨师');
    expect(await count(`SELECT count(*) AS n FROM staff_imports WHERE id = $1`, [p.id])).toBe(1);
    const stored = await t.query<{ valid: string }>(`SELECT valid::text FROM staff_imports WHERE id = $1`, [p.id]);
    expect(stored[0].valid).not.toContain('13900001111');
    expect(await count('SELECT count(*) AS n FROM staff')).toBe(before);

    const refused = await t.api
      .post(`/api/staff-imports/${p.id}/commit`)
      .set(await as('company'))
      .send({});
    expect([refused.status, refused.body.error.code]).toEqual([409, 'IMPORT_HAS_ERRORS']);
    expect(await count('SELECT count(*) AS n FROM staff')).toBe(before);

    const headers = await as('company');
    const all = await Promise.all(
      Array.from({ length: 20 }, () => t.api.post(`/api/staff-imports/${p.id}/commit`).set(headers).send({ confirmValidOnly: true })),
    );
    expect(all.filter((r) => r.status === 202)).toHaveLength(1);
    for (const r of all.filter((r) => r.status !== 202)) expect([r.status, r.body.error.code]).toEqual([409, 'IMPORT_ALREADY_COMMITTED']);
    const done = await settled(p.id, (s) => s === 'committed' || s === 'failed');
    expect(done).toMatchObject({ status: 'committed', committed: 1, progress: { done: 1, total: 1 } });
    expect(await count('SELECT count(*) AS n FROM staff')).toBe(before + 1);
    const [row] = await t.query<{ project_id: number; specialist: boolean; region_code: string }>(
      `SELECT project_id, specialist, region_code FROM staff WHERE staff_no = 'IM1' AND company_id = $1`,
      [company.id],
    );
    expect(row).toEqual({ project_id: project.id, specialist: true, region_code: project.region_code });
    expect(await count(`SELECT count(*) AS n FROM audit_logs WHERE entity = 'staff' AND action = 'import'`)).toBeGreaterThanOrEqual(1);
  });

  test('trainings import by 工号; refused rows (not on staff, before hired, 0 or > 24 hours) reported', async () => {
    await preview('staff', await xlsxFromRecords([staffRow('TR1')])).then(async (p) => {
      await t.api
        .post(`/api/staff-imports/${p.id}/commit`)
        .set(await as('company'))
        .send({});
      await settled(p.id, (s) => s === 'committed');
    });
    const row = (over: Record<string, string>) => ({
      工号: 'TR1',
      培训类型: '继续教育',
      课程: '电梯安全',
      培训机构: '特检院',
      学时: '8',
      培训日期: '2024-05-01',
      培训证书编号: '',
      佐证材料: '',
      ...over,
    });
    const p = await preview(
      'trainings',
      await xlsxFromRecords([row({}), row({ 工号: 'NOPE' }), row({ 培训日期: '2024-03-31' }), row({ 学时: '0' }), row({ 学时: '25' })]),
    );
    expect(p.counts).toEqual({ total: 5, valid: 1, invalid: 4 });
    expect(p.errors.map((e: { messages: string[] }) => e.messages.join())).toEqual([
      expect.stringContaining('不是本企业登记的员工'),
      expect.stringContaining('早于该员工的入职日期'),
      expect.stringContaining('学时必须大于0'),
      expect.stringContaining('不能超过24小时'),
    ]);
    const before = await count(`SELECT count(*) AS n FROM trainings t JOIN staff s ON s.id = t.staff_id WHERE s.staff_no = 'TR1'`);
    expect(before).toBe(0);
    expect(
      (
        await t.api
          .post(`/api/staff-imports/${p.id}/commit`)
          .set(await as('company'))
          .send({ confirmValidOnly: true })
      ).status,
    ).toBe(202);
    expect(await settled(p.id, (s) => s === 'committed' || s === 'failed')).toMatchObject({ status: 'committed', committed: 1 });
    expect(
      await count(
        `SELECT count(*) AS n FROM trainings t JOIN staff s ON s.id = t.staff_id WHERE s.staff_no = 'TR1' AND t.hours_tenths = 80 AND t.kind = 'continuing'`,
      ),
    ).toBe(1);
  });

  test('a batch whose 工号 was registered after the preview fails with the reason and writes nothing; audit rows carry no ciphertext', async () => {
    const p = await preview('staff', await xlsxFromRecords([staffRow('ST1'), staffRow('ST2')]));
    expect(p.status).toBe('ready');
    await createStaff({ staffNo: 'ST2' });
    const before = await count('SELECT count(*) AS n FROM staff');
    expect(
      (
        await t.api
          .post(`/api/staff-imports/${p.id}/commit`)
          .set(await as('company'))
          .send({})
      ).status,
    ).toBe(202);
    const done = await settled(p.id, (s) => s === 'committed' || s === 'failed');
    expect(done.status).toBe('failed');
    expect(done.failure).toContain('ST2');
    expect(await count('SELECT count(*) AS n FROM staff')).toBe(before);
    const ok = await preview('staff', await xlsxFromRecords([staffRow('ST3')]));
    await t.api
      .post(`/api/staff-imports/${ok.id}/commit`)
      .set(await as('company'))
      .send({});
    await settled(ok.id, (s) => s === 'committed');
    const [audit] = await t.query<{ after: Record<string, unknown> }>(
      `SELECT a.after FROM audit_logs a JOIN staff s ON a.entity = 'staff' AND a.entity_id = s.id::text AND a.action = 'import' WHERE s.staff_no = 'ST3' AND s.company_id = $1`,
      [company.id],
    );
    expect(audit.after).toMatchObject({ staffNo: 'ST3', phoneMasked: '139****1111', post: 'lift', specialist: true });
    expect(JSON.stringify(audit.after)).not.toMatch(/phoneEnc|phoneHash|13900001111/);
  });

  test('previews older than a day are removed when the next upload comes (checked rows are not kept)', async () => {
    const old = await preview('staff', await xlsxFromRecords([staffRow('OLD-1')]));
    await t.query(`UPDATE staff_imports SET created_at = now() - interval '25 hours' WHERE id = $1`, [old.id]);
    await preview('staff', await xlsxFromRecords([staffRow('NEW-1')]));
    expect(await count(`SELECT count(*) AS n FROM staff_imports WHERE id = $1`, [old.id])).toBe(0);
    expect((await t.api.get(`/api/staff-imports/${old.id}`).set(await as('company'))).status).toBe(404);
  });

  test('file-level refusals: not an .xlsx, missing columns, not a company user', async () => {
    expect((await upload('staff', Buffer.from('a,b\n1,2'))).status).toBe(415);
    const missing = await upload('staff', await xlsxFromRecords([{ 工号: 'A', 姓名: 'B' }]));
    expect([missing.status, missing.body.error.code]).toEqual([400, 'MISSING_COLUMNS']);
    expect((await upload('staff', await xlsxFromRecords([staffRow('Z')]), `d${district}`)).status).toBe(403);
    expect((await upload('bogus', await xlsxFromRecords([staffRow('Z')]))).status).toBe(400);
  });
});

describe('audit and exports of the workforce', () => {
  const auditOf = async (who: string, entity: string) =>
    (await t.api.get(`/api/audit-logs?range=[0,99]&filter=${encodeURIComponent(JSON.stringify({ entity }))}`).set(await as(who))).body as { entity: string }[];
  test('staff, trainings and import rows are audited; the city reads them, party-building staff (who may not read staff) do not', async () => {
    await createStaff();
    const p = await preview('staff', await xlsxFromRecords([staffRow('AU1')]));
    await t.api
      .post(`/api/staff-imports/${p.id}/commit`)
      .set(await as('company'))
      .send({});
    await settled(p.id, (st) => st === 'committed');
    for (const entity of ['staff', 'staff-imports']) {
      expect((await auditOf('city', entity)).length).toBeGreaterThan(0);
      expect(await auditOf('party', entity)).toEqual([]);
    }
  });
  test('exporting the staff list is a personal-data export (a purpose is asked and audited)', async () => {
    const res = await t.api
      .post('/api/audit/exports')
      .set(await as(`d${district}`))
      .send({ resource: 'staff', filter: {}, rowCount: 3, purpose: { kind: 'supervision', detail: '检查持证上岗' } });
    expect(res.status).toBeLessThan(300);
    expect(await count(`SELECT count(*) AS n FROM audit_logs WHERE action = 'export_personal' AND entity = 'staff'`)).toBe(1);
  });
});

describe('training rates (DOMAIN.md §13) in SQL equal the shared trainingRates', () => {
  test('by company for the city, on the same data, and the district total is the sum of heads', async () => {
    // A few more people and trainings in 2024 so each count is non-trivial.
    const a = await createStaff({ hiredOn: '2024-06-01', post: 'cleaning' });
    const b = await createStaff({ hiredOn: '2024-06-01', post: 'lift' });
    const c = await createStaff({ hiredOn: '2020-01-01', post: 'boiler' });
    const d = await createStaff({ hiredOn: '2020-01-01', post: 'boiler', leftOn: '2024-12-30' });
    const h = await as('company');
    await t.api
      .post('/api/trainings')
      .set(h)
      .send(training(a.id, { trainedOn: '2024-06-01' }));
    await t.api
      .post('/api/trainings')
      .set(h)
      .send(training(b.id, { trainedOn: '2024-06-02' }));
    await t.api
      .post('/api/trainings')
      .set(h)
      .send(training(c.id, { kind: 'continuing', trainedOn: '2024-07-01', hoursTenths: 240 }));
    await t.api
      .post('/api/trainings')
      .set(h)
      .send(training(d.id, { kind: 'continuing', trainedOn: '2024-07-01', hoursTenths: 240 }));

    const res = await t.api.get('/api/quality/training-rates?year=2024&groupBy=company').set(await as('city'));
    expect(res.status).toBe(200);
    expect(res.body.targets).toEqual({ preJobTrainingPct: 100, continuingEducationPct: 70 });
    const staffRows = await t.query<RateStaff & { companyId: number }>(
      `SELECT id, company_id AS "companyId", hired_on::text AS "hiredOn", left_on::text AS "leftOn", specialist FROM staff`,
    );
    const trainingRows = await t.query<RateTraining>(
      `SELECT staff_id AS "staffId", kind, trained_on::text AS "trainedOn", hours_tenths AS "hoursTenths" FROM trainings`,
    );
    const companies = [...new Set(staffRows.map((s) => s.companyId))];
    const expected = companies
      .map((id) => ({
        key: String(id),
        ...trainingRates(
          staffRows.filter((s) => s.companyId === id),
          trainingRows,
          2024,
          { preJobGraceDays: 0, continuingHoursTenths: 240 },
        ),
      }))
      .filter((r) => r.preJob.hired + r.continuing.specialists > 0);
    const got = res.body.rows.map((r: Record<string, unknown>) => ({ key: r.key, preJob: r.preJob, continuing: r.continuing }));
    expect(got.sort((x: { key: string }, y: { key: string }) => x.key.localeCompare(y.key))).toEqual(expected.sort((x, y) => x.key.localeCompare(y.key)));
    const mine = res.body.rows.find((r: { key: string }) => r.key === String(company.id));
    expect(mine.preJob.hired).toBeGreaterThanOrEqual(2);
    expect(mine.name).toBe(company.name);

    const byDistrict = await t.api.get('/api/quality/training-rates?year=2024&groupBy=district').set(await as('city'));
    const sum = (rows: { preJob: { hired: number } }[]) => rows.reduce((n, r) => n + r.preJob.hired, 0);
    expect(sum(byDistrict.body.rows)).toBe(sum(res.body.rows));
    expect(byDistrict.body.total.preJob.hired).toBe(sum(res.body.rows));
    expect(byDistrict.body.total.labels.preJob).toMatch(/^\d+\.\d{2}%$/);
  });

  test('the district sees its own district only; the company its own company; bad queries are 400', async () => {
    const res = await t.api.get('/api/quality/training-rates?year=2024&groupBy=district').set(await as(`d${district}`));
    expect(res.body.rows.map((r: { key: string }) => r.key)).toEqual([district]);
    const mine = await t.api.get('/api/quality/training-rates?year=2024&groupBy=company').set(await as('company'));
    expect(mine.body.rows.map((r: { key: string }) => r.key)).toEqual([String(company.id)]);
    expect((await t.api.get('/api/quality/training-rates?year=2024').set(await as('party'))).status).toBe(403);
    for (const q of ['year=20245', 'year=abc', 'year=2024&groupBy=street', '', 'year=1800']) {
      expect((await t.api.get(`/api/quality/training-rates?${q}`).set(await as('city'))).status).toBe(400);
    }
  });

  test('a pre-job training on the start date moves the rate', async () => {
    const read = async () => (await t.api.get('/api/quality/training-rates?year=2024&groupBy=city').set(await as('city'))).body.total.preJob;
    const p = await createStaff({ hiredOn: '2024-08-01' });
    const before = await read();
    await t.api
      .post('/api/trainings')
      .set(await as('company'))
      .send(training(p.id, { trainedOn: '2024-08-01' }));
    const after = await read();
    expect(after).toEqual({ trained: before.trained + 1, hired: before.hired });
  });
});
