import { createTestApi, type TestApi } from '../../../test/support/api';

// Issue 10, credit half (DOMAIN.md §5): manual items, objections and answers, live score, yearly
// evaluation, the public credit page — each workflow and each refusal.

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const as = async (who: string) => bearer(await t.login(who));
const count = async (sql: string, params: unknown[] = []) => Number((await t.query<{ n: string }>(sql, params))[0].n);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const upload = async (who: string) => ({
  name: '处罚决定书.pdf',
  url: `/api/uploads/${
    (
      await t.api
        .post('/api/uploads')
        .set(await as(who))
        .attach('file', PDF, '处罚决定书.pdf')
    ).body.id
  }`,
});

let project: { id: number; company_id: number; region_code: string };
let district: string;
let other: { id: number; company_id: number; region_code: string };
beforeAll(async () => {
  [project] = await t.query(
    `SELECT p.id, p.company_id, p.region_code FROM projects p JOIN users u ON u.company_id = p.company_id AND u.username = 'company' ORDER BY p.id LIMIT 1`,
  );
  district = `d${project.region_code.slice(0, 6)}`;
  [other] = await t.query(`SELECT id, company_id, region_code FROM projects WHERE company_id <> $1 ORDER BY id LIMIT 1`, [project.company_id]);
});

const penalty = async (who: string, extra: Record<string, unknown> = {}) => ({
  companyId: project.company_id,
  projectId: project.id,
  type: 'penalty',
  pointsTenths: -50,
  authority: '包头市住房和城乡建设局',
  document: '包建罚〔2026〕12号',
  evidence: [await upload(who)],
  occurredOn: '2026-03-02',
  ...extra,
});

/** Ends an item's publicity (as if 5 working days had passed): the clock is the database's. */
const endPublicity = (id: number) =>
  t.query(`UPDATE credit_items SET public_until = (now() AT TIME ZONE 'Asia/Shanghai')::date - 1, updated_at = now() WHERE id = $1`, [id]);

