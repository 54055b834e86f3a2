import { createTestApi, type TestApi } from '../../../test/support/api';
import { readXlsxRows, xlsxFromRecords } from './xlsxFixtures';

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const party = async () => bearer(await t.login('party'));
const count = async (table: string) => Number((await t.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);

/** An .xlsx made in the test: a header row and data rows. */
const sheet = (rows: Record<string, string | number>[], headers = Object.keys(rows[0] ?? {})) => xlsxFromRecords(rows, headers);

async function upload(kind: string, data: Buffer, name = 'sheet.xlsx', who = 'party') {
  return t.api
    .post('/api/party-imports')
    .set(bearer(await t.login(who)))
    .field('kind', kind)
    .attach('file', data, name);
}

async function preview(kind: string, data: Buffer) {
  const res = await upload(kind, data);
  expect(res.status).toBe(202);
  for (let i = 0; i < 200; i++) {
    const p = await t.api.get(`/api/party-imports/${res.body.id}`).set(await party());
    if (p.body.status !== 'validating') return p.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import never finished validating');
}

let org: { id: number; name: string };
let company: { id: number; name: string };
let served: { compound_id: number; region_code: string; code: string };
beforeAll(async () => {
  [org] = await t.query(`SELECT id, name FROM party_orgs WHERE setting = 'company' ORDER BY id LIMIT 1`);
  [company] = await t.query(`SELECT c.id, c.name FROM companies c JOIN party_orgs o ON o.company_id = c.id WHERE o.id = $1`, [org.id]);
  [served] = await t.query(
    `SELECT p.compound_id, p.region_code, c.code FROM projects p JOIN compounds c ON c.id = p.compound_id WHERE p.company_id = $1 ORDER BY p.id LIMIT 1`,
    [company.id],
  );
});

const memberRow = (name: string, over: Record<string, string> = {}) => ({
  姓名: name,
  性别: '女',
  入党日期: '2015-07-01',
  所在党组织: org.name,
  身份: '企业员工',
  工作单位: company.name,
  小区编码: '',
  社区代码: '',
  手机号: '',
  ...over,
});

describe('the demo registry', () => {
  test('is seeded: orgs, members, cross-appointments, red projects', async () => {
    expect(await count('party_orgs')).toBeGreaterThanOrEqual(20);
    expect(await count('party_members')).toBeGreaterThanOrEqual(200);
    expect(await count('cross_appointments')).toBeGreaterThan(5);
    expect(await count('red_projects')).toBeGreaterThanOrEqual(5);
  });

  test('lists follow ra-data-simple-rest, phones masked', async () => {
    const res = await t.api
      .get(`/api/party-members?range=[0,9]&sort=["name","ASC"]&filter=${encodeURIComponent(JSON.stringify({ orgId: org.id }))}`)
      .set(await party());
    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toMatch(/^party-members 0-\d+\/\d+$/);
    expect(res.body[0]).toMatchObject({ orgName: org.name });
    for (const m of res.body) expect(m.phone === null || /^1\d{2}\*{4}\d{4}$/.test(m.phone)).toBe(true);
  });
});

describe('authority', () => {
  test('non-party staff writing → 403, nothing written', async () => {
    const before = [await count('party_orgs'), await count('audit_logs')];
    for (const who of ['d150203', 'street', 'community', 'company']) {
      const res = await t.api
        .post('/api/party-orgs')
        .set(bearer(await t.login(who)))
        .send({ type: 'branch', setting: 'company', name: `${who}的支部`, foundedOn: '2020-01-01', memberCount: 3, companyId: company.id });
      expect(res.status).toBe(403);
    }
    const [r] = await t.query<{ id: number }>('SELECT id FROM red_projects LIMIT 1');
    expect((await t.api.delete(`/api/red-projects/${r.id}`).set(bearer(await t.login('d150203')))).status).toBe(403);
    expect((await upload('members', await sheet([memberRow('某人')]), 'x.xlsx', 'd150203')).status).toBe(403);
    expect([await count('party_orgs'), await count('audit_logs')]).toEqual(before);
  });

  test('reads: bureau staff within their jurisdiction, company staff not at all', async () => {
    const res = await t.api.get('/api/party-members?range=[0,999]').set(bearer(await t.login('street')));
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.every((m: { regionCode: string }) => m.regionCode.startsWith('150203001'))).toBe(true);
    expect((await t.api.get('/api/party-orgs').set(bearer(await t.login('company')))).status).toBe(403);
    expect((await t.api.get('/api/party/stats').set(bearer(await t.login('company')))).status).toBe(403);
    expect((await t.api.get('/api/party-members/1/contact').set(bearer(await t.login('city')))).status).toBe(403);
  });

  test('party staff see a full phone through an audited view', async () => {
    const [m] = await t.query<{ id: number }>('SELECT id FROM party_members WHERE phone_enc IS NOT NULL ORDER BY id LIMIT 1');
    const res = await t.api.get(`/api/party-members/${m.id}/contact`).set(await party());
    expect(res.body.phone).toMatch(/^1[3-9]\d{9}$/);
    expect(
      await t.query(`SELECT 1 FROM audit_logs WHERE action = 'view_personal' AND entity = 'party-members' AND entity_id = $1`, [String(m.id)]),
    ).toHaveLength(1);
  });
});

describe('registry writes', () => {
  test('party staff register an organisation, a member and a red project; every write audited', async () => {
    const h = await party();
    const o = await t.api
      .post('/api/party-orgs')
      .set(h)
      .send({ type: 'branch', setting: 'compound', name: '测试小区党支部', foundedOn: '2023-07-01', memberCount: 3, compoundId: served.compound_id });
    expect(o.status).toBe(201);
    expect(o.body).toMatchObject({ regionCode: served.region_code, compoundId: served.compound_id });
    const bad = await t.api
      .post('/api/party-orgs')
      .set(h)
      .send({ type: 'branch', setting: 'company', name: '无企业支部', foundedOn: '2023-07-01', memberCount: 3 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.companyId).toBe('物业企业党组织必须填写所在企业');
    const m = await t.api.post('/api/party-members').set(h).send({
      name: '测试党员',
      gender: 'male',
      joinedOn: '2012-05-04',
      orgId: o.body.id,
      role: 'committee_member',
      compoundId: served.compound_id,
      phone: '13912345678',
    });
    expect(m.status).toBe(201);
    expect(m.body.phone).toBe('139****5678');
    const dup = await t.api.post('/api/party-members').set(h).send({
      name: '测试党员',
      gender: 'male',
      joinedOn: '2012-05-04',
      orgId: org.id,
      role: 'committee_member',
      compoundId: served.compound_id,
      phone: '13912345678',
    });
    expect(dup.status).toBe(409);
    // ra-data-simple-rest sends the whole record back, masked phone included: the phone stays
    const put = await t.api
      .put(`/api/party-members/${m.body.id}`)
      .set(h)
      .send({ ...m.body, gender: 'female' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ gender: 'female', phone: '139****5678' });
    const red = await t.api
      .post('/api/red-projects')
      .set(h)
      .send({ compoundId: served.compound_id, designation: '市级红色物业示范小区', year: 2026, result: 'good' });
    expect(red.status).toBe(201);
    const audits = await t.query(
      `SELECT entity, action FROM audit_logs WHERE entity IN ('party-orgs','party-members','red-projects') AND entity_id IN ($1,$2,$3)`,
      [String(o.body.id), String(m.body.id), String(red.body.id)],
    );
    expect(audits.length).toBeGreaterThanOrEqual(4);
  });

  test('a cross-appointment outside the person’s community → 400 with the reason', async () => {
    const h = await party();
    const [pm] = await t.query<{ id: number; region_code: string }>(
      `SELECT m.id, m.region_code FROM party_members m WHERE m.role = 'project_manager' AND m.compound_id IS NOT NULL ORDER BY m.id LIMIT 1`,
    );
    const [elsewhere] = await t.query<{ code: string }>(
      `SELECT code FROM regions WHERE level = 'community' AND code NOT IN (SELECT p.region_code FROM projects p JOIN party_members m ON m.employer_company_id = p.company_id WHERE m.id = $1) ORDER BY code LIMIT 1`,
      [pm.id],
    );
    const before = await count('cross_appointments');
    const refused = await t.api
      .post('/api/cross-appointments')
      .set(h)
      .send({ memberId: pm.id, kind: 'community_party_part_time', communityCode: elsewhere.code, startDate: '2025-01-01' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'CROSS_APPOINTMENT_NOT_ELIGIBLE', message: expect.stringContaining('既不在服务该社区的物业企业任职') });
    expect(await count('cross_appointments')).toBe(before);
    const wrongKind = await t.api
      .post('/api/cross-appointments')
      .set(h)
      .send({ memberId: pm.id, kind: 'owners_committee_part_time', communityCode: pm.region_code, compoundId: served.compound_id, startDate: '2025-01-01' });
    expect(wrongKind.status).toBe(400);
    const ok = await t.api
      .post('/api/cross-appointments')
      .set(h)
      .send({ memberId: pm.id, kind: 'community_party_part_time', communityCode: pm.region_code, startDate: '2025-01-01' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ communityCode: pm.region_code, active: true });
  });
});

describe('imports', () => {
  test('a good sheet: preview without errors, commit writes every row in one go', async () => {
    const before = await count('party_members');
    const p = await preview(
      'members',
      await sheet([
        memberRow('导入甲', { 手机号: '13700000001' }),
        memberRow('导入乙', { 入党日期: '2018/6/30' }),
        memberRow('导入丙', { 身份: '业委会成员', 工作单位: '', 小区编码: served.code }),
      ]),
    );
    expect(p).toMatchObject({ status: 'ready', counts: { total: 3, valid: 3, invalid: 0 }, errors: [], progress: { done: 3, total: 3 } });
    expect(await count('party_members')).toBe(before);
    const c = await t.api
      .post(`/api/party-imports/${p.id}/commit`)
      .set(await party())
      .send({});
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ status: 'committed', committed: 3 });
    expect(await count('party_members')).toBe(before + 3);
    const [row] = await t.query<{ joined_on: string; phone_masked: string }>(
      `SELECT to_char(joined_on, 'YYYY-MM-DD') AS joined_on, phone_masked FROM party_members WHERE name = '导入甲'`,
    );
    expect(row).toEqual({ joined_on: '2015-07-01', phone_masked: '137****0001' });
    expect(await t.query(`SELECT 1 FROM audit_logs WHERE action = 'import' AND entity = 'party-members'`)).toHaveLength(3);
    expect(
      (
        await t.api
          .post(`/api/party-imports/${p.id}/commit`)
          .set(await party())
          .send({})
      ).status,
    ).toBe(409);
  });

  test('a preview lives in the database (phones encrypted), so 20 commits racing on any process write its rows once', async () => {
    const before = await count('party_members');
    const p = await preview('members', await sheet([memberRow('并发甲', { 手机号: '13700000021' }), memberRow('并发乙')]));
    const [stored] = await t.query<{ status: string; valid: string }>(`SELECT status, valid::text FROM party_imports WHERE id = $1`, [p.id]);
    expect(stored.status).toBe('ready');
    expect(stored.valid).toContain('137****0021');
    expect(stored.valid).not.toContain('13700000021');
    const h = await party();
    const answers = await Promise.all(Array.from({ length: 20 }, () => t.api.post(`/api/party-imports/${p.id}/commit`).set(h).send({})));
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(19).fill(409)]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'IMPORT_ALREADY_COMMITTED')).toBe(true);
    expect(await count('party_members')).toBe(before + 2);
    expect(await t.query(`SELECT 1 FROM audit_logs WHERE action = 'import_commit' AND entity_id = $1`, [p.id])).toHaveLength(1);
    expect((await t.api.get(`/api/party-imports/${p.id}`).set(h)).body).toMatchObject({ status: 'committed', committed: 2 });
  });

  test('a preview whose checking process stopped (no progress for 10 minutes) reads failed and cannot be committed', async () => {
    const p = await preview('members', await sheet([memberRow('中断甲')]));
    await t.query(`UPDATE party_imports SET status = 'validating', valid = '[]', updated_at = now() - interval '11 minutes' WHERE id = $1`, [p.id]);
    expect((await t.api.get(`/api/party-imports/${p.id}`).set(await party())).body).toMatchObject({ status: 'failed', failure: '校验中断，请重新上传' });
    const refused = await t.api
      .post(`/api/party-imports/${p.id}/commit`)
      .set(await party())
      .send({});
    expect([refused.status, refused.body.error.code]).toEqual([409, 'IMPORT_FAILED']);
  });

  test('a mixed sheet: row-by-row errors; nothing written until the user confirms the valid rows only', async () => {
    const before = await count('party_members');
    const p = await preview(
      'members',
      await sheet([
        memberRow('混合甲'),
        memberRow('混合乙', { 入党日期: '2019-02-30' }),
        memberRow('混合丙', { 所在党组织: '不存在的党支部' }),
        memberRow('混合丁', { 工作单位: '不存在的公司' }),
        memberRow('混合甲'),
        memberRow('', {}),
        memberRow('混合戊'),
      ]),
    );
    expect(p.counts).toEqual({ total: 7, valid: 2, invalid: 5 });
    expect(p.errors).toEqual([
      { row: 3, messages: ['入党日期“2019-02-30”不是有效日期（例：2024-03-01）'] },
      { row: 4, messages: ['党组织“不存在的党支部”未登记'] },
      { row: 5, messages: ['物业企业“不存在的公司”未登记'] },
      { row: 6, messages: ['党员“混合甲”在本表中重复'] },
      { row: 7, messages: ['姓名不能为空'] },
    ]);
    const refused = await t.api
      .post(`/api/party-imports/${p.id}/commit`)
      .set(await party())
      .send({});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('IMPORT_HAS_ERRORS');
    expect(await count('party_members')).toBe(before);
    const ok = await t.api
      .post(`/api/party-imports/${p.id}/commit`)
      .set(await party())
      .send({ confirmValidOnly: true });
    expect(ok.body).toMatchObject({ status: 'committed', committed: 2 });
    expect(await count('party_members')).toBe(before + 2);
  });

  test('a bad sheet: nothing valid, nothing to commit', async () => {
    const p = await preview('members', await sheet([memberRow('坏甲', { 性别: 'X' }), memberRow('坏乙', { 身份: '保安' })]));
    expect(p.counts).toEqual({ total: 2, valid: 0, invalid: 2 });
    expect(
      (
        await t.api
          .post(`/api/party-imports/${p.id}/commit`)
          .set(await party())
          .send({ confirmValidOnly: true })
      ).body.error.code,
    ).toBe('IMPORT_NOTHING_VALID');
  });

  test('organisations, then members of them, then cross-appointments, each from a sheet', async () => {
    const h = await party();
    const o = await preview(
      'orgs',
      await sheet([
        {
          组织名称: '导入联合党委',
          组织类型: '党委',
          所在领域: '物业企业',
          上级组织: '包头市物业行业党委',
          书记姓名: '李书记',
          成立日期: '2022-07-01',
          党员人数: 30,
          所在企业: company.name,
          企业职工人数: 321,
        },
        {
          组织名称: '导入联合党委第一支部',
          组织类型: '党支部',
          所在领域: '物业企业',
          上级组织: '导入联合党委',
          成立日期: '2022-08-01',
          党员人数: 10,
          所在企业: company.name,
        },
      ]),
    );
    expect(o.counts).toEqual({ total: 2, valid: 2, invalid: 0 });
    expect((await t.api.post(`/api/party-imports/${o.id}/commit`).set(h).send({})).body.committed).toBe(2);
    const [child] = await t.query<{ parent: string; staff: number }>(
      `SELECT p.name AS parent, c.staff_count AS staff FROM party_orgs o JOIN party_orgs p ON p.id = o.parent_id JOIN companies c ON c.id = o.company_id WHERE o.name = '导入联合党委第一支部'`,
    );
    expect(child).toEqual({ parent: '导入联合党委', staff: 321 });

    const m = await preview('members', await sheet([memberRow('交叉甲', { 所在党组织: '导入联合党委第一支部', 身份: '项目负责人', 小区编码: served.code })]));
    expect((await t.api.post(`/api/party-imports/${m.id}/commit`).set(h).send({})).body.committed).toBe(1);
    const [elsewhere] = await t.query<{ code: string }>(
      `SELECT code FROM regions WHERE level = 'community' AND code NOT IN (SELECT region_code FROM projects WHERE company_id = $1) ORDER BY code LIMIT 1`,
      [company.id],
    );
    const x = await preview(
      'cross_appointments',
      await sheet([
        {
          党员姓名: '交叉甲',
          所在党组织: '导入联合党委第一支部',
          任职类型: '兼任社区党组织兼职委员',
          社区代码: served.region_code,
          开始日期: '2025-03-01',
          结束日期: '',
        },
        {
          党员姓名: '交叉甲',
          所在党组织: '导入联合党委第一支部',
          任职类型: '兼任社区党组织兼职委员',
          社区代码: elsewhere.code,
          开始日期: '2025-03-01',
          结束日期: '',
        },
      ]),
    );
    expect(x.counts).toEqual({ total: 2, valid: 1, invalid: 1 });
    expect(x.errors[0].messages.join()).toMatch(/既不在服务该社区的物业企业任职/);
  });

  test('not an .xlsx by content, missing columns, too many rows, too large: a clear report, nothing stored', async () => {
    const before = await count('party_members');
    const csv = await upload('members', Buffer.from('姓名,性别\n张三,男\n'), 'renamed.xlsx');
    expect(csv.status).toBe(415);
    expect(csv.body.error.code).toBe('NOT_XLSX');
    const zipNoWorkbook = await upload('members', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]));
    expect(zipNoWorkbook.status).toBe(415);
    const missing = await upload('members', await sheet([{ 姓名: '张三', 入党日期: '2020-01-01' }]));
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'MISSING_COLUMNS', message: expect.stringContaining('性别、所在党组织、身份') });
    const big = await upload('members', Buffer.alloc(10 * 1024 * 1024 + 10, 1));
    expect(big.status).toBe(413);
    const many = await upload(
      'members',
      await sheet(Array.from({ length: 50_001 }, (_, i) => ({ 姓名: `人${i}`, 性别: '男', 入党日期: '2020-01-01', 所在党组织: org.name, 身份: '企业员工' }))),
    );
    expect(many.status).toBe(413);
    expect(many.body.error.code).toBe('TOO_MANY_ROWS');
    const noKind = await upload('people', await sheet([memberRow('x')]));
    expect(noKind.status).toBe(400);
    expect(await count('party_members')).toBe(before);
  }, 60_000);

  test('templates download as .xlsx with the sheet’s headers; another user cannot see my import', async () => {
    const res = await t.api
      .get('/api/party-imports/template.xlsx?kind=members')
      .set(await party())
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect((await readXlsxRows(res.body as Buffer)).rows[0]).toEqual([
      '姓名',
      '性别',
      '入党日期',
      '所在党组织',
      '身份',
      '工作单位',
      '小区编码',
      '社区代码',
      '手机号',
    ]);
    const p = await preview('members', await sheet([memberRow('私有')]));
    expect((await t.api.get(`/api/party-imports/${p.id}`).set(bearer(await t.login('city')))).status).toBe(404);
  });
});

