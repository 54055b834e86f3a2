import { createTestApi, type TestApi } from '../../../test/support/api';
import { residentWithHome, unclaimedHomes } from '../../../test/support/residents';
import { closeDueSurveys } from './surveysService';

let t: TestApi;
let project: { id: number; company_id: number; compound_id: number; region_code: string; manager_name: string };
let district: string;
let otherDistrict: string;
let nextHome: () => Promise<{ id: number }>;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
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
    `SELECT p.id, p.company_id, p.compound_id, p.region_code, p.manager_name FROM projects p JOIN compounds c ON c.id = p.compound_id
      WHERE c.code = 'BT0001' AND p.start_date <= $1 AND p.end_date >= $1 ORDER BY p.id LIMIT 1`,
    [beijingToday()],
  );
  district = `d${project.region_code.slice(0, 6)}`;
  otherDistrict = district === 'd150207' ? 'd150202' : 'd150207';
  nextHome = unclaimedHomes(t, project.compound_id);
});
afterAll(() => t.close());

async function openProjectSurvey(over: Record<string, unknown> = {}) {
  const res = await t.api
    .post('/api/surveys')
    .set(bearer(await t.login(district)))
    .send({ title: '2026年度业主满意度测评', scope: 'project', projectId: project.id, opensOn: beijingToday(), closesOn: daysFromToday(14), ...over });
  expect(res.status).toBe(201);
  return res.body as { id: number; status: string; projectCount: number; dimensions: string[] };
}

/** Other homes' answers, stored directly (the test's stand-in for many residents answering). */
async function seedAnswers(surveyId: number, satisfied: number, dissatisfied: number) {
  const [sp] = await t.query<{ id: number }>('SELECT id FROM survey_projects WHERE survey_id = $1 AND project_id = $2', [surveyId, project.id]);
  await t.query(
    `INSERT INTO survey_responses (survey_id, survey_project_id, household_id, compound_id, region_code, answers, overall)
     SELECT $1, $2, x.id, x.compound_id, x.region_code, '{}'::jsonb, CASE WHEN row_number() OVER (ORDER BY x.id) <= $4 THEN 'satisfied' ELSE 'dissatisfied' END::satisfaction_rating
       FROM (SELECT h.id, h.compound_id, h.region_code FROM households h WHERE h.compound_id = $3 AND NOT h.developer_unsold
               AND NOT EXISTS (SELECT 1 FROM survey_responses r WHERE r.survey_id = $1 AND r.household_id = h.id)
             ORDER BY h.id DESC LIMIT $5) x`,
    [surveyId, sp.id, project.compound_id, satisfied, satisfied + dissatisfied],
  );
}
const occupiedHomes = () => count('households WHERE compound_id = $1 AND NOT developer_unsold', [project.compound_id]);