describe('credit-items: recorded by hand by the city or district, with points in range, authority, document and evidence', () => {
  test('the district records a bad item in its jurisdiction: 公示中, valid a year, audited', async () => {
    const res = await t.api
      .post('/api/credit-items')
      .set(await as(district))
      .send(await penalty(district));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      type: 'penalty',
      typeLabel: '行政处罚',
      category: 'bad',
      pointsTenths: -50,
      state: 'publicising',
      status: 'published',
      validFrom: '2026-03-02',
      validUntil: '2027-03-01',
      rule: false,
    });
    expect(
      await count(`SELECT count(*) AS n FROM audit_logs WHERE entity = 'credit-items' AND entity_id = $1 AND action = 'create'`, [String(res.body.id)]),
    ).toBe(1);
    // the evidence opens for the company it is about and the city; not for another company's staff or a resident
    const file = res.body.evidence[0].url;
    expect((await t.api.get(file).set(await as('company'))).status).toBe(200);
    expect((await t.api.get(file).set(await as('city'))).status).toBe(200);
    expect((await t.api.get(file).set(bearer(await t.residentToken('credit-evidence')))).status).toBe(404);
  });

  test('refusals change nothing: no points, no authority, no evidence, points out of range, a rule type, a stranger’s upload, an absurd date', async () => {
    const before = await count(`SELECT count(*) AS n FROM credit_items`);
    const h = await as(district);
    const body = await penalty(district);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...body, pointsTenths: undefined }, 400, 'pointsTenths'],
      [{ ...body, authority: '' }, 400, 'authority'],
      [{ ...body, evidence: [] }, 400, 'evidence'],
      [{ ...body, pointsTenths: -300 }, 400, 'pointsTenths'],
      [{ ...body, pointsTenths: 20 }, 400, 'pointsTenths'],
      [{ ...body, pointsTenths: 1.5 }, 400, 'pointsTenths'],
      [{ ...body, type: 'hazard_overdue', pointsTenths: -30 }, 400, 'type'],
      [{ ...body, type: 'made_up' }, 400, 'type'],
      [{ ...body, evidence: [await upload('city')] }, 400, 'evidence.0.url'],
      [{ ...body, occurredOn: '9999-01-01' }, 400, 'occurredOn'],
      [{ ...body, occurredOn: '2026-13-01' }, 400, 'occurredOn'],
      [{ ...body, document: 'x\u0000y' }, 400, 'document'],
      [{ ...body, projectId: other.id }, 400, 'projectId'],
    ];
    for (const [b, status, field] of cases) {
      const res = await t.api.post('/api/credit-items').set(h).send(b);
      expect([res.status, field, res.body.error?.fields?.[field] ? 'has field' : JSON.stringify(res.body)]).toEqual([status, field, 'has field']);
    }
    const outOfRange = await t.api
      .post('/api/credit-items')
      .set(h)
      .send({ ...body, pointsTenths: -300 });
    expect(outOfRange.body.error.code).toBe('POINTS_OUT_OF_RANGE');
    expect(await count(`SELECT count(*) AS n FROM credit_items`)).toBe(before);
  });

  test('company staff writing an item about itself → 403; street staff → 403; a district outside its area → 403', async () => {
    const before = await count(`SELECT count(*) AS n FROM credit_items`);
    expect(
      (
        await t.api
          .post('/api/credit-items')
          .set(await as('company'))
          .send(await penalty('company', { type: 'award', pointsTenths: 50 }))
      ).status,
    ).toBe(403);
    expect(
      (
        await t.api
          .post('/api/credit-items')
          .set(await as('street'))
          .send(await penalty('street'))
      ).status,
    ).toBe(403);
    const [far] = await t.query<{ code: string }>(`SELECT code FROM regions WHERE level = 'district' AND code <> $1 ORDER BY code LIMIT 1`, [
      project.region_code.slice(0, 6),
    ]);
    if (far) {
      const res = await t.api
        .post('/api/credit-items')
        .set(await as(`d${far.code}`))
        .send(await penalty(`d${far.code}`));
      expect(res.status).toBe(403);
    }
    expect(await count(`SELECT count(*) AS n FROM credit_items`)).toBe(before);
  });

  test('a company reads its own items only; another company’s item is not found to it', async () => {
    const theirs = await t.api
      .post('/api/credit-items')
      .set(await as('city'))
      .send(await penalty('city', { companyId: other.company_id, projectId: other.id }));
    expect(theirs.status).toBe(201);
    const list = await t.api.get('/api/credit-items?range=[0,999]').set(await as('company'));
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    expect(list.body.every((i: { companyId: number }) => i.companyId === project.company_id)).toBe(true);
    expect((await t.api.get(`/api/credit-items/${theirs.body.id}`).set(await as('company'))).status).toBe(404);
    const filtered = await t.api
      .get(`/api/credit-items?filter=${encodeURIComponent(JSON.stringify({ companyId: other.company_id }))}`)
      .set(await as('company'));
    expect(filtered.body).toEqual([]);
    expect((await t.api.get('/api/credit-items').set(await t.residentToken('credit-reader').then(bearer))).status).toBe(403);
  });

  test('the list searches, filters by state and type, sorts and pages', async () => {
    const h = await as('city');
    const res = await t.api
      .get(
        `/api/credit-items?sort=["pointsTenths","ASC"]&range=[0,1]&filter=${encodeURIComponent(JSON.stringify({ q: '包建罚', state: 'publicising', type: 'penalty' }))}`,
      )
      .set(h);
    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toMatch(/^credit-items 0-1\/\d+$/);
    expect(res.body.every((i: { state: string; type: string }) => i.state === 'publicising' && i.type === 'penalty')).toBe(true);
    expect((await t.api.get(`/api/credit-items?filter=${encodeURIComponent(JSON.stringify({ state: 'nope' }))}`).set(h)).status).toBe(400);
  });
});

