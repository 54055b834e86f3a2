import { createTestApi, type TestApi } from '../../../test/support/api';

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const as = async (who: string) => bearer(await t.login(who));
const count = async (sql: string, params: unknown[] = []) => Number((await t.query<{ n: string }>(sql, params))[0].n);

let levels: { id: number; order: number; items: unknown[] }[];
let project: { id: number; region_code: string; company_id: number };
let district: string;
beforeAll(async () => {
  levels = await t.query(`SELECT id, "order", items FROM service_levels WHERE scale = 'level' ORDER BY "order"`);
  // a project of the demo `company` account's company, in a district with no 2026 plan
  [project] = await t.query(
    `SELECT p.id, p.region_code, p.company_id FROM projects p JOIN users u ON u.company_id = p.company_id AND u.username = 'company'
      WHERE substr(p.region_code, 1, 6) NOT IN (SELECT region_code FROM upgrade_plans WHERE year = 2026) ORDER BY p.id LIMIT 1`,
  );
  district = project.region_code.slice(0, 6);
});

const allMet = () => ({ decision: 'accepted', results: levels[1].items.map((_, item) => ({ item, met: true, photos: [] })) });

async function apply(levelId = levels[1].id, projectId = project.id) {
  return t.api
    .post('/api/level-assessments')
    .set(await as('company'))
    .send({ projectId, levelId, evidence: [{ name: '自评报告（政务网）', url: 'https://zjj.baotou.gov.cn/self-report.pdf' }] });
}

