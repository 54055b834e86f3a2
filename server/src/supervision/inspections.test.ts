import { createTestApi, type TestApi } from '../../../test/support/api';
import { enqueueJob } from '../jobs/queue';
import { sweepOverdueHazards } from './hazards';
import { HAZARD_SWEEP_JOB } from './inspectionsRoutes';

// Issue 10, inspections half (DOMAIN.md §10): checklist, inspections and patrols, hazards with
// deadlines, rectification and verification, the overdue sweep and its credit items.

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi({ JOBS_POLL_INTERVAL_SECONDS: '0.5' });
});
afterAll(() => t.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const as = async (who: string) => bearer(await t.login(who));
const count = async (sql: string, params: unknown[] = []) => Number((await t.query<{ n: string }>(sql, params))[0].n);
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1d0e3a40000000049454e44ae426082',
  'hex',
);
const photo = async (who: string) =>
  `/api/uploads/${
    (
      await t.api
        .post('/api/uploads')
        .set(await as(who))
        .attach('file', PNG, '现场.png')
    ).body.id
  }`;

let project: { id: number; company_id: number; region_code: string };
const item: Record<string, number> = {};
beforeAll(async () => {
  // A project in 沼潭社区 (the demo community and street accounts' area), whose company gets three staff accounts here.
  [project] = await t.query(
    `SELECT p.id, p.company_id, p.region_code FROM projects p WHERE p.region_code = '150203001001' AND p.end_date >= current_date AND p.start_date <= current_date ORDER BY p.id LIMIT 1`,
  );
  const [other] = await t.query<{ id: number }>(`SELECT id FROM companies WHERE id <> $1 ORDER BY id LIMIT 1`, [project.company_id]);
  for (const [username, companyId] of [
    ['s1staff1', project.company_id],
    ['s1staff2', project.company_id],
    ['s1other', other.id],
  ] as const) {
    await t.query(
      `INSERT INTO users (username, name, role, company_id, password_hash, demo) SELECT $1, $1, 'company_staff', $2, password_hash, true FROM users WHERE username = 'company'`,
      [username, companyId],
    );
  }
  for (const r of await t.query<{ id: number; code: string }>(`SELECT id, code FROM inspection_checklist_items`)) item[r.code] = r.id;
});

const passed = (code: string) => ({ itemId: item[code], result: 'passed' });
async function inspect(who: string, results: unknown[], extra: Record<string, unknown> = {}) {
  return t.api
    .post('/api/inspections')
    .set(await as(who))
    .send({ projectId: project.id, kind: 'inspection', lat: 40.6, lng: 109.84, results, ...extra });
}
const hazardsOf = (inspectionId: number) =>
  t.query<{ id: number; status: string; item_id: number; deadline_at: Date; found_at: Date; reported_to: string | null; report_reason: string | null }>(
    `SELECT id, status, item_id, deadline_at, found_at, reported_to, report_reason FROM hazards WHERE inspection_id = $1 ORDER BY id`,
    [inspectionId],
  );
const creditItems = (type: string, key: string) => count(`SELECT count(*) AS n FROM credit_items WHERE type = $1 AND source_key = $2`, [type, key]);

