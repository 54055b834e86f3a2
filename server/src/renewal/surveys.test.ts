import { INFRASTRUCTURE_ITEMS } from '@baotou/shared';
import { createTestApi, type TestApi } from '../../../test/support/api';

let t: TestApi;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
let seq = 0;

/** A fresh old compound (mode none) in a region, as the registry would hold it. */
async function oldCompound(regionCode = '150203001001', type = 'old', households = 0): Promise<number> {
  seq++;
  const [c] = await t.query<{ id: number }>(
    `INSERT INTO compounds (code, name, region_code, address, total_area, type, management_mode, lat, lng)
     VALUES ($1, $2, $3, '测试地址', 12345.67, $4, 'none', 40.65, 109.84) RETURNING id`,
    [`RT${Date.now() % 100000}${seq}`, `调查测试小区${seq}`, regionCode, type],
  );
  for (let i = 0; i < households; i++) {
    await t.query(
      `WITH b AS (INSERT INTO buildings (compound_id, region_code, name) VALUES ($1, $2, $3) RETURNING id),
            u AS (INSERT INTO units (building_id, compound_id, region_code, name) SELECT b.id, $1, $2, '1单元' FROM b RETURNING id, building_id)
       INSERT INTO households (unit_id, building_id, compound_id, region_code, room, area, area_basis) SELECT u.id, u.building_id, $1, $2, '101', 50, 'registered' FROM u`,
      [c.id, regionCode, `${i + 1}号楼`],
    );
  }
  return c.id;
}

const complete = (compoundId: number, over: Record<string, unknown> = {}) => ({
  compoundId,
  buildingCount: 3,
  stairwellCount: 9,
  householdCount: 120,
  floorAreaCenti: 1234567,
  singleBuilding: false,
  neighbourCompoundIds: [],
  enclosure: 'open',
  hasGate: false,
  infrastructure: Object.fromEntries(INFRASTRUCTURE_ITEMS.map((i) => [i, i === 'parking' ? 'missing' : 'good'])),
  currentManagement: 'none',
  hasCommittee: false,
  fundDeposited: false,
  renovation: 'planned',
  willingHouseholds: 30,
  proposedFeeFen: 35,
  surveyedOn: '2024-05-06',
  ...over,
});

beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