describe('DOMAIN.md §9: opening a survey', () => {
  test('the district opens a project survey with every dimension; it covers that project', async () => {
    const s = await openProjectSurvey();
    expect(s).toMatchObject({ status: 'open', projectCount: 1 });
    expect(s.dimensions).toHaveLength(8);
    expect(await count(`audit_logs WHERE entity = 'surveys' AND entity_id = $1 AND action = 'create'`, [String(s.id)])).toBe(1);
  });

  test('another district, a street for a district survey, a company or a district for the city → 403, nothing stored', async () => {
    const before = await count('surveys');
    const body = { title: '越权测评', scope: 'project', projectId: project.id, opensOn: beijingToday(), closesOn: daysFromToday(7) };
    const other = await t.api
      .post('/api/surveys')
      .set(bearer(await t.login(otherDistrict)))
      .send(body);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('OUT_OF_JURISDICTION');
    expect(
      (
        await t.api
          .post('/api/surveys')
          .set(bearer(await t.login('company')))
          .send(body)
      ).status,
    ).toBe(403);
    expect(
      (
        await t.api
          .post('/api/surveys')
          .set(bearer(await t.login(district)))
          .send({ ...body, scope: 'city', projectId: null })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.api
          .post('/api/surveys')
          .set(bearer(await t.login('street')))
          .send({ ...body, scope: 'district', projectId: null, regionCode: '150203' })
      ).status,
    ).toBe(403);
    expect(await count('surveys')).toBe(before);
  });

  test('bad input is a 400 on the field: a closing date already past, closing before opening, an absurd date', async () => {
    const token = await t.login(district);
    const past = await t.api
      .post('/api/surveys')
      .set(bearer(token))
      .send({ title: '测评', scope: 'project', projectId: project.id, opensOn: daysFromToday(-10), closesOn: daysFromToday(-1) });
    expect(past.status).toBe(400);
    expect(past.body.error.fields.closesOn).toBeDefined();
    const reversed = await t.api
      .post('/api/surveys')
      .set(bearer(token))
      .send({ title: '测评', scope: 'project', projectId: project.id, opensOn: daysFromToday(3), closesOn: daysFromToday(1) });
    expect(reversed.body.error.fields.closesOn).toBeDefined();
    const absurd = await t.api
      .post('/api/surveys')
      .set(bearer(token))
      .send({ title: '测评', scope: 'project', projectId: project.id, opensOn: '99999-01-01', closesOn: daysFromToday(1) });
    expect(absurd.status).toBe(400);
  });

  test('a district survey covers the projects under contract in the district', async () => {
    const res = await t.api
      .post('/api/surveys')
      .set(bearer(await t.login(district)))
      .send({ title: '全区测评', scope: 'district', regionCode: project.region_code.slice(0, 6), opensOn: beijingToday(), closesOn: daysFromToday(14) });
    expect(res.status).toBe(201);
    const expected = await count(`projects WHERE region_code LIKE $1 AND start_date <= $2 AND end_date >= $2`, [
      project.region_code.slice(0, 6) + '%',
      beijingToday(),
    ]);
    expect(res.body.projectCount).toBe(expected);
  });
});