describe('inspection-checklist-items (DOMAIN.md §10: the checklist is data)', () => {
  test('the demo checklist covers every §10 category, each item with its source document', async () => {
    const res = await t.api.get('/api/inspection-checklist-items?range=[0,99]').set(await as('community'));
    expect(res.status).toBe(200);
    const cats = new Set(res.body.map((i: { category: string }) => i.category));
    expect([...cats].sort()).toEqual(['cleanliness', 'disclosure', 'ebike', 'exits', 'fire_facilities', 'fire_lane', 'illegal_construction', 'micro_station']);
    expect(res.body.every((i: { sourceDocument: string }) => i.sourceDocument.length > 0)).toBe(true);
    expect(res.body.find((i: { code: string }) => i.code === 'FL-01')).toMatchObject({ fireLane: true, onSpot: false, severity: 'general' });
  });

  test('only the city keeps it; a duplicate code is an error on the code field', async () => {
    const body = { code: 'T-01', category: 'cleanliness', text: '楼道无小广告', sourceDocument: '测试依据' };
    expect(
      (
        await t.api
          .post('/api/inspection-checklist-items')
          .set(await as('d150203'))
          .send(body)
      ).status,
    ).toBe(403);
    expect(
      (
        await t.api
          .post('/api/inspection-checklist-items')
          .set(await as('city'))
          .send(body)
      ).status,
    ).toBe(201);
    const dup = await t.api
      .post('/api/inspection-checklist-items')
      .set(await as('city'))
      .send(body);
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields).toHaveProperty('code');
    const bad = await t.api
      .post('/api/inspection-checklist-items')
      .set(await as('city'))
      .send({ ...body, code: 'T-02', category: 'gardening' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('category');
  });
});

describe('inspections → hazards (DOMAIN.md §10)', () => {
  test('failed items become hazards: 7-day deadline; on the spot closed with its photo; an on-the-spot item not corrected is reported at once; one inspection_failed credit item', async () => {
    const [p1, p2, p3, p4] = await Promise.all([photo('community'), photo('community'), photo('community'), photo('community')]);
    const res = await inspect('community', [
      { itemId: item['FL-01'], result: 'failed', photos: [p1], note: '消防车通道被私家车占用' },
      { itemId: item['EX-02'], result: 'failed', photos: [p2], correctedOnSpot: true, rectificationPhotos: [p3] },
      { itemId: item['EX-01'], result: 'failed', photos: [p4] },
      passed('FF-02'),
      { itemId: item['DI-01'], result: 'not_applicable' },
    ]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'inspection', failedCount: 3, companyId: project.company_id, regionCode: project.region_code, lat: '40.600000' });
    const hs = await hazardsOf(res.body.id);
    expect(hs.map((h) => [h.item_id, h.status, h.reported_to, h.report_reason])).toEqual([
      [item['FL-01'], 'open', null, null],
      [item['EX-02'], 'closed', null, null],
      [item['EX-01'], 'open', 'district', 'not_corrected_on_spot'],
    ]);
    expect(new Date(hs[0].deadline_at).getTime() - new Date(hs[0].found_at).getTime()).toBe(7 * 24 * 3600_000);
    expect(await creditItems('inspection_failed', `inspection:${res.body.id}`)).toBe(1);
    expect(await creditItems('hazard_overdue', `hazard:${hs[2].id}`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM audit_logs WHERE entity = 'hazards' AND action = 'create' AND entity_id = $1`, [String(hs[0].id)])).toBe(1);
    // the company sees its hazard and the inspector's photo; another district neither
    const h = await t.api.get(`/api/hazards/${hs[0].id}`).set(await as('s1staff1'));
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ status: 'open', fireLane: true, overdue: false, photos: [p1] });
    expect(h.body.events.map((e: { action: string }) => e.action)).toEqual(['found']);
    expect((await t.api.get(p1).set(await as('s1staff1'))).status).toBe(200);
    expect((await t.api.get(p1).set(await as('d150202'))).status).toBe(404);
    expect((await t.api.get(`/api/hazards/${hs[0].id}`).set(await as('d150202'))).status).toBe(404);
    expect((await t.api.get(`/api/hazards/${hs[0].id}`).set(await as('s1other'))).status).toBe(404);
  });

  test.each([
    ['another district (out of jurisdiction)', 'd150202', {}, 403, 'OUT_OF_JURISDICTION'],
    ['company staff recording an inspection', 's1staff1', {}, 403, 'ROLE_FORBIDDEN'],
    ['party-building staff', 'party', {}, 403, undefined],
    ['a visit in the future', 'community', { inspectedAt: new Date(Date.now() + 86_400_000).toISOString() }, 400, 'ABSURD_DATE'],
    ['a visit in 1900', 'community', { inspectedAt: '1900-01-01T00:00:00+08:00' }, 400, 'ABSURD_DATE'],
    ['a nonsense date', 'community', { inspectedAt: '2026-13-45T99:00:00Z' }, 400, 'VALIDATION_FAILED'],
    ['a latitude of 1e9', 'community', { lat: 1e9 }, 400, 'VALIDATION_FAILED'],
  ])('refused: %s (as %s), nothing stored', async (_, who, extra, status, code) => {
    const before = await count('SELECT count(*) AS n FROM inspections');
    const res = await inspect(who, [passed('FL-01')], extra);
    expect(res.status).toBe(status);
    if (code) expect(res.body.error.code).toBe(code);
    expect(await count('SELECT count(*) AS n FROM inspections')).toBe(before);
  });

  test('refused: a failed item without photo, on-the-spot correction without photo, someone else’s photo, a non-on-the-spot item corrected → 400 on the field, nothing stored', async () => {
    const before = await count('SELECT count(*) AS n FROM hazards');
    const mine = await photo('community');
    const theirs = await photo('street');
    const cases: [unknown, string][] = [
      [{ itemId: item['FL-01'], result: 'failed' }, 'results.0.photos'],
      [{ itemId: item['EX-02'], result: 'failed', photos: [mine], correctedOnSpot: true }, 'results.0.rectificationPhotos'],
      [{ itemId: item['FL-01'], result: 'failed', photos: [mine], correctedOnSpot: true, rectificationPhotos: [mine] }, 'results.0.correctedOnSpot'],
      [{ itemId: item['FL-01'], result: 'failed', photos: [theirs] }, 'results.0.photos'],
      [{ itemId: 999999, result: 'passed' }, 'results.0.itemId'],
    ];
    for (const [r, field] of cases) {
      const res = await inspect('community', [r]);
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toHaveProperty([field]);
    }
    expect(await count('SELECT count(*) AS n FROM hazards')).toBe(before);
  });
});

describe('hazards: rectify, verify, report (DOMAIN.md §10)', () => {
  async function newHazard(code = 'FL-01') {
    const res = await inspect('community', [{ itemId: item[code], result: 'failed', photos: [await photo('community')] }]);
    expect(res.status).toBe(201);
    return (await hazardsOf(res.body.id))[0].id;
  }
  const rectify = async (who: string, id: number, body: unknown) =>
    t.api
      .post(`/api/hazards/${id}/rectify`)
      .set(await as(who))
      .send(body as object);
  const verify = async (who: string, id: number, body: unknown) =>
    t.api
      .post(`/api/hazards/${id}/verify`)
      .set(await as(who))
      .send(body as object);

  test('the company rectifies with photos, the inspector rejects, then accepts; every step on the timeline and audited', async () => {
    const id = await newHazard();
    expect((await rectify('s1staff1', id, { photos: [], note: '已清理' })).status).toBe(400);
    expect((await rectify('s1other', id, { photos: [await photo('s1other')], note: '已清理' })).status).toBe(404);
    expect((await verify('community', id, { decision: 'accept' })).body.error.code).toBe('HAZARD_NOT_RECTIFIED');
    const r1 = await rectify('s1staff1', id, { photos: [await photo('s1staff1')], note: '已清理占道车辆' });
    expect(r1.status).toBe(200);
    expect(r1.body.status).toBe('rectified');
    expect((await rectify('s1staff1', id, { photos: [await photo('s1staff1')], note: '再次' })).status).toBe(409);
    expect((await verify('s1staff2', id, { decision: 'accept' })).body.error.code).toBe('INSPECTOR_VERIFIES');
    expect((await verify('community', id, { decision: 'reject' })).status).toBe(400); // a rejection needs a note
    expect((await verify('community', id, { decision: 'reject', note: '标线未补画' })).body.status).toBe('open');
    await rectify('s1staff1', id, { photos: [await photo('s1staff1')], note: '已补画禁停标线' });
    const ok = await verify('street', id, { decision: 'accept' });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('closed');
    const shown = await t.api.get(`/api/hazards/${id}`).set(await as('community'));
    expect(shown.body.events.map((e: { action: string }) => e.action)).toEqual(['found', 'rectify', 'reject', 'rectify', 'accept']);
    expect((await t.api.get(shown.body.rectificationPhotos[0]).set(await as('community'))).status).toBe(200);
    expect(
      await count(`SELECT count(*) AS n FROM audit_logs WHERE entity = 'hazards' AND entity_id = $1 AND action IN ('rectify', 'accept', 'reject')`, [
        String(id),
      ]),
    ).toBe(4);
    expect(await creditItems('hazard_overdue', `hazard:${id}`)).toBe(0);
  });

  test('a patrol: company staff on their own project; a colleague verifies, never the one who rectified (403 OWN_RECTIFICATION)', async () => {
    const refused = await t.api
      .post('/api/inspections')
      .set(await as('s1other'))
      .send({ projectId: project.id, kind: 'patrol', results: [passed('FL-01')] });
    expect(refused.status).toBe(403);
    expect(
      (
        await t.api
          .post('/api/inspections')
          .set(await as('community'))
          .send({ projectId: project.id, kind: 'patrol', results: [passed('FL-01')] })
      ).status,
    ).toBe(403);
    const res = await t.api
      .post('/api/inspections')
      .set(await as('s1staff1'))
      .send({ projectId: project.id, kind: 'patrol', results: [{ itemId: item['EB-03'], result: 'failed', photos: [await photo('s1staff1')] }] });
    expect(res.status).toBe(201);
    const [h] = await hazardsOf(res.body.id);
    await rectify('s1staff1', h.id, { photos: [await photo('s1staff1')], note: '已加装自动断电装置' });
    const own = await verify('s1staff1', h.id, { decision: 'accept' });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('OWN_RECTIFICATION');
    expect((await t.query<{ status: string }>('SELECT status FROM hazards WHERE id = $1', [h.id]))[0].status).toBe('rectified');
    expect((await verify('s1staff2', h.id, { decision: 'accept' })).body.status).toBe('closed');
    expect(await creditItems('inspection_failed', `inspection:${res.body.id}`)).toBe(0); // a company's own patrol earns no bad item
  });

  test('the sweep reports an overdue hazard to the street once, flagged for the fire brigade, with one hazard_overdue item — 20 sweeps at once, and a replay', async () => {
    const id = await newHazard('FL-01');
    await t.query(`UPDATE hazards SET deadline_at = now() - interval '1 hour' WHERE id = $1`, [id]);
    const listed = await t.api
      .get(`/api/hazards?filter=${encodeURIComponent(JSON.stringify({ overdue: true, reported: false }))}&range=[0,999]`)
      .set(await as('street'));
    expect(listed.body.map((h: { id: number }) => h.id)).toContain(id);
    const runs = await Promise.all(Array.from({ length: 20 }, () => sweepOverdueHazards(t.database.db, new Date())));
    expect(runs.filter((r) => r.includes(id))).toHaveLength(1);
    expect(await creditItems('hazard_overdue', `hazard:${id}`)).toBe(1);
    const [credit] = await t.query<{ status: string; company_id: number; points_tenths: number }>(
      `SELECT status, company_id, points_tenths FROM credit_items WHERE type = 'hazard_overdue' AND source_key = $1`,
      [`hazard:${id}`],
    );
    expect(credit).toMatchObject({ status: 'published', company_id: project.company_id });
    expect(credit.points_tenths).toBeLessThan(0);
    // replayed after the report was lost: reported again, still one credit item
    await t.query(`UPDATE hazards SET reported_at = NULL, reported_to = NULL, report_reason = NULL WHERE id = $1`, [id]);
    expect(await sweepOverdueHazards(t.database.db, new Date())).toContain(id);
    expect(await creditItems('hazard_overdue', `hazard:${id}`)).toBe(1);
    const queue = await t.api
      .get(`/api/hazards?filter=${encodeURIComponent(JSON.stringify({ reported: true, fireLane: true }))}&range=[0,999]`)
      .set(await as('street'));
    expect(queue.body.find((h: { id: number }) => h.id === id)).toMatchObject({
      reportedTo: 'street',
      reportReason: 'overdue',
      fireBrigadeFlag: true,
      overdue: true,
    });
    expect(
      await count(`SELECT count(*) AS n FROM audit_logs WHERE entity = 'hazards' AND entity_id = $1 AND action = 'report_hazard' AND actor_id IS NULL`, [
        String(id),
      ]),
    ).toBe(2);
  });

  test('a rectification handed in after the deadline reports the hazard at once; one declared unfixable is reported without a credit item', async () => {
    const late = await newHazard('FL-02');
    await t.query(`UPDATE hazards SET deadline_at = now() - interval '1 minute' WHERE id = $1`, [late]);
    expect((await rectify('s1staff1', late, { photos: [await photo('s1staff1')], note: '迟交整改' })).status).toBe(200);
    expect((await t.query<{ reported_to: string }>('SELECT reported_to FROM hazards WHERE id = $1', [late]))[0].reported_to).toBe('street');
    expect(await creditItems('hazard_overdue', `hazard:${late}`)).toBe(1);

    const stuck = await newHazard('IC-01');
    expect(
      (
        await t.api
          .post(`/api/hazards/${stuck}/report`)
          .set(await as('s1other'))
          .send({ note: '违建属业主私搭' })
      ).status,
    ).toBe(404);
    const rep = await t.api
      .post(`/api/hazards/${stuck}/report`)
      .set(await as('s1staff1'))
      .send({ note: '违建属业主私搭，企业无执法权' });
    expect(rep.status).toBe(200);
    expect(rep.body).toMatchObject({ reportedTo: 'street', reportReason: 'unfixable' });
    expect(
      (
        await t.api
          .post(`/api/hazards/${stuck}/report`)
          .set(await as('s1staff1'))
          .send({ note: '再次' })
      ).status,
    ).toBe(409);
    expect(await creditItems('hazard_overdue', `hazard:${stuck}`)).toBe(0);
  });

  test('the sweep runs as the periodic job supervision.hazard-sweep (issue 15 queue): an overdue hazard is reported by it', async () => {
    const id = await newHazard('FL-03');
    await t.query(`UPDATE hazards SET deadline_at = now() - interval '1 hour' WHERE id = $1`, [id]);
    // a periodic run keeps no job row once completed (keepCompleted: false): its effect is what shows
    await enqueueJob(HAZARD_SWEEP_JOB, {}, null);
    let reportedTo: string | null = null;
    for (let i = 0; i < 320 && !reportedTo; i++) {
      await new Promise((r) => setTimeout(r, 250));
      reportedTo = (await t.query<{ reported_to: string | null }>('SELECT reported_to FROM hazards WHERE id = $1', [id]))[0].reported_to;
    }
    // FL-03 (the aerial-ladder area) is a major hazard: reported to the district
    expect(reportedTo).toBe('district');
    expect(await creditItems('hazard_overdue', `hazard:${id}`)).toBe(1);
  }, 120_000);
});
