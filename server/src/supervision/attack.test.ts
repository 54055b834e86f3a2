/** Hostile and careless use of satisfaction surveys, responses and interviews (issue 10) through the HTTP API. */
import { createTestApi, type TestApi } from '../../../test/support/api';
import { expectRefusal } from '../../../test/support/refusal';
import { residentWithHome, unclaimedHomes } from '../../../test/support/residents';

let t: TestApi;
let project: { id: number; company_id: number; compound_id: number; region_code: string };
let district: string;
let otherDistrict: string;
let nextHome: () => Promise<{ id: number }>;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const as = async (who: string) => bearer(await t.login(who));
const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const daysFromToday = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86400_000).toISOString().slice(0, 10);
const count = async (sql: string, params: unknown[] = []) => (await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;
const ALL = {
  service: 'satisfied',
  repairs: 'satisfied',
  cleaning: 'satisfied',
  greening: 'satisfied',
  security_parking: 'satisfied',
  fire_safety: 'satisfied',
  complaints: 'satisfied',
  transparency: 'satisfied',
};

beforeAll(async () => {
  t = await createTestApi();
  [project] = await t.query(
    `SELECT p.id, p.company_id, p.compound_id, p.region_code FROM projects p JOIN compounds c ON c.id = p.compound_id
      WHERE c.code = 'BT0001' AND p.start_date <= $1 AND p.end_date >= $1 ORDER BY p.id LIMIT 1`,
    [beijingToday()],
  );
  district = `d${project.region_code.slice(0, 6)}`;
  otherDistrict = district === 'd150202' ? 'd150207' : 'd150202';
  nextHome = unclaimedHomes(t, project.compound_id);
}, 120000);
afterAll(() => t.close());

const base = () => ({ title: '攻击测评', scope: 'project', projectId: project.id, opensOn: beijingToday(), closesOn: daysFromToday(14) });
const open = async (over: Record<string, unknown> = {}) =>
  t.api
    .post('/api/surveys')
    .set(await as(district))
    .send({ ...base(), ...over });

describe('bad input to POST /api/surveys → 400 with a code and a Chinese message, nothing stored', () => {
  test.each([
    ['a NUL in the title', { title: '测评\u0000' }],
    ['a BEL in the title', { title: '测评\u0007' }],
    ['a 10 MB title', { title: 'x'.repeat(10 * 1024 * 1024) }],
    ['opensOn 0001-01-01', { opensOn: '0001-01-01' }],
    ['closesOn 9999-12-31', { closesOn: '9999-12-31' }],
    ['closesOn 2026-02-30', { closesOn: '2026-02-30' }],
    ['projectId 1e308', { projectId: 1e308 }],
    ['projectId 2**53+1', { projectId: 2 ** 53 + 1 }],
    ['projectId -1', { projectId: -1 }],
    ['projectId 1.5', { projectId: 1.5 }],
    ['title an array', { title: ['测评'] }],
    ['projectId an object', { projectId: { id: 1 } }],
    ['dimensions null', { dimensions: null }],
    ['dimensions an unknown one', { dimensions: ['service', 'bribery'] }],
    ['dimensions empty', { dimensions: [] }],
  ])('%s', async (_label, over) => {
    const before = await count('surveys');
    const res = await open(over);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expectRefusal(res, res.status);
    expect(await count('surveys')).toBe(before);
  });

  test('non-numeric or out-of-range ids in the URL → 404, never 500', async () => {
    for (const id of ['abc', '99999999999999', '-1', '1.5', '0']) {
      for (const path of [`/api/surveys/${id}`, `/api/interviews/${id}`, `/api/survey-results/${id}`])
        expectRefusal(await t.api.get(path).set(await as('city')), 404);
      const close = await t.api.post(`/api/surveys/${id}/close`).set(await as('city'));
      expect(close.status).toBe(404);
      expect(
        (
          await t.api
            .post(`/api/interviews/${id}/record`)
            .set(await as('city'))
            .send({})
        ).status,
      ).toBeLessThan(500);
    }
  });
});

describe('jurisdiction', () => {
  test("another district neither reads, closes nor changes this district's project survey, its results or interviews", async () => {
    const s = (await open()).body;
    const other = await as(otherDistrict);
    expect([403, 404]).toContain((await t.api.get(`/api/surveys/${s.id}`).set(other)).status);
    const list = await t.api
      .get('/api/surveys')
      .query({ filter: JSON.stringify({ id: [s.id] }) })
      .set(other);
    expect(list.body).toEqual([]);
    expect([403, 404]).toContain((await t.api.post(`/api/surveys/${s.id}/close`).set(other)).status);
    expect([403, 404]).toContain(
      (
        await t.api
          .put(`/api/surveys/${s.id}`)
          .set(other)
          .send({ ...base(), title: '改' })
      ).status,
    );
    expect([403, 404]).toContain((await t.api.delete(`/api/surveys/${s.id}`).set(other)).status);
    const results = await t.api
      .get('/api/survey-results')
      .query({ filter: JSON.stringify({ surveyId: s.id }) })
      .set(other);
    expect(results.body).toEqual([]);
    const [row] = await t.query<{ status: string; title: string }>('SELECT status, title FROM surveys WHERE id = $1', [s.id]);
    expect(row).toEqual({ status: 'open', title: '攻击测评' });
  });

  test("staff and companies never read residents' individual answers; a resident reads only their own", async () => {
    const s = (await open()).body;
    const home = await nextHome();
    const token = await residentWithHome(t, 'atk-survey-r1', home.id);
    expect(
      (
        await t.api
          .post('/api/survey-responses')
          .set(bearer(token))
          .send({ surveyId: s.id, householdId: home.id, answers: ALL, overall: 'dissatisfied', comment: '物业经理态度差' })
      ).status,
    ).toBe(200);
    for (const who of ['city', district, 'street', 'community', 'company', 'party']) {
      const res = await t.api.get('/api/survey-responses').set(await as(who));
      expect(res.status).toBe(403);
      const audit = await t.api
        .get('/api/audit-logs')
        .query({ filter: JSON.stringify({ entity: 'surveys' }), range: '[0,99]' })
        .set(await as(who));
      expect(JSON.stringify(audit.body)).not.toContain('物业经理态度差');
      expect(JSON.stringify(audit.body)).not.toContain('dissatisfied');
    }
    const other = await t.residentToken('atk-survey-stranger');
    const mine = await t.api.get('/api/survey-responses').set(bearer(other));
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual([]);
    // another resident answering for someone else's home changes nothing
    expectRefusal(
      await t.api.post('/api/survey-responses').set(bearer(other)).send({ surveyId: s.id, householdId: home.id, answers: ALL, overall: 'satisfied' }),
      403,
    );
    expect(
      (await t.query<{ overall: string }>('SELECT overall FROM survey_responses WHERE survey_id = $1 AND household_id = $2', [s.id, home.id]))[0].overall,
    ).toBe('dissatisfied');
  });

  test('a resident answering with a control character or a 10 MB comment → 400, the stored answer unchanged', async () => {
    const s = (await open()).body;
    const home = await nextHome();
    const token = await residentWithHome(t, 'atk-survey-r2', home.id);
    expect(
      (
        await t.api
          .post('/api/survey-responses')
          .set(bearer(token))
          .send({ surveyId: s.id, householdId: home.id, answers: ALL, overall: 'satisfied', comment: '好' })
      ).status,
    ).toBe(200);
    for (const comment of ['坏\u0000', 'x'.repeat(10 * 1024 * 1024), ['坏'], { a: 1 }]) {
      const res = await t.api
        .post('/api/survey-responses')
        .set(bearer(token))
        .send({ surveyId: s.id, householdId: home.id, answers: ALL, overall: 'dissatisfied', comment });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    for (const extra of [{ surveyId: 1e308 }, { householdId: 2 ** 53 + 1 }, { answers: { ...ALL, bribery: 'satisfied' } }, { answers: null }]) {
      const res = await t.api
        .post('/api/survey-responses')
        .set(bearer(token))
        .send({ surveyId: s.id, householdId: home.id, answers: ALL, overall: 'dissatisfied', ...extra });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(
      (
        await t.query<{ overall: string; comment: string }>('SELECT overall, comment FROM survey_responses WHERE survey_id = $1 AND household_id = $2', [
          s.id,
          home.id,
        ])
      )[0],
    ).toEqual({ overall: 'satisfied', comment: '好' });
  });
});

describe('at most once', () => {
  test('closing one survey 20-way in parallel: one success, 19 × 409, one stored result set and one interview', async () => {
    const s = (await open()).body;
    const home = await nextHome();
    const token = await residentWithHome(t, 'atk-survey-r3', home.id);
    expect(
      (await t.api.post('/api/survey-responses').set(bearer(token)).send({ surveyId: s.id, householdId: home.id, answers: ALL, overall: 'dissatisfied' }))
        .status,
    ).toBe(200);
    const h = await as(district);
    const all = await Promise.all(Array.from({ length: 20 }, () => t.api.post(`/api/surveys/${s.id}/close`).set(h)));
    expect(all.filter((r) => r.status === 200)).toHaveLength(1);
    expect(all.filter((r) => r.status === 409).every((r) => r.body.error.code === 'SURVEY_CLOSED')).toBe(true);
    expect(all.filter((r) => r.status === 409)).toHaveLength(19);
    expect(await count('interviews WHERE survey_id = $1', [s.id])).toBeLessThanOrEqual(1);
    expect(await count(`audit_logs WHERE entity = 'surveys' AND entity_id = $1 AND action = 'close'`, [String(s.id)])).toBeLessThanOrEqual(1);
  });
});

async function warnedInterview(): Promise<number> {
  const s = (await open()).body;
  const [sp] = await t.query<{ id: number }>('SELECT id FROM survey_projects WHERE survey_id = $1', [s.id]);
  await t.query(
    `INSERT INTO survey_responses (survey_id, survey_project_id, household_id, compound_id, region_code, answers, overall)
     SELECT $1, $2, h.id, h.compound_id, h.region_code, '{}'::jsonb, 'dissatisfied'
       FROM households h WHERE h.compound_id = $3 AND NOT h.developer_unsold
        AND NOT EXISTS (SELECT 1 FROM survey_responses r WHERE r.survey_id = $1 AND r.household_id = h.id)`,
    [s.id, sp.id, project.compound_id],
  );
  expect((await t.api.post(`/api/surveys/${s.id}/close`).set(await as(district))).status).toBe(200);
  return (await t.query<{ id: number }>('SELECT id FROM interviews WHERE survey_id = $1', [s.id]))[0].id;
}
const record = () => ({ minutes: '约谈纪要', attendees: '项目经理', rectificationItems: '整改保洁', deadline: daysFromToday(7) });

describe('interviews', () => {
  test('PUT cannot blank what recording the interview requires (minutes, attendees, items, deadline) → 400, nothing changed', async () => {
    const id = await warnedInterview();
    expect(
      (
        await t.api
          .post(`/api/interviews/${id}/record`)
          .set(await as(district))
          .send(record())
      ).status,
    ).toBe(200);
    for (const field of ['minutes', 'attendees', 'rectificationItems', 'deadline']) {
      const res = await t.api
        .put(`/api/interviews/${id}`)
        .set(await as(district))
        .send({ [field]: null });
      expectRefusal(res, 400);
      expect(res.body.error.fields).toHaveProperty(field);
    }
    const [row] = await t.query<{ minutes: string; deadline: string; status: string }>('SELECT minutes, deadline::text, status FROM interviews WHERE id = $1', [
      id,
    ]);
    expect(row).toEqual({ minutes: '约谈纪要', deadline: daysFromToday(7), status: 'held' });
    // arranging what recording does not require still works on a held interview
    expect(
      (
        await t.api
          .put(`/api/interviews/${id}`)
          .set(await as(district))
          .send({ location: '区住建局三楼会议室' })
      ).status,
    ).toBe(200);
  });

  test('once the re-survey is open, PUT cannot rewrite the record or move the deadline (409 INTERVIEW_RESURVEYED), as record cannot', async () => {
    const id = await warnedInterview();
    expect(
      (
        await t.api
          .post(`/api/interviews/${id}/record`)
          .set(await as(district))
          .send(record())
      ).status,
    ).toBe(200);
    await t.query('UPDATE interviews SET deadline = $2 WHERE id = $1', [id, daysFromToday(-1)]);
    const h = await as(district);
    // 20 re-surveys at once: one opens, the rest 409 RESURVEY_EXISTS, one re-survey stored
    const all = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.api
          .post(`/api/interviews/${id}/resurvey`)
          .set(h)
          .send({ opensOn: beijingToday(), closesOn: daysFromToday(14) }),
      ),
    );
    expect(all.filter((r) => r.status === 201)).toHaveLength(1);
    expect(all.filter((r) => r.status === 409 && r.body.error.code === 'RESURVEY_EXISTS')).toHaveLength(19);
    expect(await count('surveys WHERE interview_id = $1', [id])).toBe(1);
    expectRefusal(
      await t.api
        .post(`/api/interviews/${id}/record`)
        .set(h)
        .send({ ...record(), deadline: daysFromToday(30) }),
      409,
    );
    const put = await t.api
      .put(`/api/interviews/${id}`)
      .set(h)
      .send({ deadline: daysFromToday(30), minutes: '改写的纪要' });
    expectRefusal(put, 409);
    expect(put.body.error.code).toBe('INTERVIEW_RESURVEYED');
    const [row] = await t.query<{ minutes: string; deadline: string }>('SELECT minutes, deadline::text FROM interviews WHERE id = $1', [id]);
    expect(row).toEqual({ minutes: '约谈纪要', deadline: daysFromToday(-1) });
  });

  test("another district cannot arrange, record or re-survey this district's interview", async () => {
    const id = await warnedInterview();
    const other = await as(otherDistrict);
    expect([403, 404]).toContain((await t.api.put(`/api/interviews/${id}`).set(other).send({ location: '别处' })).status);
    expect([403, 404]).toContain((await t.api.post(`/api/interviews/${id}/record`).set(other).send(record())).status);
    expect([403, 404]).toContain(
      (
        await t.api
          .post(`/api/interviews/${id}/resurvey`)
          .set(other)
          .send({ opensOn: beijingToday(), closesOn: daysFromToday(14) })
      ).status,
    );
    expect((await t.query<{ status: string; location: string | null }>('SELECT status, location FROM interviews WHERE id = $1', [id]))[0]).toEqual({
      status: 'pending',
      location: null,
    });
  });
});