describe('stats against hand-counted fixtures (达茂旗 150223, empty in the demo city)', () => {
  beforeAll(async () => {
    await t.query(
      `INSERT INTO regions (code, name, level, parent_code) VALUES ('150223001','甲街道','street','150223'),('150223002','乙街道','street','150223'),('150223001001','甲一社区','community','150223001'),('150223002001','乙一社区','community','150223002')`,
    );
    const co = await t.query<{ id: number }>(
      `INSERT INTO companies (name, credit_code, legal_representative, region_code, staff_count) VALUES ('达茂甲物业','91150223TEST00001X','甲','150223',100),('达茂乙物业','91150223TEST00002X','乙','150223',50),('达茂丙物业','91150223TEST00003X','丙','150223',NULL) RETURNING id`,
    );
    const cp = await t.query<{ id: number }>(
      `INSERT INTO compounds (code, name, region_code, address, total_area, type, management_mode) VALUES ('DM01','达茂一','150223001001','x',1000,'commodity','professional'),('DM02','达茂二','150223001001','x',1000,'commodity','professional'),('DM03','达茂三','150223002001','x',1000,'old','quasi'),('DM04','达茂四','150223002001','x',1000,'old','none') RETURNING id`,
    );
    // Each has an owners' committee in office; a fifth compound with only a preparatory group is not counted.
    await t.query(
      `INSERT INTO committees (compound_id, region_code, kind, status, elected_at, term_start, term_end) SELECT id, region_code, 'owners_committee', 'in_office', '2024-01-01', '2024-01-01', '2029-01-01' FROM compounds WHERE code LIKE 'DM0%'`,
    );
    await t.query(`WITH c AS (INSERT INTO compounds (code, name, region_code, address, total_area, type, management_mode) VALUES ('DM05','达茂五','150223002001','x',1000,'old','none') RETURNING id, region_code)
                   INSERT INTO committees (compound_id, region_code, kind, status) SELECT id, region_code, 'preparatory', 'preparing' FROM c`);
    const proj = (company: number, compound: number, region: string) =>
      `(${co[company].id}, ${cp[compound].id}, '${region}', '2024-01-01', '2029-12-31', 100, 3, '经理')`;
    await t.query(
      `INSERT INTO projects (company_id, compound_id, region_code, start_date, end_date, fee_fen_per_m_2_month, service_level, manager_name) VALUES ${[proj(0, 0, '150223001001'), proj(0, 2, '150223002001'), proj(1, 1, '150223001001'), proj(2, 2, '150223002001')].join(',')}`,
    );
    const [o] = await t.query<{ id: number }>(
      `INSERT INTO party_orgs (type, setting, name, founded_on, member_count, company_id, region_code) VALUES ('branch','company','达茂甲物业党支部','2021-07-01',5,${co[0].id},'150223') RETURNING id`,
    );
    const [oc] = await t.query<{ id: number }>(
      `INSERT INTO party_orgs (type, setting, name, founded_on, member_count, compound_id, region_code) VALUES ('branch','owners_committee','达茂一业委会党支部','2023-07-01',3,${cp[0].id},'150223001001') RETURNING id`,
    );
    // company 甲: 5 staff members who are party members; committee member in 达茂三 (no branch there)
    for (let i = 0; i < 5; i++)
      await t.query(
        `INSERT INTO party_members (name, gender, joined_on, org_id, role, employer_company_id, region_code) VALUES ($1,'male','2020-05-01',$2,'company_staff',$3,'150223')`,
        [`达茂员工${i}`, o.id, co[0].id],
      );
    const [cm] = await t.query<{ id: number }>(
      `INSERT INTO party_members (name, gender, joined_on, org_id, role, compound_id, region_code) VALUES ('达茂委员','female','2022-05-01',$1,'committee_member',$2,'150223002001') RETURNING id`,
      [oc.id, cp[2].id],
    );
    await t.query(
      `INSERT INTO cross_appointments (member_id, kind, region_code, compound_id, start_date) VALUES ($1,'community_party_part_time','150223002001',$2,'2024-03-01')`,
      [cm.id, cp[2].id],
    );
    await t.query(
      `INSERT INTO cross_appointments (member_id, kind, region_code, compound_id, start_date, end_date) VALUES ($1,'community_party_part_time','150223002001',$2,'2020-03-01','2021-03-01')`,
      [cm.id, cp[3].id],
    );
    await t.query(
      `INSERT INTO red_projects (compound_id, region_code, designation, year, result) VALUES ($1,'150223001001','区级红色物业示范小区',2025,'good'),($2,'150223002001','区级红色物业示范小区',2024,'pass')`,
      [cp[0].id, cp[2].id],
    );
  });

  test('by street, seen by the district', async () => {
    const res = await t.api.get('/api/party/stats?groupBy=street').set(bearer(await t.login('d150223')));
    expect(res.status).toBe(200);
    const s = (num: number, den: number) => ({ num, den });
    // 甲街道: companies 甲 (org) and 乙 → 1/2; staff 100 + 50, members 5 → 5/150;
    //   compounds 一 (committee branch) and 二 → 1/2 with members, 0/2 with a current cross-appointment; 1 red project
    // 乙街道: companies 甲 (org) and 丙 (no staff count) → 1/2; members 5 of 100 (丙 left out) → 5/100;
    //   compounds 三 (committee member, current cross-appointment) and 四 (ended appointment) → 1/2, 1/2; 1 red project
    expect(
      res.body.rows.map((r: Record<string, unknown>) => [
        r.code,
        r.name,
        r.companiesWithOrg,
        r.membersOfStaff,
        r.committeesWithMembers,
        r.committeesWithCrossAppointments,
        r.redProjects,
      ]),
    ).toEqual([
      ['150223001', '甲街道', s(1, 2), s(5, 150), s(1, 2), s(0, 2), 1],
      ['150223002', '乙街道', s(1, 2), s(5, 100), s(1, 2), s(1, 2), 1],
    ]);
    // district total: companies 甲 乙 丙 once each → 1/3; 5 of 150; compounds 2/4 and 1/4; 2 red projects
    expect(res.body.total).toMatchObject({
      code: '150223',
      companiesWithOrg: s(1, 3),
      membersOfStaff: s(5, 150),
      committeesWithMembers: s(2, 4),
      committeesWithCrossAppointments: s(1, 4),
      redProjects: 2,
      labels: { companiesWithOrg: '33.3%', membersOfStaff: '3.3%' },
    });
    expect(res.body.committeeBasis).toBe('committees');
    const y2024 = res.body.trend.find((y: { year: number }) => y.year === 2024);
    expect(y2024).toMatchObject({ redProjects: 1, crossAppointmentsStarted: 1 });
  });

  test('by district, city-wide for party staff; the district row matches', async () => {
    const res = await t.api.get('/api/party/stats?groupBy=district').set(await party());
    const row = res.body.rows.find((r: { code: string }) => r.code === '150223');
    expect(row).toMatchObject({ name: '达尔罕茂明安联合旗', companiesWithOrg: { num: 1, den: 3 }, redProjects: 2 });
    expect(res.body.rows.length).toBeGreaterThanOrEqual(4);
    expect((await t.api.get('/api/party/stats?groupBy=county').set(await party())).status).toBe(400);
  });
});

describe('public compound page', () => {
  test('company and committee party organisations, the badge, masked names only', async () => {
    const [c] = await t.query<{ code: string }>(
      `SELECT c.code FROM red_projects r JOIN compounds c ON c.id = r.compound_id WHERE r.result <> 'fail' ORDER BY r.id LIMIT 1`,
    );
    const res = await t.api.get(`/api/public/compounds/by-code/${c.code}/party`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: c.code, committee: { hasPartyOrg: true }, redProject: { designation: expect.stringContaining('红色物业') } });
    expect(res.body.members.length).toBeGreaterThan(0);
    for (const m of res.body.members) expect(m.name).toMatch(/^.\*$/);
    expect(JSON.stringify(res.body)).not.toMatch(/1[3-9]\d{9}/);
    expect((await t.api.get('/api/public/compounds/by-code/NOPE404/party')).status).toBe(404);
  });
});