describe('credit-objections: the company objects, the authority answers (DOMAIN.md §5)', () => {
  let itemId: number;
  beforeAll(async () => {
    itemId = (
      await t.api
        .post('/api/credit-items')
        .set(await as(district))
        .send(await penalty(district, { document: '包建罚〔2026〕异议1号' }))
    ).body.id;
  });

  test('an objection flags the item 异议中 at once; a second one is 409; the answer is due in 20 working days', async () => {
    const res = await t.api
      .post('/api/credit-objections')
      .set(await as('company'))
      .send({ itemId, reason: '处罚已于当日整改完毕，分值过重' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ itemId, status: 'pending', pointsBefore: -50, companyId: project.company_id });
    const item = await t.api.get(`/api/credit-items/${itemId}`).set(await as('company'));
    expect(item.body).toMatchObject({ status: 'objected', state: 'objected' });
    const days = Number((await t.query<{ d: number }>(`SELECT ($1::date - (now() AT TIME ZONE 'Asia/Shanghai')::date) AS d`, [res.body.dueOn]))[0].d);
    expect(days).toBeGreaterThanOrEqual(26);
    expect(days).toBeLessThanOrEqual(28);
    const again = await t.api
      .post('/api/credit-objections')
      .set(await as('company'))
      .send({ itemId, reason: '再次异议' });
    expect([again.status, again.body.error.code]).toEqual([409, 'ALREADY_OBJECTED']);
    expect(await count(`SELECT count(*) AS n FROM audit_logs WHERE entity = 'credit-items' AND entity_id = $1 AND action = 'object'`, [String(itemId)])).toBe(
      1,
    );
  });

  test('the objecting company cannot answer (403 NOT_THE_AUTHORITY); street staff neither; nothing changes', async () => {
    const [o] = await t.query<{ id: number }>(`SELECT id FROM credit_objections WHERE item_id = $1`, [itemId]);
    for (const who of ['company', 'street']) {
      const res = await t.api
        .post(`/api/credit-objections/${o.id}/answer`)
        .set(await as(who))
        .send({ outcome: 'withdrawn', answer: '撤销' });
      expect([res.status, res.body.error.code]).toEqual([403, 'NOT_THE_AUTHORITY']);
    }
    expect((await t.query<{ status: string }>(`SELECT status FROM credit_objections WHERE id = $1`, [o.id]))[0].status).toBe('pending');
  });

  test('the district corrects: new points within range, the item counts again; a second answer is 409', async () => {
    const [o] = await t.query<{ id: number }>(`SELECT id FROM credit_objections WHERE item_id = $1`, [itemId]);
    const h = await as(district);
    const bad = await t.api.post(`/api/credit-objections/${o.id}/answer`).set(h).send({ outcome: 'corrected', answer: '更正' });
    expect([bad.status, Object.keys(bad.body.error.fields)]).toEqual([400, ['pointsTenths']]);
    const outOfRange = await t.api.post(`/api/credit-objections/${o.id}/answer`).set(h).send({ outcome: 'corrected', answer: '更正', pointsTenths: 30 });
    expect([outOfRange.status, outOfRange.body.error.code]).toEqual([400, 'POINTS_OUT_OF_RANGE']);
    const res = await t.api
      .post(`/api/credit-objections/${o.id}/answer`)
      .set(h)
      .send({ outcome: 'corrected', answer: '经复核，整改及时，改为扣1分', pointsTenths: -10 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'corrected', pointsBefore: -50, pointsAfter: -10 });
    const item = await t.api.get(`/api/credit-items/${itemId}`).set(await as('company'));
    expect(item.body).toMatchObject({ status: 'published', pointsTenths: -10 });
    const again = await t.api.post(`/api/credit-objections/${o.id}/answer`).set(h).send({ outcome: 'upheld', answer: '维持' });
    expect([again.status, again.body.error.code]).toEqual([409, 'ALREADY_ANSWERED']);
    expect(
      await count(`SELECT count(*) AS n FROM audit_logs WHERE entity = 'credit-objections' AND entity_id = $1 AND action = 'answer'`, [String(o.id)]),
    ).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM audit_logs WHERE entity = 'credit-items' AND entity_id = $1 AND action = 'correct'`, [String(itemId)])).toBe(
      1,
    );
  });

  test('withdrawn: the item no longer counts and takes no further objection', async () => {
    const id = (
      await t.api
        .post('/api/credit-items')
        .set(await as(district))
        .send(await penalty(district, { document: '包建罚〔2026〕异议2号' }))
    ).body.id;
    const o = await t.api
      .post('/api/credit-objections')
      .set(await as('company'))
      .send({ itemId: id, reason: '并非本企业责任' });
    const res = await t.api
      .post(`/api/credit-objections/${o.body.id}/answer`)
      .set(await as('city'))
      .send({ outcome: 'withdrawn', answer: '经核实非企业责任，撤销' });
    expect(res.status).toBe(200);
    expect((await t.api.get(`/api/credit-items/${id}`).set(await as('city'))).body).toMatchObject({ status: 'withdrawn', state: 'withdrawn' });
    const again = await t.api
      .post('/api/credit-objections')
      .set(await as('company'))
      .send({ itemId: id, reason: '再议' });
    expect([again.status, again.body.error.code]).toEqual([409, 'ITEM_WITHDRAWN']);
  });

  test('an objection after the item expired → 409 ITEM_EXPIRED; to another company’s item → 400; nothing changes', async () => {
    const id = (
      await t.api
        .post('/api/credit-items')
        .set(await as(district))
        .send(await penalty(district, { document: '包建罚〔2024〕1号', occurredOn: '2024-03-01' }))
    ).body.id;
    const before = await count(`SELECT count(*) AS n FROM credit_objections`);
    const res = await t.api
      .post('/api/credit-objections')
      .set(await as('company'))
      .send({ itemId: id, reason: '过期事项' });
    expect([res.status, res.body.error.code]).toEqual([409, 'ITEM_EXPIRED']);
    const [theirs] = await t.query<{ id: number }>(`SELECT id FROM credit_items WHERE company_id = $1 LIMIT 1`, [other.company_id]);
    const stranger = await t.api
      .post('/api/credit-objections')
      .set(await as('company'))
      .send({ itemId: theirs.id, reason: '不是我们的' });
    expect(stranger.status).toBe(400);
    expect(
      (
        await t.api
          .post('/api/credit-objections')
          .set(await as(district))
          .send({ itemId: id, reason: '区里提异议' })
      ).status,
    ).toBe(403);
    expect(await count(`SELECT count(*) AS n FROM credit_objections`)).toBe(before);
    expect((await t.query<{ status: string }>(`SELECT status FROM credit_items WHERE id = $1`, [id]))[0].status).toBe('published');
  });

  test('objections 20-way on one item: one pending objection', async () => {
    const id = (
      await t.api
        .post('/api/credit-items')
        .set(await as(district))
        .send(await penalty(district, { document: '包建罚〔2026〕并发1号' }))
    ).body.id;
    const h = await as('company');
    const results = await Promise.all(Array.from({ length: 20 }, () => t.api.post('/api/credit-objections').set(h).send({ itemId: id, reason: '并发异议' })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(await count(`SELECT count(*) AS n FROM credit_objections WHERE item_id = $1`, [id])).toBe(1);
  });
});

describe('live score, yearly evaluation and the public page', () => {
  test('the live score counts items only after publicity; a company sees its own score only', async () => {
    const h = await as('company');
    const before = (await t.api.get(`/api/credit-ratings/live?companyId=${project.company_id}`).set(h)).body;
    expect(before).toMatchObject({ companyId: project.company_id, blacklisted: false });
    const id = (
      await t.api
        .post('/api/credit-items')
        .set(await as(district))
        .send(await penalty(district, { document: '包建罚〔2026〕实时1号', projectId: null, pointsTenths: -100 }))
    ).body.id;
    expect((await t.api.get(`/api/credit-ratings/live?companyId=${project.company_id}`).set(h)).body.totalTenths).toBe(before.totalTenths);
    await endPublicity(id);
    const after = (await t.api.get(`/api/credit-ratings/live?companyId=${project.company_id}`).set(h)).body;
    expect(after.totalTenths).toBe(before.totalTenths - 100);
    expect(after.items.map((i: { id: number }) => i.id)).toContain(id);
    expect((await t.api.get(`/api/credit-ratings/live?companyId=${other.company_id}`).set(h)).status).toBe(403);
    expect((await t.api.get(`/api/credit-ratings/live?companyId=abc`).set(await as('city'))).status).toBe(400);
  });

  test('the live score of a company that does not exist is 404 and stores nothing (its items are read beside the company)', async () => {
    const missing = (await count(`SELECT coalesce(max(id), 0) + 1000 AS n FROM companies`)) as number;
    const res = await t.api.get(`/api/credit-ratings/live?companyId=${missing}`).set(await as('city'));
    expect(res.status).toBe(404);
    expect(await count(`SELECT count(*) AS n FROM credit_scores WHERE company_id = $1`, [missing])).toBe(0);
  });

  test('the public page: no sign-in, the contract fields only, the grade follows a correction', async () => {
    const [company] = await t.query<{ name: string; credit_code: string }>(`SELECT name, credit_code FROM companies WHERE id = $1`, [project.company_id]);
    const read = async () => {
      const res = await t.api.get(`/api/public/credit/companies?q=${encodeURIComponent(company.name)}`);
      expect(res.status).toBe(200);
      return res.body.find((c: { id: number }) => c.id === project.company_id);
    };
    const first = await read();
    expect(Object.keys(first).sort()).toEqual(['blacklisted', 'creditCode', 'grade', 'id', 'name', 'scoreTenths', 'year']);
    expect(first.year).toBe(Number((await t.query<{ y: string }>(`SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') AS y`))[0].y));
    // a heavy penalty, out of publicity, objected and corrected to nothing much
    const id = (
      await t.api
        .post('/api/credit-items')
        .set(await as(district))
        .send(await penalty(district, { document: '包建罚〔2026〕公示1号', projectId: null, pointsTenths: -200 }))
    ).body.id;
    await endPublicity(id);
    const lowered = await read();
    expect(lowered.scoreTenths).toBe(first.scoreTenths - 200);
    const o = await t.api
      .post('/api/credit-objections')
      .set(await as('company'))
      .send({ itemId: id, reason: '分值过重' });
    expect((await read()).scoreTenths).toBe(first.scoreTenths); // 异议中 does not count
    await t.api
      .post(`/api/credit-objections/${o.body.id}/answer`)
      .set(await as(district))
      .send({ outcome: 'corrected', answer: '改为扣1分', pointsTenths: -10 });
    expect((await read()).scoreTenths).toBe(first.scoreTenths - 10);
    const detail = await t.api.get(`/api/public/credit/companies/${project.company_id}`);
    expect(detail.status).toBe(200);
    const shown = detail.body.items.find((i: { id: number }) => i.id === id);
    expect(shown).toMatchObject({ pointsTenths: -10, state: 'effective', typeLabel: '行政处罚', document: '包建罚〔2026〕公示1号' });
    expect(shown).not.toHaveProperty('note');
    expect(shown).not.toHaveProperty('evidence');
    expect((await t.api.get(`/api/public/credit/companies?q=${encodeURIComponent('a\u0001b')}`)).status).toBe(400);
    expect((await t.api.get(`/api/public/credit/companies/999999999`)).status).toBe(404);
    expect((await t.api.get(`/api/public/credit/companies/abc`)).status).toBe(404);
  });

  test('the yearly evaluation: 20 requests evaluate once; every company gets one frozen record; a future year → 400; not the city → 403', async () => {
    const h = await as('city');
    const year = 2024;
    const results = await Promise.all(Array.from({ length: 20 }, () => t.api.post('/api/credit-ratings/evaluate').set(h).send({ year })));
    expect(results.filter((r) => r.status === 202)).toHaveLength(1);
    expect(results.every((r) => r.status === 202 || r.status === 200)).toBe(true);
    expect(await count(`SELECT count(*) AS n FROM credit_evaluations WHERE year = $1`, [year])).toBe(1);
    let progress;
    for (let i = 0; i < 300; i++) {
      progress = (await t.api.get(`/api/credit-ratings/evaluations/${year}`).set(h)).body;
      if (progress.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const companies = await count(`SELECT count(*) AS n FROM companies`);
    expect(progress).toMatchObject({ year, asOf: '2024-12-31', status: 'completed', progress: { done: companies, total: companies } });
    // it ran as a background job (contract 3) whose progress the jobs endpoint shows too
    const started = results.find((r) => r.status === 202)!.body;
    expect(started.jobId).toEqual(expect.any(String));
    const job = await t.api.get(`/api/jobs/${started.jobId}`).set(h);
    expect(job.body).toMatchObject({ name: 'credit.evaluation', state: 'completed', progress: { done: companies, total: companies } });
    expect(await count(`SELECT count(*) AS n FROM credit_ratings WHERE year = $1`, [year])).toBe(companies);
    const again = await t.api.post('/api/credit-ratings/evaluate').set(h).send({ year });
    expect(again.status).toBe(200);
    expect(await count(`SELECT count(*) AS n FROM credit_ratings WHERE year = $1`, [year])).toBe(companies);
    const list = await t.api.get(`/api/credit-ratings?filter=${encodeURIComponent(JSON.stringify({ year }))}&sort=["scoreTenths","DESC"]&range=[0,4]`).set(h);
    expect(list.headers['content-range']).toBe(`credit-ratings 0-4/${companies}`);
    expect(['AAA', 'AA', 'A', 'B', 'C']).toContain(list.body[0].grade);
    expect(
      (await t.api.get(`/api/credit-ratings?range=[0,999]`).set(await as('company'))).body.every(
        (r: { companyId: number }) => r.companyId === project.company_id,
      ),
    ).toBe(true);
    // the demo evaluated last year already: asking again starts nothing
    const lastYear = Number((await t.query<{ y: string }>(`SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') AS y`))[0].y) - 1;
    const done = await t.api.post('/api/credit-ratings/evaluate').set(h).send({ year: lastYear });
    expect([done.status, done.body.status]).toEqual([200, 'completed']);
    expect(await count(`SELECT count(*) AS n FROM credit_ratings WHERE year = $1`, [lastYear])).toBe(companies);
    const future = await t.api.post('/api/credit-ratings/evaluate').set(h).send({ year: 2099 });
    expect([future.status, Object.keys(future.body.error.fields)]).toEqual([400, ['year']]);
    expect(
      (
        await t.api
          .post('/api/credit-ratings/evaluate')
          .set(await as(district))
          .send({ year: 2023 })
      ).status,
    ).toBe(403);
    expect((await t.api.post('/api/credit-ratings/evaluate').set(h).send({ year: '2024' })).status).toBe(400);
    expect(await count(`SELECT count(*) AS n FROM credit_evaluations WHERE year IN (2023, 2099)`)).toBe(0);
  });
});