describe('service-levels (the scale is data, DOMAIN.md §11)', () => {
  test('the demo ships a placeholder scale, marked as such, and a star scale', async () => {
    const res = await t.api.get(`/api/service-levels?filter=${encodeURIComponent('{"scale":"level"}')}`).set(await as('company'));
    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toMatch(/^service-levels 0-2\/3$/);
    expect(res.body.map((l: { order: number }) => l.order)).toEqual([1, 2, 3]);
    expect(res.body.every((l: { placeholder: boolean }) => l.placeholder)).toBe(true);
    expect(await count(`SELECT count(*) AS n FROM service_levels WHERE scale = 'star'`)).toBe(5);
  });

  test('only the city keeps the scale; a duplicate order on a scale is refused', async () => {
    const body = { scale: 'level', code: 'L9', order: 9, name: '九级', items: [{ category: 'cleaning', text: '每日清扫' }], sourceDocument: '测试文件' };
    expect(
      (
        await t.api
          .post('/api/service-levels')
          .set(await as(`d${district}`))
          .send(body)
      ).status,
    ).toBe(403);
    const created = await t.api
      .post('/api/service-levels')
      .set(await as('city'))
      .send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'L9', itemCount: 1 });
    const dup = await t.api
      .post('/api/service-levels')
      .set(await as('city'))
      .send({ ...body, code: 'L10' });
    expect(dup.status).toBe(409);
    const bad = await t.api
      .post('/api/service-levels')
      .set(await as('city'))
      .send({ ...body, code: 'L11', order: 0, items: [{ category: 'gardening', text: 'x' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('order');
    expect(bad.body.error.fields).toHaveProperty(['items.0.category']);
    expect((await t.api.delete(`/api/service-levels/${created.body.id}`).set(await as('city'))).status).toBe(200);
  });
});

describe('level-assessments', () => {
  test('a level not in the scale → 400 LEVEL_NOT_IN_SCALE, nothing stored', async () => {
    const before = await count('SELECT count(*) AS n FROM level_assessments');
    const res = await apply(999999);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'LEVEL_NOT_IN_SCALE', fields: { levelId: expect.any(String) } });
    expect(await count('SELECT count(*) AS n FROM level_assessments')).toBe(before);
  });

  test("a company cannot apply for another company's project", async () => {
    const [other] = await t.query<{ id: number }>(`SELECT id FROM projects WHERE company_id <> $1 ORDER BY id LIMIT 1`, [project.company_id]);
    const res = await apply(levels[1].id, other.id);
    expect(res.status).toBe(403);
  });

  test('an assessment by the applying company → 403 APPLICANT_CANNOT_ASSESS, nothing changed', async () => {
    const app = await apply();
    expect(app.status).toBe(201);
    expect(app.body).toMatchObject({ status: 'applied', companyId: project.company_id });
    const res = await t.api
      .post(`/api/level-assessments/${app.body.id}/assess`)
      .set(await as('company'))
      .send(allMet());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('APPLICANT_CANNOT_ASSESS');
    expect((await t.query<{ status: string }>('SELECT status FROM level_assessments WHERE id = $1', [app.body.id]))[0].status).toBe('applied');
  });

  test("another district cannot assess; accepting with an unmet item is refused; the district's decision counts once (20-way)", async () => {
    const app = await apply();
    const [other] = await t.query<{ username: string }>(`SELECT username FROM users WHERE role = 'district_staff' AND region_code <> $1 LIMIT 1`, [district]);
    expect(
      (
        await t.api
          .post(`/api/level-assessments/${app.body.id}/assess`)
          .set(await as(other.username))
          .send(allMet())
      ).status,
    ).toBe(404);
    const unmet = allMet();
    unmet.results[3].met = false;
    const refused = await t.api
      .post(`/api/level-assessments/${app.body.id}/assess`)
      .set(await as(`d${district}`))
      .send(unmet);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('REQUIREMENTS_NOT_MET');
    const partial = await t.api
      .post(`/api/level-assessments/${app.body.id}/assess`)
      .set(await as(`d${district}`))
      .send({ decision: 'accepted', results: [] });
    expect(partial.body.error.code).toBe('ITEMS_NOT_ASSESSED');

    const token = await as(`d${district}`);
    const all = await Promise.all(Array.from({ length: 20 }, () => t.api.post(`/api/level-assessments/${app.body.id}/assess`).set(token).send(allMet())));
    expect(all.filter((r) => r.status === 200)).toHaveLength(1);
    expect(all.filter((r) => r.status === 409).every((r) => r.body.error.code === 'ASSESSMENT_DECIDED')).toBe(true);
    expect(
      await count(`SELECT count(*) AS n FROM audit_logs WHERE entity = 'level-assessments' AND entity_id = $1 AND action = 'approve'`, [String(app.body.id)]),
    ).toBe(1);

    const p = await t.api.get(`/api/projects/${project.id}`).set(token);
    expect(p.body).toMatchObject({ assessedLevelId: levels[1].id, assessedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });
});

describe('upgrade-plans (提档升级)', () => {
  test('a plan for another district → 403, nothing stored', async () => {
    const [other] = await t.query<{ code: string }>(`SELECT code FROM regions WHERE level = 'district' AND code <> $1 LIMIT 1`, [district]);
    const before = await count('SELECT count(*) AS n FROM upgrade_plans');
    const res = await t.api
      .post('/api/upgrade-plans')
      .set(await as(`d${district}`))
      .send({ regionCode: other.code, year: 2027, measures: '测试', deadline: '2027-12-31', items: [{ projectId: project.id, targetLevelId: levels[0].id }] });
    expect(res.status).toBe(403);
    expect(await count('SELECT count(*) AS n FROM upgrade_plans')).toBe(before);
  });

  test('a project reaching its target is marked upgraded with one +5 credit item (published for comment); a replay creates none; it is recommended for awards', async () => {
    const plan = await t.api
      .post('/api/upgrade-plans')
      .set(await as(`d${district}`))
      .send({
        regionCode: district,
        year: 2027,
        measures: '完善设施',
        deadline: '2027-12-31',
        items: [{ projectId: project.id, targetLevelId: levels[0].id }],
      });
    expect(plan.status).toBe(201);
    expect(plan.body).toMatchObject({ status: 'filed', itemCount: 1, upgradedCount: 0 });
    expect(plan.body.items[0]).toMatchObject({ currentLevelId: levels[1].id, targetLevelId: levels[0].id });
    // approving is the city's, once
    expect((await t.api.post(`/api/upgrade-plans/${plan.body.id}/approve`).set(await as(`d${district}`))).status).toBe(403);
    expect((await t.api.post(`/api/upgrade-plans/${plan.body.id}/approve`).set(await as('city'))).body).toMatchObject({ status: 'approved' });
    expect((await t.api.post(`/api/upgrade-plans/${plan.body.id}/approve`).set(await as('city'))).status).toBe(409);

    const level1 = levels[0].items.map((_, item) => ({ item, met: true, photos: [] }));
    const app = await apply(levels[0].id);
    const ok = await t.api
      .post(`/api/level-assessments/${app.body.id}/assess`)
      .set(await as(`d${district}`))
      .send({ decision: 'accepted', results: level1 });
    expect(ok.status).toBe(200);
    const events = await t.query<{ points_tenths: number; company_id: number; source_key: string; category: string; status: string }>(
      `SELECT points_tenths, company_id, source_key, category, status FROM credit_items WHERE type = 'project_upgraded' AND project_id = $1`,
      [project.id],
    );
    expect(events).toEqual([
      { points_tenths: 50, company_id: project.company_id, source_key: `plan-item:${plan.body.items[0].id}`, category: 'good', status: 'published' },
    ]);

    // a second accepted level 1 (replay) records no second event
    const again = await apply(levels[0].id);
    await t.api
      .post(`/api/level-assessments/${again.body.id}/assess`)
      .set(await as(`d${district}`))
      .send({ decision: 'accepted', results: level1 });
    expect(await count(`SELECT count(*) AS n FROM credit_items WHERE type = 'project_upgraded' AND project_id = $1`, [project.id])).toBe(1);

    const recommended = await t.api.get(`/api/upgrade-plan-items?filter=${encodeURIComponent('{"recommended":true}')}`).set(await as('city'));
    expect(recommended.body.map((i: { projectId: number }) => i.projectId)).toContain(project.id);
    const award = await t.api
      .post('/api/awards')
      .set(await as('city'))
      .send({ projectId: project.id, kind: 'regional_excellent', year: 2027, document: '包建发〔2027〕1号', rewardFen: 5000000 });
    expect(award.status).toBe(201);
    const after = await t.api.get(`/api/upgrade-plan-items?filter=${encodeURIComponent('{"recommended":true}')}`).set(await as('city'));
    expect(after.body.map((i: { projectId: number }) => i.projectId)).not.toContain(project.id);
  });

  test("a filed plan with a project already upgraded cannot be deleted; awards are the city's; absurd rewards are refused", async () => {
    const [plan] = await t.query<{ id: number }>(`SELECT id FROM upgrade_plans WHERE year = 2027 AND region_code = $1`, [district]);
    // approved above: not deletable
    expect((await t.api.delete(`/api/upgrade-plans/${plan.id}`).set(await as(`d${district}`))).body.error.code).toBe('PLAN_NOT_EDITABLE');
    expect(
      (
        await t.api
          .post('/api/awards')
          .set(await as(`d${district}`))
          .send({ projectId: project.id, kind: 'demonstration', year: 2027, document: 'x' })
      ).status,
    ).toBe(403);
    const huge = await t.api
      .post('/api/awards')
      .set(await as('city'))
      .send({ projectId: project.id, kind: 'demonstration', year: 2027, document: 'x', rewardFen: 1e20 });
    expect(huge.status).toBe(400);
    expect(huge.body.error.fields).toHaveProperty('rewardFen');
    expect(await count(`SELECT count(*) AS n FROM audit_logs WHERE entity = 'upgrade-plan-items' AND action = 'create'`)).toBeGreaterThan(0);
  });

  test('a project already at its target cannot be planned', async () => {
    const res = await t.api
      .post('/api/upgrade-plans')
      .set(await as(`d${district}`))
      .send({ regionCode: district, year: 2028, measures: '测试', deadline: '2028-12-31', items: [{ projectId: project.id, targetLevelId: levels[1].id }] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('ALREADY_AT_TARGET');
  });
});

describe('evidence and item photos are uploads (issue 12)', () => {
  const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64, 0x20)]);
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const upload = async (who: string, file: Buffer, name: string) => {
    const res = await t.api
      .post('/api/uploads')
      .set(await as(who))
      .attach('file', file, name);
    expect(res.status).toBe(201);
    return res.body.id as number;
  };

  test("the company's own upload is the evidence; someone else's or a typed name is refused on the field, nothing stored", async () => {
    const before = await count('SELECT count(*) AS n FROM level_assessments');
    const districtsFile = await upload(`d${district}`, PDF, '别人的文件.pdf');
    const foreign = await t.api
      .post('/api/level-assessments')
      .set(await as('company'))
      .send({ projectId: project.id, levelId: levels[2].id, evidence: [{ name: '别人的文件.pdf', url: `/api/uploads/${districtsFile}` }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error).toMatchObject({ code: 'BAD_UPLOAD', fields: { 'evidence.0.url': '只能使用本人上传的文件' } });
    const typed = await t.api
      .post('/api/level-assessments')
      .set(await as('company'))
      .send({ projectId: project.id, levelId: levels[2].id, evidence: ['自评报告.pdf'] });
    expect(typed.status).toBe(400);
    const noFile = await t.api
      .post('/api/level-assessments')
      .set(await as('company'))
      .send({ projectId: project.id, levelId: levels[2].id, evidence: [{ name: '自评报告.pdf', url: '自评报告.pdf' }] });
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.fields).toHaveProperty(['evidence.0.url']);
    expect(await count('SELECT count(*) AS n FROM level_assessments')).toBe(before);
  });

  test("the district attaches its own photos; the assessment's readers open both files, another district gets 404", async () => {
    const evidenceId = await upload('company', PDF, '自评报告.pdf');
    const applied = await t.api
      .post('/api/level-assessments')
      .set(await as('company'))
      .send({ projectId: project.id, levelId: levels[2].id, evidence: [{ name: '自评报告.pdf', url: `/api/uploads/00${evidenceId}` }] });
    expect(applied.status).toBe(201);
    expect(applied.body.evidence).toEqual([{ name: '自评报告.pdf', url: `/api/uploads/${evidenceId}` }]);

    const companysPhoto = await upload('company', PNG, 'p.png');
    const items = (photos: string[]) => levels[2].items.map((_, item) => ({ item, met: true, photos: item === 0 ? photos : [] }));
    const notOwn = await t.api
      .post(`/api/level-assessments/${applied.body.id}/assess`)
      .set(await as(`d${district}`))
      .send({ decision: 'accepted', results: items([`/api/uploads/${companysPhoto}`]) });
    expect(notOwn.status).toBe(400);
    expect(notOwn.body.error).toMatchObject({ code: 'BAD_UPLOAD', fields: { 'results.0.photos.0': '只能使用本人上传的文件' } });
    expect((await t.query<{ status: string }>('SELECT status FROM level_assessments WHERE id = $1', [applied.body.id]))[0].status).toBe('applied');

    const photoId = await upload(`d${district}`, PNG, '现场.png');
    const decided = await t.api
      .post(`/api/level-assessments/${applied.body.id}/assess`)
      .set(await as(`d${district}`))
      .send({ decision: 'accepted', results: items([`/api/uploads/${photoId}`]) });
    expect(decided.status).toBe(200);
    expect(decided.body.results[0].photos).toEqual([`/api/uploads/${photoId}`]);

    // the district reads the company's evidence, the company the district's photo (each theirs through the assessment)
    expect((await t.api.get(`/api/uploads/${evidenceId}`).set(await as(`d${district}`))).status).toBe(200);
    expect((await t.api.get(`/api/uploads/${photoId}`).set(await as('company'))).status).toBe(200);
    expect((await t.api.get(`/api/uploads/${evidenceId}`).set(await as('city'))).status).toBe(200);
    const [other] = await t.query<{ code: string }>(
      `SELECT code FROM regions WHERE level = 'district' AND code <> $1 AND EXISTS (SELECT 1 FROM users WHERE username = 'd' || code) ORDER BY code LIMIT 1`,
      [district],
    );
    expect((await t.api.get(`/api/uploads/${evidenceId}`).set(await as(`d${other.code}`))).status).toBe(404);
    expect((await t.api.get(`/api/uploads/${photoId}`).set(await as(`d${other.code}`))).status).toBe(404);
  });
});