describe('DOMAIN.md §9: residents answer, one response per verified home', () => {
  test('a resident answers for their verified home and changes the answer: one row, the latest answer', async () => {
    const s = await openProjectSurvey();
    const home = await nextHome();
    const token = await residentWithHome(t, 'survey-r1', home.id);
    const first = await t.api
      .post('/api/survey-responses')
      .set(bearer(token))
      .send({ surveyId: s.id, householdId: home.id, answers: ALL, overall: 'dissatisfied' });
    expect(first.status).toBe(200);
    const second = await t.api
      .post('/api/survey-responses')
      .set(bearer(token))
      .send({ surveyId: s.id, householdId: home.id, answers: ALL, overall: 'satisfied', comment: '保洁有改进' });
    expect(second.body.changed).toBe(true);
    const rows = await t.query<{ overall: string }>('SELECT overall FROM survey_responses WHERE survey_id = $1 AND household_id = $2', [s.id, home.id]);
    expect(rows).toEqual([{ overall: 'satisfied' }]);
    const mine = await t.api.get(`/api/survey-responses?filter=${encodeURIComponent(JSON.stringify({ surveyId: s.id }))}`).set(bearer(token));
    expect(mine.body).toEqual([expect.objectContaining({ householdId: home.id, overall: 'satisfied' })]);
    const visible = await t.api.get(`/api/surveys?filter=${encodeURIComponent(JSON.stringify({ status: 'open' }))}`).set(bearer(token));
    expect(visible.body.map((v: { id: number }) => v.id)).toContain(s.id);
  });

  test('20 answers for one home in parallel leave exactly one response (unique index, upsert)', async () => {
    const s = await openProjectSurvey();
    const home = await nextHome();
    const token = await residentWithHome(t, 'survey-r2', home.id);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.api
          .post('/api/survey-responses')
          .set(bearer(token))
          .send({ surveyId: s.id, householdId: home.id, answers: ALL, overall: i % 2 ? 'satisfied' : 'dissatisfied' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(await count('survey_responses WHERE survey_id = $1 AND household_id = $2', [s.id, home.id])).toBe(1);
  });

  test('a home the resident has not verified → 403 HOME_NOT_VERIFIED, nothing stored', async () => {
    const s = await openProjectSurvey();
    const mine = await nextHome();
    const notMine = await nextHome();
    const token = await residentWithHome(t, 'survey-r3', mine.id);
    const res = await t.api
      .post('/api/survey-responses')
      .set(bearer(token))
      .send({ surveyId: s.id, householdId: notMine.id, answers: ALL, overall: 'satisfied' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('HOME_NOT_VERIFIED');
    expect(await count('survey_responses WHERE survey_id = $1', [s.id])).toBe(0);
  });

  test('answers missing a dimension or outside the three answers → 400 on the field', async () => {
    const s = await openProjectSurvey();
    const home = await nextHome();
    const token = await residentWithHome(t, 'survey-r4', home.id);
    const missing = await t.api
      .post('/api/survey-responses')
      .set(bearer(token))
      .send({ surveyId: s.id, householdId: home.id, answers: { service: 'satisfied' }, overall: 'satisfied' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.answers).toBeDefined();
    const bad = await t.api.post('/api/survey-responses').set(bearer(token)).send({ surveyId: s.id, householdId: home.id, answers: ALL, overall: 'great' });
    expect(bad.status).toBe(400);
    expect(await count('survey_responses WHERE survey_id = $1', [s.id])).toBe(0);
  });

  test('staff cannot read single responses (403), only aggregates without homes', async () => {
    const s = await openProjectSurvey();
    for (const user of ['city', district, 'company']) {
      const res = await t.api.get('/api/survey-responses').set(bearer(await t.login(user)));
      expect(res.status).toBe(403);
    }
    const results = await t.api
      .get(`/api/survey-results?filter=${encodeURIComponent(JSON.stringify({ surveyId: s.id }))}`)
      .set(bearer(await t.login(district)));
    expect(results.status).toBe(200);
    expect(Object.keys(results.body[0])).not.toEqual(expect.arrayContaining(['householdId']));
    expect(results.body[0]).toMatchObject({ projectId: project.id, responses: 0, sampleValid: false, warning: false });
  });
});

describe('DOMAIN.md §9, research §2 rules 6–7: closing, warning, interview, re-survey, credit', () => {
  test('a valid result below 80% warns and opens one interview with the project manager; answers after closing → 409', async () => {
    const s = await openProjectSurvey();
    const occupied = await occupiedHomes();
    const valid = Math.ceil((occupied * 3) / 10) + 1;
    const satisfied = Math.floor((valid * 79) / 100);
    await seedAnswers(s.id, satisfied, valid - satisfied);
    const home = await nextHome();
    const token = await residentWithHome(t, 'survey-r5', home.id);
    const close = await t.api.post(`/api/surveys/${s.id}/close`).set(bearer(await t.login(district)));
    expect(close.status).toBe(200);
    expect(close.body).toMatchObject({ status: 'closed', warnings: 1, interviewsOpened: 1 });
    const [r] = (await t.api.get(`/api/survey-results?filter=${encodeURIComponent(JSON.stringify({ surveyId: s.id }))}`).set(bearer(await t.login(district))))
      .body;
    expect(r).toMatchObject({
      occupiedHomes: occupied,
      responses: valid,
      valid,
      satisfied,
      sampleValid: true,
      warning: true,
      rateBasisPoints: Math.floor((satisfied * 10000) / valid),
    });
    expect(r.interviewId).toEqual(expect.any(Number));
    const iv = await t.api.get(`/api/interviews/${r.interviewId}`).set(bearer(await t.login(district)));
    expect(iv.body).toMatchObject({ projectId: project.id, managerName: project.manager_name, status: 'pending' });

    const late = await t.api
      .post('/api/survey-responses')
      .set(bearer(token))
      .send({ surveyId: s.id, householdId: home.id, answers: ALL, overall: 'satisfied' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('SURVEY_CLOSED');
    expect(await count('survey_responses WHERE survey_id = $1 AND household_id = $2', [s.id, home.id])).toBe(0);
    const again = await t.api.post(`/api/surveys/${s.id}/close`).set(bearer(await t.login(district)));
    expect(again.status).toBe(409);
    expect(await count('interviews WHERE survey_id = $1', [s.id])).toBe(1);
    // the company sees its project's result and interview; another district sees neither
    expect((await t.api.get(`/api/interviews/${r.interviewId}`).set(bearer(await t.login('company')))).status).toBe(
      project.company_id === (await t.query<{ company_id: number }>(`SELECT company_id FROM users WHERE username = 'company'`))[0].company_id ? 200 : 404,
    );
    expect((await t.api.get(`/api/interviews/${r.interviewId}`).set(bearer(await t.login(otherDistrict)))).status).toBe(404);
    expect((await t.api.post(`/api/surveys/${s.id}/close`).set(bearer(await t.login(otherDistrict)))).status).toBe(403);
  });

  test('a response after the closing date → 409 SURVEY_CLOSED, nothing stored', async () => {
    const s = await openProjectSurvey();
    const home = await nextHome();
    const token = await residentWithHome(t, 'survey-r6', home.id);
    await t.query(`UPDATE surveys SET opens_on = $2, closes_on = $2 WHERE id = $1`, [s.id, daysFromToday(-1)]);
    const res = await t.api.post('/api/survey-responses').set(bearer(token)).send({ surveyId: s.id, householdId: home.id, answers: ALL, overall: 'satisfied' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SURVEY_CLOSED');
    expect(await count('survey_responses WHERE survey_id = $1', [s.id])).toBe(0);
  });

  test('fewer responses than 30% of occupied homes → 样本不足: no warning, no interview', async () => {
    const s = await openProjectSurvey();
    const occupied = await occupiedHomes();
    await seedAnswers(s.id, 0, Math.ceil((occupied * 3) / 10) - 1);
    const close = await t.api.post(`/api/surveys/${s.id}/close`).set(bearer(await t.login(district)));
    expect(close.body).toMatchObject({ warnings: 0, interviewsOpened: 0 });
    const [row] = await t.query<{ sample_valid: boolean; warning: boolean }>('SELECT sample_valid, warning FROM survey_projects WHERE survey_id = $1', [s.id]);
    expect(row).toEqual({ sample_valid: false, warning: false });
  });

  test('a valid result ≥ 90% records satisfaction_high once per survey and project', async () => {
    const s = await openProjectSurvey();
    const occupied = await occupiedHomes();
    const valid = Math.ceil((occupied * 3) / 10);
    await seedAnswers(s.id, Math.ceil((valid * 9) / 10), valid - Math.ceil((valid * 9) / 10));
    await t.api
      .post(`/api/surveys/${s.id}/close`)
      .set(bearer(await t.login(district)))
      .expect(200);
    const items = await t.query<{ status: string; category: string }>(
      `SELECT status, category FROM credit_items WHERE type = 'satisfaction_high' AND source_key = $1`,
      [`survey:${s.id}:project:${project.id}`],
    );
    expect(items).toEqual([{ status: 'published', category: 'good' }]);
  });

  test('interview: record minutes → re-survey refused before the deadline, opened after → still below 80% → resurvey_below; interview done', async () => {
    const s = await openProjectSurvey();
    const occupied = await occupiedHomes();
    const valid = Math.ceil((occupied * 3) / 10);
    await seedAnswers(s.id, 0, valid);
    const token = await t.login(district);
    await t.api.post(`/api/surveys/${s.id}/close`).set(bearer(token)).expect(200);
    const [{ id: ivId }] = await t.query<{ id: number }>('SELECT id FROM interviews WHERE survey_id = $1', [s.id]);

    const notHeld = await t.api
      .post(`/api/interviews/${ivId}/resurvey`)
      .set(bearer(token))
      .send({ opensOn: daysFromToday(8), closesOn: daysFromToday(20) });
    expect(notHeld.status).toBe(409);
    const noMinutes = await t.api
      .post(`/api/interviews/${ivId}/record`)
      .set(bearer(token))
      .send({ attendees: '项目经理', rectificationItems: '整改', deadline: daysFromToday(7) });
    expect(noMinutes.status).toBe(400);
    expect(noMinutes.body.error.fields.minutes).toBeDefined();
    const byCompany = await t.api
      .post(`/api/interviews/${ivId}/record`)
      .set(bearer(await t.login('company')))
      .send({ minutes: '自己记录', attendees: 'x', rectificationItems: 'x', deadline: daysFromToday(7) });
    expect(byCompany.status).toBe(403);
    const held = await t.api
      .post(`/api/interviews/${ivId}/record`)
      .set(bearer(token))
      .send({
        minutes: '项目经理说明了保洁和维修问题，承诺限期整改。',
        attendees: `区住建局、${project.manager_name}`,
        rectificationItems: '1. 增加保洁频次；2. 维修单元门禁',
        deadline: daysFromToday(7),
      });
    expect(held.status).toBe(200);
    expect(held.body.status).toBe('held');
    const early = await t.api
      .post(`/api/interviews/${ivId}/resurvey`)
      .set(bearer(token))
      .send({ opensOn: daysFromToday(8), closesOn: daysFromToday(20) });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('DEADLINE_NOT_PASSED');
    expect(await count('surveys WHERE interview_id = $1', [ivId])).toBe(0);

    await t.query('UPDATE interviews SET deadline = $2 WHERE id = $1', [ivId, daysFromToday(-1)]);
    const re = await t.api
      .post(`/api/interviews/${ivId}/resurvey`)
      .set(bearer(token))
      .send({ opensOn: beijingToday(), closesOn: daysFromToday(14) });
    expect(re.status).toBe(201);
    expect(
      (
        await t.api
          .post(`/api/interviews/${ivId}/resurvey`)
          .set(bearer(token))
          .send({ opensOn: beijingToday(), closesOn: daysFromToday(14) })
      ).status,
    ).toBe(409);
    await seedAnswers(re.body.resurveyId, 1, valid);
    await t.api.post(`/api/surveys/${re.body.resurveyId}/close`).set(bearer(token)).expect(200);
    expect(await count(`credit_items WHERE type = 'resurvey_below' AND source_key = $1`, [`survey:${re.body.resurveyId}:project:${project.id}`])).toBe(1);
    const iv = await t.api.get(`/api/interviews/${ivId}`).set(bearer(token));
    expect(iv.body).toMatchObject({ status: 'done', resurveyId: re.body.resurveyId });
    expect(await count(`audit_logs WHERE entity = 'interviews' AND entity_id = $1 AND action IN ('record_interview', 'open_resurvey')`, [String(ivId)])).toBe(
      2,
    );
  });
});

describe('interviews: arranging, and who reads what', () => {
  test('the district arranges the interview (PUT); another district and the company cannot; residents read no results', async () => {
    const s = await openProjectSurvey();
    await seedAnswers(s.id, 0, Math.ceil(((await occupiedHomes()) * 3) / 10));
    await t.api
      .post(`/api/surveys/${s.id}/close`)
      .set(bearer(await t.login(district)))
      .expect(200);
    const [{ id }] = await t.query<{ id: number }>('SELECT id FROM interviews WHERE survey_id = $1', [s.id]);
    const current = (await t.api.get(`/api/interviews/${id}`).set(bearer(await t.login(district)))).body;
    const arranged = await t.api
      .put(`/api/interviews/${id}`)
      .set(bearer(await t.login(district)))
      .send({ ...current, scheduledAt: '2026-12-20T09:30:00+08:00', location: '区住建局会议室', attendees: `物业科、${project.manager_name}` });
    expect(arranged.status).toBe(200);
    expect(arranged.body).toMatchObject({ location: '区住建局会议室', status: 'pending' });
    expect(new Date(arranged.body.scheduledAt).toISOString()).toBe('2026-12-20T01:30:00.000Z');
    const other = await t.api
      .put(`/api/interviews/${id}`)
      .set(bearer(await t.login(otherDistrict)))
      .send({ location: '别处' });
    expect(other.status).toBe(403);
    expect(
      (
        await t.api
          .put(`/api/interviews/${id}`)
          .set(bearer(await t.login('company')))
          .send({ location: '企业自己改' })
      ).status,
    ).toBe(403);
    const badDate = await t.api
      .put(`/api/interviews/${id}`)
      .set(bearer(await t.login(district)))
      .send({ deadline: '2026-02-30' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.fields.deadline).toBeDefined();
    const [row] = await t.query<{ location: string }>('SELECT location FROM interviews WHERE id = $1', [id]);
    expect(row.location).toBe('区住建局会议室');
    const resident = await residentWithHome(t, 'survey-r7', (await nextHome()).id);
    expect((await t.api.get('/api/survey-results').set(bearer(resident))).status).toBe(403);
    expect((await t.api.get('/api/interviews').set(bearer(resident))).status).toBe(403);
    const elsewhere = await t.api
      .get(`/api/survey-results?filter=${encodeURIComponent(JSON.stringify({ surveyId: s.id }))}`)
      .set(bearer(await t.login(otherDistrict)));
    expect(elsewhere.body).toEqual([]);
  });
});

describe('research §2 rule 3: each dimension counted for the report', () => {
  test('a survey of two dimensions stores each one’s satisfied homes at closing, and only those', async () => {
    const s = await openProjectSurvey({ dimensions: ['cleaning', 'service'] });
    expect(s.dimensions).toEqual(['service', 'cleaning']);
    const home = await nextHome();
    const token = await residentWithHome(t, 'survey-r8', home.id);
    const extra = await t.api
      .post('/api/survey-responses')
      .set(bearer(token))
      .send({ surveyId: s.id, householdId: home.id, answers: ALL, overall: 'satisfied' });
    expect(extra.status).toBe(400);
    await t.api
      .post('/api/survey-responses')
      .set(bearer(token))
      .send({ surveyId: s.id, householdId: home.id, answers: { service: 'basically_satisfied', cleaning: 'dissatisfied' }, overall: 'satisfied' })
      .expect(200);
    await t.api
      .post(`/api/surveys/${s.id}/close`)
      .set(bearer(await t.login(district)))
      .expect(200);
    const [row] = await t.query<{ dimension_satisfied: Record<string, number> }>('SELECT dimension_satisfied FROM survey_projects WHERE survey_id = $1', [
      s.id,
    ]);
    expect(row.dimension_satisfied).toEqual({ service: 1, cleaning: 0 });
  });
});

describe('the platform closes surveys past their closing day (job supervision.survey-close)', () => {
  test('a survey whose closing day has passed is closed with its results, as the system; one still running is left open', async () => {
    const due = await openProjectSurvey();
    const running = await openProjectSurvey();
    const occupied = await occupiedHomes();
    await seedAnswers(due.id, 0, Math.ceil((occupied * 3) / 10));
    await t.query('UPDATE surveys SET opens_on = $2, closes_on = $2 WHERE id = $1', [due.id, daysFromToday(-1)]);
    const closed = await closeDueSurveys(t.database.db, t.config.supervisionSurveys);
    expect(closed).toContain(due.id);
    expect(closed).not.toContain(running.id);
    const rows = await t.query<{ id: number; status: string }>('SELECT id, status FROM surveys WHERE id = ANY($1) ORDER BY id', [[due.id, running.id]]);
    expect(rows).toEqual([
      { id: due.id, status: 'closed' },
      { id: running.id, status: 'open' },
    ]);
    expect(await count('interviews WHERE survey_id = $1', [due.id])).toBe(1);
    expect(await count(`audit_logs WHERE entity = 'surveys' AND entity_id = $1 AND action = 'close' AND actor_id IS NULL`, [String(due.id)])).toBe(1);
    expect(await closeDueSurveys(t.database.db, t.config.supervisionSurveys)).not.toContain(due.id);
  });
});

describe('the demo city (issue 16 §4): surveys in every state', () => {
  test('a closed survey with a warned project and its held interview; an open survey with answers the company can read as aggregates', async () => {
    expect(
      await count(
        `surveys s WHERE s.status = 'closed' AND EXISTS (SELECT 1 FROM survey_projects sp WHERE sp.survey_id = s.id AND sp.warning) AND EXISTS (SELECT 1 FROM survey_projects sp WHERE sp.survey_id = s.id AND sp.sample_valid = false)`,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(await count(`interviews WHERE status = 'held' AND minutes IS NOT NULL`)).toBeGreaterThanOrEqual(1);
    const [open] = await t.query<{ id: number }>(`SELECT id FROM surveys WHERE status = 'open' AND title = '2026年度业主满意度测评' ORDER BY id LIMIT 1`);
    const res = await t.api
      .get(`/api/survey-results?filter=${encodeURIComponent(JSON.stringify({ surveyId: open.id }))}`)
      .set(bearer(await t.login('company')));
    expect(res.status).toBe(200);
    expect(res.body[0].responses).toBeGreaterThan(0);
  });
});