describe('issue 11: community and street staff survey old compounds (摸底调查)', () => {
  test('a draft is saved and resumed by version; a stale save is 409 and changes nothing', async () => {
    const community = await t.login('community');
    const id = await oldCompound();
    const created = await t.api.post('/api/renewal-surveys').set(bearer(community)).send({ compoundId: id, householdCount: 80 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', version: 1, householdCount: 80, regionCode: '150203001001', surveyorName: '沼潭社区居委会' });
    const sid = created.body.id;

    const saved = await t.api
      .put(`/api/renewal-surveys/${sid}`)
      .set(bearer(community))
      .send({ ...created.body, householdCount: 90, version: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, householdCount: 90 });

    // a second device resumes the old copy (version 1) and saves: refused, not merged
    const stale = await t.api
      .put(`/api/renewal-surveys/${sid}`)
      .set(bearer(await t.login('street')))
      .send({ ...created.body, householdCount: 70, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    const noVersion = await t.api.put(`/api/renewal-surveys/${sid}`).set(bearer(community)).send({ compoundId: id, householdCount: 70 });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.fields.version).toBeTruthy();
    const [row] = await t.query<{ household_count: number; version: number }>('SELECT household_count, version FROM renewal_surveys WHERE id = $1', [sid]);
    expect(row).toEqual({ household_count: 90, version: 2 });
    const audits = await t.query<{ action: string }>(`SELECT action FROM audit_logs WHERE entity = 'renewal-surveys' AND entity_id = $1 ORDER BY id`, [
      String(sid),
    ]);
    expect(audits.map((a) => a.action)).toEqual(['create', 'update']);
  });

  test('20 saves of the same version in parallel: exactly one wins', async () => {
    const community = await t.login('community');
    const id = await oldCompound();
    const created = await t.api.post('/api/renewal-surveys').set(bearer(community)).send({ compoundId: id });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.api
          .put(`/api/renewal-surveys/${created.body.id}`)
          .set(bearer(community))
          .send({ compoundId: id, householdCount: i + 1, version: 1 }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const [row] = await t.query<{ version: number }>('SELECT version FROM renewal_surveys WHERE id = $1', [created.body.id]);
    expect(row.version).toBe(2);
  });

  test('refusals: outside the officer’s jurisdiction, wrong roles, a commodity compound, a second survey', async () => {
    const community = await t.login('community');
    const elsewhere = await oldCompound('150204001001');
    const outside = await t.api.post('/api/renewal-surveys').set(bearer(community)).send({ compoundId: elsewhere });
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('OUT_OF_JURISDICTION');
    expect(await t.query('SELECT 1 FROM renewal_surveys WHERE compound_id = $1', [elsewhere])).toHaveLength(0);

    const id = await oldCompound();
    expect(
      (
        await t.api
          .post('/api/renewal-surveys')
          .set(bearer(await t.login('d150203')))
          .send({ compoundId: id })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.api
          .post('/api/renewal-surveys')
          .set(bearer(await t.login('company')))
          .send({ compoundId: id })
      ).status,
    ).toBe(403);
    expect((await t.api.get('/api/renewal-surveys').set(bearer(await t.login('party')))).status).toBe(403);
    expect((await t.api.get('/api/renewal-surveys').set(bearer(await t.login('company')))).status).toBe(403);

    const commodity = await oldCompound('150203001001', 'commodity');
    const notOld = await t.api.post('/api/renewal-surveys').set(bearer(community)).send({ compoundId: commodity });
    expect(notOld.status).toBe(400);
    expect(notOld.body.error.code).toBe('NOT_OLD_COMPOUND');

    expect((await t.api.post('/api/renewal-surveys').set(bearer(community)).send({ compoundId: id })).status).toBe(201);
    const again = await t.api.post('/api/renewal-surveys').set(bearer(community)).send({ compoundId: id });
    expect(again.status).toBe(409);

    // a survey in another street's community cannot be saved by this street's officer either
    const other = await t.api
      .post('/api/renewal-surveys')
      .set(bearer(await t.login('community')))
      .send({ compoundId: await oldCompound() });
    await t.query(`UPDATE renewal_surveys SET region_code = '150204001001' WHERE id = $1`, [other.body.id]);
    const foreign = await t.api
      .put(`/api/renewal-surveys/${other.body.id}`)
      .set(bearer(await t.login('street')))
      .send({ compoundId: other.body.compoundId, version: 1 });
    expect(foreign.status).toBe(403);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['negative households', { householdCount: -5 }, 'householdCount'],
    ['a huge floor area', { floorAreaCenti: 1e15 }, 'floorAreaCenti'],
    ['a text count', { buildingCount: '三' }, 'buildingCount'],
    ['an infrastructure state outside the enum', { infrastructure: { roads: 'fine' } }, 'infrastructure'],
    ['an absurd date', { surveyedOn: '1024-13-01' }, 'surveyedOn'],
    ['control characters in notes', { notes: 'ok\u0000\u0007' }, 'notes'],
    ['a neighbour that does not exist', { neighbourCompoundIds: [2147483000] }, 'neighbourCompoundIds'],
    ['a photo somebody else uploaded', { photos: [{ name: '门岗', url: '/api/uploads/999999' }] }, 'photos.0.url'],
  ])('bad values are 400 on the field: %s', async (_name, over, field) => {
    const id = await oldCompound();
    const res = await t.api
      .post('/api/renewal-surveys')
      .set(bearer(await t.login('community')))
      .send({ compoundId: id, ...over });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields ?? {}).join(',')).toContain(field);
    expect(await t.query('SELECT 1 FROM renewal_surveys WHERE compound_id = $1', [id])).toHaveLength(0);
  });
});

describe('issue 11: submission, the proposed classification and the district’s confirmation', () => {
  test('incomplete → 400 naming the fields; complete → submitted with a proposal; no edits after', async () => {
    const community = await t.login('community');
    const id = await oldCompound();
    const draft = await t.api.post('/api/renewal-surveys').set(bearer(community)).send({ compoundId: id, householdCount: 120 });
    const early = await t.api.post(`/api/renewal-surveys/${draft.body.id}/submit`).set(bearer(community)).send({ version: 1 });
    expect(early.status).toBe(400);
    expect(early.body.error.code).toBe('SURVEY_INCOMPLETE');
    expect(Object.keys(early.body.error.fields)).toEqual(expect.arrayContaining(['infrastructure', 'enclosure', 'surveyedOn']));

    const full = await t.api
      .put(`/api/renewal-surveys/${draft.body.id}`)
      .set(bearer(community))
      .send({ ...complete(id), version: 1 });
    expect(full.status).toBe(200);
    const submitted = await t.api.post(`/api/renewal-surveys/${draft.body.id}/submit`).set(bearer(community)).send({ version: 2 });
    expect(submitted.status).toBe(200);
    // parking missing, open, no committee → committee-managed (DOMAIN.md §4)
    expect(submitted.body).toMatchObject({ status: 'submitted', proposedClassification: 'committee', classification: null });
    const edit = await t.api
      .put(`/api/renewal-surveys/${draft.body.id}`)
      .set(bearer(community))
      .send({ ...complete(id), version: 3 });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('SURVEY_SUBMITTED');
  });

  async function submittedSurvey(over: Record<string, unknown> = {}, regionCode = '150203001001') {
    const id = await oldCompound(regionCode);
    const [s] = await t.query<{ id: number }>(
      `INSERT INTO renewal_surveys (compound_id, region_code, status, version, proposed_classification, submitted_at) VALUES ($1, $2, 'submitted', 3, $3, now()) RETURNING id`,
      [id, regionCode, over.proposed ?? 'quasi'],
    );
    return { compoundId: id, surveyId: s.id };
  }

  test('a district officer confirms: the compound’s mode follows, audited; a second confirmation is 409', async () => {
    const { compoundId, surveyId } = await submittedSurvey({ proposed: 'committee' });
    const district = await t.login('d150203');
    const res = await t.api.post(`/api/renewal-surveys/${surveyId}/classify`).set(bearer(district)).send({ classification: 'committee' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ classification: 'committee', proposedClassification: 'committee', managementMode: 'community' });
    const [c] = await t.query<{ management_mode: string }>('SELECT management_mode FROM compounds WHERE id = $1', [compoundId]);
    expect(c.management_mode).toBe('community');
    const audits = await t.query<{ entity: string; action: string }>(
      `SELECT entity, action FROM audit_logs WHERE (entity = 'renewal-surveys' AND entity_id = $1) OR (entity = 'compounds' AND entity_id = $2) ORDER BY id`,
      [String(surveyId), String(compoundId)],
    );
    expect(audits).toEqual([
      { entity: 'renewal-surveys', action: 'approve' },
      { entity: 'compounds', action: 'update' },
    ]);
    const twice = await t.api.post(`/api/renewal-surveys/${surveyId}/classify`).set(bearer(district)).send({ classification: 'self', reason: '改' });
    expect(twice.status).toBe(409);
  });

  test('an override needs a reason; merge leaves the mode alone', async () => {
    const { compoundId, surveyId } = await submittedSurvey({ proposed: 'quasi' });
    const district = await t.login('d150203');
    const bare = await t.api.post(`/api/renewal-surveys/${surveyId}/classify`).set(bearer(district)).send({ classification: 'merge' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields.reason).toBeTruthy();
    const ok = await t.api
      .post(`/api/renewal-surveys/${surveyId}/classify`)
      .set(bearer(district))
      .send({ classification: 'merge', reason: '与东侧小区仅一墙之隔，合并管理' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ classification: 'merge', classificationReason: '与东侧小区仅一墙之隔，合并管理', managementMode: 'none' });
    expect((await t.query<{ management_mode: string }>('SELECT management_mode FROM compounds WHERE id = $1', [compoundId]))[0].management_mode).toBe('none');
  });

  test('refusals: community staff, another district, a draft, a value outside the enum', async () => {
    const { surveyId } = await submittedSurvey();
    expect(
      (
        await t.api
          .post(`/api/renewal-surveys/${surveyId}/classify`)
          .set(bearer(await t.login('community')))
          .send({ classification: 'quasi' })
      ).status,
    ).toBe(403);
    const other = await t.api
      .post(`/api/renewal-surveys/${surveyId}/classify`)
      .set(bearer(await t.login('d150204')))
      .send({ classification: 'quasi' });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('OUT_OF_JURISDICTION');
    const bad = await t.api
      .post(`/api/renewal-surveys/${surveyId}/classify`)
      .set(bearer(await t.login('d150203')))
      .send({ classification: 'demolish' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.classification).toBeTruthy();
    const draft = await t.api
      .post('/api/renewal-surveys')
      .set(bearer(await t.login('community')))
      .send({ compoundId: await oldCompound() });
    const early = await t.api
      .post(`/api/renewal-surveys/${draft.body.id}/classify`)
      .set(bearer(await t.login('d150203')))
      .send({ classification: 'quasi' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('SURVEY_NOT_SUBMITTED');
    expect((await t.query<{ c: string | null }>('SELECT classification AS c FROM renewal_surveys WHERE id = $1', [surveyId]))[0].c).toBeNull();
  });

  test('20 confirmations in parallel: exactly one is recorded', async () => {
    const { surveyId } = await submittedSurvey({ proposed: 'self' });
    const district = await t.login('d150203');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.api.post(`/api/renewal-surveys/${surveyId}/classify`).set(bearer(district)).send({ classification: 'self' })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    expect(
      await t.query(`SELECT 1 FROM audit_logs WHERE entity = 'renewal-surveys' AND entity_id = $1 AND action = 'approve'`, [String(surveyId)]),
    ).toHaveLength(1);
  });
});

describe('issue 11: progress, map and coverage by district', () => {
  test('progress counts old compounds, surveys and classifications; the list filters by them', async () => {
    const city = await t.login('city');
    const res = await t.api.get('/api/renewal/progress?groupBy=district').set(bearer(city));
    expect(res.status).toBe(200);
    const kdl = res.body.find((r: { code: string }) => r.code === '150203');
    const [want] = await t.query<Record<string, number>>(
      `SELECT count(*)::int AS "oldCompounds", count(s.id)::int AS surveyed, count(s.classification)::int AS classified,
              count(*) FILTER (WHERE s.classification = 'merge')::int AS merge
         FROM compounds c LEFT JOIN renewal_surveys s ON s.compound_id = c.id WHERE c.type IN ('old', 'single_building') AND c.region_code LIKE '150203%'`,
    );
    expect(kdl).toMatchObject({ name: '昆都仑区', ...want });
    expect(want.classified).toBeGreaterThan(0);
    expect(res.body.map((r: { code: string }) => r.code)).toContain('150271');
    const street = await t.api.get('/api/renewal/progress?groupBy=district').set(bearer(await t.login('street')));
    expect(street.body.map((r: { code: string }) => r.code)).toEqual(['150203']);
    expect((await t.api.get('/api/renewal/progress?groupBy=planet').set(bearer(city))).status).toBe(400);
    expect((await t.api.get('/api/renewal/progress').set(bearer(await t.login('company')))).status).toBe(403);

    const merged = await t.api
      .get(`/api/renewal-surveys?filter=${encodeURIComponent(JSON.stringify({ classification: 'merge', regionCode: '150203' }))}&range=[0,99]`)
      .set(bearer(city));
    expect(merged.status).toBe(200);
    expect(merged.headers['content-range']).toMatch(new RegExp(`/${want.merge}$`));
    const map = await t.api.get('/api/renewal/map').set(bearer(await t.login('d150204')));
    expect(map.body.length).toBeGreaterThan(0);
    expect(map.body.every((p: { districtCode: string; lat: number }) => p.districtCode === '150204' && typeof p.lat === 'number')).toBe(true);
  });

  test('coverage by district against the year’s target; confirming a classification moves it', async () => {
    const district = await t.login('d150205');
    const get = async () => (await t.api.get('/api/renewal/coverage?year=2024&groupBy=district').set(bearer(district))).body;
    const before = await get();
    expect(before).toMatchObject({ year: 2024, targetPermille: 920, coveredModes: ['professional', 'quasi', 'community', 'self'] });
    expect(before.groups.map((g: { code: string }) => g.code)).toEqual(['150205']);
    const [want] = await t.query<{ total: number; covered: number; area: string; households: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE management_mode <> 'none')::int AS covered, sum(round(total_area * 100))::bigint AS area,
              (SELECT count(*)::int FROM households WHERE region_code LIKE '150205%') AS households FROM compounds WHERE region_code LIKE '150205%'`,
    );
    expect(before.groups[0].compounds).toMatchObject({ covered: want.covered, total: want.total });
    expect(before.groups[0].floorArea.total).toBe(Number(want.area));
    expect(before.groups[0].households.total).toBe(want.households);

    const compoundId = await oldCompound('150205001001', 'old', 2);
    const mid = await get();
    expect(mid.groups[0].compounds).toMatchObject({ covered: want.covered, total: want.total + 1 });
    expect(mid.groups[0].households.total).toBe(want.households + 2);
    const [s] = await t.query<{ id: number }>(
      `INSERT INTO renewal_surveys (compound_id, region_code, status, version, proposed_classification) VALUES ($1, '150205001001', 'submitted', 2, 'self') RETURNING id`,
      [compoundId],
    );
    expect((await t.api.post(`/api/renewal-surveys/${s.id}/classify`).set(bearer(district)).send({ classification: 'self' })).status).toBe(200);
    const after = await get();
    expect(after.groups[0].compounds).toMatchObject({ covered: want.covered + 1, total: want.total + 1 });
    expect(after.groups[0].floorArea.covered).toBe(mid.groups[0].floorArea.covered + 1234567);

    const city = await t.api.get('/api/renewal/coverage?year=2023').set(bearer(await t.login('city')));
    expect(city.body.targetPermille).toBe(915);
    expect(city.body.total.compounds.total).toBe(city.body.groups.reduce((n: number, g: { compounds: { total: number } }) => n + g.compounds.total, 0));
    for (const bad of ['year=20x4', 'year=1900', 'groupBy=compound']) {
      expect((await t.api.get(`/api/renewal/coverage?${bad}`).set(bearer(district))).status).toBe(400);
    }
  });

  test('coverage counts only the modes the setting names', async () => {
    const narrow = await createTestApi({ COVERAGE_MODES: 'professional' });
    try {
      const res = await narrow.api.get('/api/renewal/coverage?groupBy=district').set(bearer(await narrow.login('city')));
      const [want] = await narrow.query<{ n: number }>(`SELECT count(*)::int AS n FROM compounds WHERE management_mode = 'professional'`);
      expect(res.body.total.compounds.covered).toBe(want.n);
      expect(res.body.coveredModes).toEqual(['professional']);
    } finally {
      await narrow.close();
    }
  });
});

describe('issue 11: residents see their compound’s management, quasi company and renovation', () => {
  test('the summary names the mode, the enrolled company and the renovation with the owners’ decision', async () => {
    const [c] = await t.query<{ id: number }>(`SELECT compound_id AS id FROM renovations ORDER BY id LIMIT 1`);
    const [e] = await t.query<{ id: number; name: string }>(
      `SELECT e.compound_id AS id, co.name FROM quasi_enrolments e JOIN companies co ON co.id = e.company_id WHERE e.start_date <= current_date AND (e.end_date IS NULL OR e.end_date >= current_date) ORDER BY e.id LIMIT 1`,
    );
    const resident = await t.residentToken('renewal-summary-reader');
    const withRenovation = await t.api.get(`/api/renewal/compounds/${c.id}`).set(bearer(resident));
    expect(withRenovation.status).toBe(200);
    expect(withRenovation.body.renovation).toMatchObject({ title: expect.any(String), status: expect.any(String) });
    const enrolled = await t.api.get(`/api/renewal/compounds/${e.id}`).set(bearer(resident));
    expect(enrolled.body).toMatchObject({ managementMode: 'quasi', quasiCompany: { name: e.name } });
    expect((await t.api.get('/api/renewal/compounds/999999999').set(bearer(resident))).status).toBe(404);
    expect((await t.api.get('/api/renewal/compounds/abc').set(bearer(resident))).status).toBe(404);
    expect((await t.api.get(`/api/renewal/compounds/${c.id}`)).status).toBe(401);
  });
});

describe('issue 11: households per compound (coverage by households) stay exact', () => {
  const mismatches = () =>
    t.query(`SELECT c.id FROM compounds c LEFT JOIN compound_household_counts k ON k.compound_id = c.id
              WHERE coalesce(k.households, 0) <> (SELECT count(*) FROM households h WHERE h.compound_id = c.id)`);

  test('after the seed, inserts, a move to another compound and a delete', async () => {
    expect(await mismatches()).toEqual([]);
    const a = await oldCompound('150203001001', 'old', 3);
    const b = await oldCompound('150203001001', 'old', 1);
    expect((await t.query<{ n: number }>('SELECT households AS n FROM compound_household_counts WHERE compound_id = $1', [a]))[0].n).toBe(3);
    // a move: the household and its unit and building go to b (as a merge moves them)
    const [h] = await t.query<{ id: number; building_id: number; unit_id: number }>(
      'SELECT id, building_id, unit_id FROM households WHERE compound_id = $1 ORDER BY id LIMIT 1',
      [a],
    );
    await t.query(`UPDATE buildings SET compound_id = $2, name = name || '（并入）' WHERE id = $1`, [h.building_id, b]);
    await t.query('UPDATE units SET compound_id = $2 WHERE id = $1', [h.unit_id, b]);
    await t.query('UPDATE households SET compound_id = $2 WHERE id = $1', [h.id, b]);
    await t.query(`UPDATE households SET area = area + 1 WHERE compound_id = $1`, [a]);
    await t.query('DELETE FROM households WHERE id = (SELECT max(id) FROM households WHERE compound_id = $1)', [a]);
    const counts = await t.query<{ compound_id: number; households: number }>(
      'SELECT compound_id, households FROM compound_household_counts WHERE compound_id = ANY($1) ORDER BY compound_id',
      [[a, b]],
    );
    expect(counts).toEqual([
      { compound_id: a, households: 1 },
      { compound_id: b, households: 2 },
    ]);
    expect(await mismatches()).toEqual([]);
  });
});

describe('issue 11: the survey photos and assessment evidence are served to their readers only', () => {
  const PNG = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1d0e3a40000000049454e44ae426082',
    'hex',
  );
  const upload = async (token: string) => (await t.api.post('/api/uploads').set(bearer(token)).attach('file', PNG, '门岗.png')).body.id as number;

  test('a survey photo: the district reads it, another district and the company get 404', async () => {
    const community = await t.login('community');
    const photo = await upload(community);
    const created = await t.api
      .post('/api/renewal-surveys')
      .set(bearer(community))
      .send({ compoundId: await oldCompound(), photos: [{ name: '门岗', url: `/api/uploads/${photo}` }] });
    expect(created.status).toBe(201);
    expect((await t.api.get(`/api/uploads/${photo}`).set(bearer(await t.login('d150203')))).status).toBe(200);
    expect((await t.api.get(`/api/uploads/${photo}`).set(bearer(await t.login('d150202')))).status).toBe(404);
    expect((await t.api.get(`/api/uploads/${photo}`).set(bearer(await t.login('company')))).status).toBe(404);
  });
});
