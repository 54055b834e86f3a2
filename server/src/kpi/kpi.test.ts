import { createTestApi, type TestApi } from '../../../test/support/api';
import { beijingDate } from '../jurisdiction/scope';

// Issue 14: the seven yearly targets (action plan 三; DOMAIN.md §8, §13) against hand-counted
// fixtures in a district of their own (150299, streets 001 and 002), today and as at 31 December 2023.
let t: TestApi;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const today = beijingDate();
const thisYear = Number(today.slice(0, 4));
type Figure = {
  indicator: string;
  regionCode: string;
  target: number | null;
  actual: unknown;
  met: boolean | null;
  gap: number | null;
  history: string;
  note: string | null;
  drill: { resource: string; filter: Record<string, unknown> } | null;
};

async function sqlRun(text: string, params: unknown[] = []) {
  return t.query<Record<string, any>>(text, params);
}

async function insertCompound(code: string, region: string, mode: string, areaM2: number, retiredInto?: number, retiredAt?: string): Promise<number> {
  const [r] = await sqlRun(
    `INSERT INTO compounds (code, name, region_code, address, total_area, type, management_mode, retired_into_compound_id, retired_at)
     VALUES ($1, $2, $3, '测试路1号', $4, 'commodity', $5, $6, $7) RETURNING id`,
    [code, `考核小区${code}`, region, areaM2, mode, retiredInto ?? null, retiredAt ?? null],
  );
  return r.id;
}
async function committee(compoundId: number, region: string, kind: string, status: string, termStart: string | null, termEnd: string | null) {
  await sqlRun(`INSERT INTO committees (compound_id, region_code, kind, status, term_start, term_end) VALUES ($1, $2, $3, $4, $5, $6)`, [
    compoundId,
    region,
    kind,
    status,
    termStart,
    termEnd,
  ]);
}

const A = '150299001';
const B = '150299002';
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApi();
  await sqlRun(
    `INSERT INTO regions (code, name, level, parent_code) VALUES ('150299', '考核测试区', 'district', '150200'), ($1, '甲街道', 'street', '150299'), ($2, '乙街道', 'street', '150299')`,
    [A, B],
  );
  // Street A: five compounds; A1 in office throughout, A2 from 2024, A3's term ended 2022, A4 preparing, A5 none (mode none).
  for (const n of [1, 2, 3, 4, 5]) ids[`A${n}`] = await insertCompound(`KPA${n}`, A, n === 5 ? 'none' : 'professional', 100);
  await committee(ids.A1, A, 'owners_committee', 'in_office', '2021-06-01', '2026-05-31');
  await committee(ids.A2, A, 'management_committee', 'in_office', '2024-03-01', null);
  await committee(ids.A3, A, 'owners_committee', 'ended', '2018-01-01', '2022-12-31');
  await committee(ids.A4, A, 'preparatory', 'preparing', null, null);
  // Street B: five compounds, four with committees (exactly 80%), and B6 merged into B1 in mid-2024.
  for (const n of [1, 2, 3, 4, 5]) ids[`B${n}`] = await insertCompound(`KPB${n}`, B, 'professional', 200);
  for (const n of [1, 2, 3, 4]) await committee(ids[`B${n}`], B, 'owners_committee', 'in_office', '2020-01-01', null);
  ids.B6 = await insertCompound('KPB6', B, 'none', 300, ids.B1, '2024-06-01T02:00:00Z');

  // Companies and projects: P1 level 2 since 2023-06; P2 level 3 then level 1 from 2024-02; P3's contract ended; P4 only applied.
  for (const n of [1, 2, 3]) {
    const [c] = await sqlRun(`INSERT INTO companies (name, credit_code, legal_representative, region_code) VALUES ($1, $2, '张三', $3) RETURNING id`, [
      `考核物业${n}`,
      `91150299MA0KPI00${n}X`,
      n === 1 ? A : B,
    ]);
    ids[`C${n}`] = c.id;
  }
  const level = async (order: number) => (await sqlRun(`SELECT id FROM service_levels WHERE scale = 'level' AND "order" = $1`, [order]))[0].id;
  const project = async (compound: number, region: string, start: string, end: string) =>
    (
      await sqlRun(
        `INSERT INTO projects (company_id, compound_id, region_code, start_date, end_date, fee_fen_per_m_2_month, service_level, manager_name) VALUES ($1, $2, $3, $4, $5, 150, 3, '李四') RETURNING id`,
        [ids.C1, compound, region, start, end],
      )
    )[0].id;
  ids.P1 = await project(ids.A1, A, '2020-01-01', '2035-12-31');
  ids.P2 = await project(ids.A2, A, '2020-01-01', '2035-12-31');
  ids.P3 = await project(ids.B1, B, '2020-01-01', '2022-12-31');
  ids.P4 = await project(ids.B2, B, '2020-01-01', '2035-12-31');
  const assess = (p: number, region: string, order: number, status: string, on: string | null) =>
    level(order).then((l) =>
      sqlRun(`INSERT INTO level_assessments (project_id, company_id, region_code, level_id, status, decided_on) VALUES ($1, $2, $3, $4, $5, $6)`, [
        p,
        ids.C1,
        region,
        l,
        status,
        on,
      ]),
    );
  await assess(ids.P1, A, 2, 'accepted', '2023-06-01');
  await assess(ids.P2, A, 3, 'accepted', '2023-01-01');
  await assess(ids.P2, A, 1, 'accepted', '2024-02-01');
  await assess(ids.P3, B, 1, 'accepted', '2021-01-01');
  await assess(ids.P4, B, 1, 'applied', null);
  // Awards: P1 twice (counted once), P2 in 2024.
  for (const [p, kind, year] of [
    [ids.P1, 'regional_excellent', 2022],
    [ids.P1, 'demonstration', 2023],
    [ids.P2, 'demonstration', 2024],
  ] as const) {
    await sqlRun(`INSERT INTO awards (project_id, region_code, kind, year, document) VALUES ($1, $2, $3, $4, '包住建发〔2023〕1号')`, [p, A, kind, year]);
  }
  // Credit ratings of this year, published an hour ago: C1 (A) and C2 (B) AAA, C3 (B) AA.
  for (const [c, grade, region] of [
    [ids.C1, 'AAA', A],
    [ids.C2, 'AAA', B],
    [ids.C3, 'AA', B],
  ] as const) {
    await sqlRun(
      `INSERT INTO credit_ratings (company_id, year, score_tenths, grade, base_tenths, good_tenths, bad_tenths, items, region_code, published_at)
       VALUES ($1, $2, 900, $3, 800, 100, 0, '[]', $4, now() - interval '1 hour')`,
      [c, thisYear, grade, region],
    );
  }
  // Staff (street A): S1 hired 2023 trained on day one; S2 hired 2023 trained late; S3 hired 2022;
  // specialists S4 (24 h in 2023), S5 (left mid-2023), S6 (12 h in 2023).
  const staff = async (no: string, specialist: boolean, hired: string, left: string | null) =>
    (
      await sqlRun(
        `INSERT INTO staff (company_id, region_code, staff_no, name, post, specialist, hired_on, left_on, certificates) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '[]') RETURNING id`,
        [ids.C1, A, no, `员工${no}`, specialist ? 'electrician' : 'cleaning', specialist, hired, left],
      )
    )[0].id;
  const training = (s: number, kind: string, on: string, tenths: number) =>
    sqlRun(
      `INSERT INTO trainings (staff_id, company_id, region_code, kind, course, provider, hours_tenths, trained_on) VALUES ($1, $2, $3, $4, '课程', '培训机构', $5, $6)`,
      [s, ids.C1, A, kind, tenths, on],
    );
  const s1 = await staff('K1', false, '2023-03-01', null);
  const s2 = await staff('K2', false, '2023-05-01', null);
  const s3 = await staff('K3', false, '2022-05-01', null);
  const s4 = await staff('K4', true, '2020-01-01', null);
  const s5 = await staff('K5', true, '2021-01-01', '2023-06-30');
  const s6 = await staff('K6', true, '2021-01-01', null);
  await training(s1, 'pre_job', '2023-03-01', 80);
  await training(s2, 'pre_job', '2023-08-01', 80);
  await training(s3, 'pre_job', '2022-05-01', 80);
  await training(s4, 'continuing', '2023-04-01', 160);
  await training(s4, 'continuing', '2023-10-01', 80);
  await training(s5, 'continuing', '2023-04-01', 240);
  await training(s6, 'continuing', '2023-04-01', 120);
});
afterAll(() => t.close());

const pick = (rows: Figure[], indicator: string, region: string) => {
  const f = rows.find((r) => r.indicator === indicator && r.regionCode === region);
  if (!f) throw new Error(`no ${indicator} for ${region} in ${JSON.stringify(rows.map((r) => [r.indicator, r.regionCode]))}`);
  return f;
};
const actuals = (rows: Figure[], indicator: string) => [A, B, '150299'].map((code) => pick(rows, indicator, code).actual);

describe('GET /api/kpi as at 31 December 2023', () => {
  let rows: Figure[];
  beforeAll(async () => {
    const res = await t.api.get('/api/kpi?year=2023&asOf=2023-12-31&regionCode=150299').set(bearer(await t.login('city')));
    expect(res.status).toBe(200);
    rows = res.body;
  });

  it('breaks the district into its streets, plus the district itself', () => {
    expect(new Set(rows.map((r) => r.regionCode))).toEqual(new Set([A, B, '150299']));
    expect(rows).toHaveLength(7 * 3);
  });

  it('committee formation from the terms as they were (A3 term over, A2 not yet begun; B6 not yet merged)', () => {
    expect(actuals(rows, 'committee_formation')).toEqual([
      { numerator: 1, denominator: 5 },
      { numerator: 4, denominator: 6 },
      { numerator: 5, denominator: 11 },
    ]);
    // 2023 target 70%: 5/11 = 45.45% is 24.55 points short, rounded up to 246‰
    expect(pick(rows, 'committee_formation', '150299')).toMatchObject({ target: 700, met: false, gap: 246, history: 'complete' });
  });

  it('coverage has no history of management modes: today’s modes, and says so', () => {
    expect(actuals(rows, 'management_coverage')).toEqual([
      { numerator: 40000, denominator: 50000 },
      { numerator: 100000, denominator: 100000 },
      { numerator: 140000, denominator: 150000 },
    ]);
    const f = pick(rows, 'management_coverage', '150299');
    expect(f.history).toBe('missing');
    expect(f.note).toMatch(/管理模式/);
  });

  it('level 2 or above from the assessment history; excellent projects counted once each', () => {
    expect(actuals(rows, 'projects_level_two')).toEqual([{ count: 1 }, { count: 0 }, { count: 1 }]);
    expect(actuals(rows, 'excellent_projects')).toEqual([{ count: 1 }, { count: 0 }, { count: 1 }]);
    // count targets are the city's: a district carries none
    expect(pick(rows, 'projects_level_two', '150299').target).toBeNull();
  });

  it('AAA companies: no rating was published by then — no data, never a made-up figure', () => {
    const f = pick(rows, 'aaa_companies', '150299');
    expect(f.actual).toBeNull();
    expect(f.note).toMatch(/暂无数据/);
    expect(f.drill).toBeNull();
  });

  it('training rates by head count within 2023', () => {
    expect(actuals(rows, 'pre_job_training')).toEqual([
      { numerator: 1, denominator: 2 },
      { numerator: 0, denominator: 0 },
      { numerator: 1, denominator: 2 },
    ]);
    expect(actuals(rows, 'continuing_education')).toEqual([
      { numerator: 1, denominator: 2 },
      { numerator: 0, denominator: 0 },
      { numerator: 1, denominator: 2 },
    ]);
    // a street with nobody hired: neither met nor missed
    expect(pick(rows, 'pre_job_training', B)).toMatchObject({ met: null, gap: null, target: 800 });
  });
});

describe('GET /api/kpi today, after the city adds this year’s targets', () => {
  let rows: Figure[];
  it('a year without targets is a 400 NO_TARGETS', async () => {
    const res = await t.api.get(`/api/kpi?year=2019`).set(bearer(await t.login('city')));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('NO_TARGETS');
  });

  it('the city adds targets with their document (audited); a second one for the same year and indicator is a 409 on the field', async () => {
    const token = await t.login('city');
    const values: Record<string, number> = {
      committee_formation: 800,
      management_coverage: 930,
      projects_level_two: 70,
      excellent_projects: 40,
      aaa_companies: 15,
      pre_job_training: 1000,
      continuing_education: 800,
    };
    for (const [indicator, value] of Object.entries(values)) {
      const existing = await sqlRun(`SELECT id FROM kpi_targets WHERE year = $1 AND indicator = $2`, [thisYear, indicator]);
      if (existing.length) await sqlRun(`DELETE FROM kpi_targets WHERE id = $1`, [existing[0].id]);
      const res = await t.api
        .post('/api/kpi-targets')
        .set(bearer(token))
        .send({ year: thisYear, indicator, value, document: `包府办发〔${thisYear}〕9号` });
      expect(res.status).toBe(201);
    }
    const audit = await sqlRun(`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'kpi-targets' AND action = 'create'`);
    expect(audit[0].n).toBeGreaterThanOrEqual(7);
    const dup = await t.api.post('/api/kpi-targets').set(bearer(token)).send({ year: thisYear, indicator: 'aaa_companies', value: 1, document: '重复文件' });
    expect(dup.status).toBe(409);
    const bad = await t.api
      .post('/api/kpi-targets')
      .set(bearer(token))
      .send({ year: thisYear + 1, indicator: 'committee_formation', value: 1200, document: '文件' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.value).toBeTruthy();
    const district = await t.api
      .post('/api/kpi-targets')
      .set(bearer(await t.login('d150203')))
      .send({ year: thisYear + 1, indicator: 'aaa_companies', value: 1, document: '区县文件' });
    expect(district.status).toBe(403);
  });

  it('today’s figures use today’s statuses and the targets just added', async () => {
    const res = await t.api.get(`/api/kpi?regionCode=150299`).set(bearer(await t.login('city')));
    expect(res.status).toBe(200);
    rows = res.body;
    expect(actuals(rows, 'committee_formation')).toEqual([
      { numerator: 2, denominator: 5 },
      { numerator: 4, denominator: 5 },
      { numerator: 6, denominator: 10 },
    ]);
    // street B at exactly 80% meets the 80% target
    expect(pick(rows, 'committee_formation', B)).toMatchObject({ target: 800, met: true, gap: 0 });
    expect(pick(rows, 'management_coverage', '150299').history).toBe('complete');
    expect(actuals(rows, 'projects_level_two')).toEqual([{ count: 2 }, { count: 0 }, { count: 2 }]);
    expect(actuals(rows, 'excellent_projects')).toEqual([{ count: 2 }, { count: 0 }, { count: 2 }]);
    expect(actuals(rows, 'aaa_companies')).toEqual([{ count: 1 }, { count: 1 }, { count: 2 }]);
    expect(pick(rows, 'aaa_companies', '150299').drill).toEqual({ resource: 'credit-ratings', filter: { regionCode: '150299', year: thisYear, grade: 'AAA' } });
  });

  it('the city by district includes the new district, and the city’s total carries the count targets', async () => {
    const res = await t.api.get(`/api/kpi`).set(bearer(await t.login('city')));
    expect(res.status).toBe(200);
    const city = pick(res.body, 'aaa_companies', '150200');
    expect(city.target).toBe(15);
    expect(pick(res.body, 'committee_formation', '150299').actual).toEqual({ numerator: 6, denominator: 10 });
  });
});

describe('the figures are kept in memory for a while, and a change of targets shows at once', () => {
  it('serves a repeated read from memory, and a corrected target clears it', async () => {
    const token = await t.login('city');
    const first = await t.api.get(`/api/kpi?regionCode=150299`).set(bearer(token));
    // a compound registered now shows after the cache's lifetime, not on the next read
    await insertCompound('KPA9', A, 'professional', 100);
    const again = await t.api.get(`/api/kpi?regionCode=150299`).set(bearer(token));
    expect(pick(again.body, 'committee_formation', A).actual).toEqual(pick(first.body, 'committee_formation', A).actual);
    const [target] = await sqlRun(`SELECT id FROM kpi_targets WHERE year = $1 AND indicator = 'committee_formation'`, [thisYear]);
    const put = await t.api
      .put(`/api/kpi-targets/${target.id}`)
      .set(bearer(token))
      .send({ year: thisYear, indicator: 'committee_formation', value: 820, document: `包府办发〔${thisYear}〕10号` });
    expect(put.status).toBe(200);
    const after = await t.api.get(`/api/kpi?regionCode=150299`).set(bearer(token));
    expect(pick(after.body, 'committee_formation', A)).toMatchObject({ target: 820, actual: { numerator: 2, denominator: 6 } });
  });

  it('a target changed by another server process (straight in the shared database) shows on the next read, cached counts or not', async () => {
    const token = await t.login('city');
    const first = await t.api.get(`/api/kpi?regionCode=150299`).set(bearer(token));
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    // no clearKpiCache here: the change is made where this process cannot see it happen
    await sqlRun(`UPDATE kpi_targets SET value = 830 WHERE year = $1 AND indicator = 'committee_formation'`, [thisYear]);
    const after = await t.api.get(`/api/kpi?regionCode=150299`).set(bearer(token));
    expect(pick(after.body, 'committee_formation', A)).toMatchObject({ target: 830, actual: pick(first.body, 'committee_formation', A).actual });
    expect(after.body).toHaveLength(first.body.length);
    // a year whose targets are all withdrawn elsewhere is refused at once, not served from memory
    const saved = await sqlRun(`DELETE FROM kpi_targets WHERE year = $1 RETURNING year, indicator, value, document`, [thisYear]);
    const gone = await t.api.get(`/api/kpi?regionCode=150299`).set(bearer(token));
    expect(gone.status).toBe(400);
    expect(gone.body.error.code).toBe('NO_TARGETS');
    for (const r of saved)
      await sqlRun(`INSERT INTO kpi_targets (year, indicator, value, document) VALUES ($1, $2, $3, $4)`, [r.year, r.indicator, r.value, r.document]);
    const back = await t.api.get(`/api/kpi?regionCode=150299`).set(bearer(token));
    expect(back.status).toBe(200);
  });
});

describe('AAA companies: a year’s evaluation counts at the year’s end once published, and not at an earlier date', () => {
  it('as at the day before they were published (an hour ago) the ratings are not there yet', async () => {
    // The day before the publication's Beijing date — in the first hour after Beijing midnight, an hour ago was yesterday.
    const dayBefore = new Date(Date.now() - 3600_000 + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    if (dayBefore.slice(0, 4) !== String(thisYear)) return; // 1 January: no earlier day in this year
    const res = await t.api.get(`/api/kpi?regionCode=150299&asOf=${dayBefore}`).set(bearer(await t.login('city')));
    expect(res.status).toBe(200);
    expect(pick(res.body, 'aaa_companies', '150299').actual).toBeNull();
  });
});

describe('authority and bad input', () => {
  it('district staff see their district by street, and nothing outside it', async () => {
    const token = await t.login('d150203');
    const own = await t.api.get('/api/kpi?year=2023').set(bearer(token));
    expect(own.status).toBe(200);
    expect(own.body.every((r: Figure) => r.regionCode.startsWith('150203'))).toBe(true);
    expect(own.body.some((r: Figure) => r.regionCode.length === 9)).toBe(true);
    const other = await t.api.get('/api/kpi?year=2023&regionCode=150299').set(bearer(token));
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('OUT_OF_JURISDICTION');
  });

  it.each([
    ['asOf in the future', `asOf=${thisYear + 1}-01-01`, 'ASOF_IN_FUTURE'],
    ['an impossible date', 'asOf=2023-02-30', 'BAD_QUERY'],
    ['asOf outside the year', 'year=2024&asOf=2023-12-31', 'BAD_QUERY'],
    ['a bad year', 'year=20x4', 'BAD_QUERY'],
    ['a bad groupBy', 'groupBy=company', 'BAD_QUERY'],
    ['a bad region', 'regionCode=abc', 'BAD_QUERY'],
    ['control characters', 'regionCode=1502%00', 'CONTROL_CHARACTER'],
  ])('%s → 400', async (_label, query, code) => {
    const res = await t.api.get(`/api/kpi?${query}`).set(bearer(await t.login('city')));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
  });

  it('company staff may not read the yearly figures', async () => {
    const res = await t.api.get('/api/kpi?year=2023').set(bearer(await t.login('company')));
    expect(res.status).toBe(403);
  });
});

describe('each figure equals the count of its drill-down list on the demo city (issue 14)', () => {
  it('formation, level 2, excellent projects, AAA companies and pre-job denominators', async () => {
    const token = await t.login('city');
    const res = await t.api.get(`/api/kpi`).set(bearer(token));
    const count = async (resource: string, filter: Record<string, unknown>) => {
      const r = await t.api
        .get(`/api/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,0]')}`)
        .set(bearer(token));
      expect(r.status).toBe(200);
      return Number(String(r.headers['content-range']).split('/')[1]);
    };
    const mismatches: unknown[] = [];
    for (const f of res.body as Figure[]) {
      if (!f.drill || !f.actual) continue;
      const a = f.actual as { numerator?: number; denominator?: number; count?: number };
      if (f.indicator === 'committee_formation') {
        const n = await count(f.drill.resource, f.drill.filter);
        const { committee: _c, ...all } = f.drill.filter;
        const d = await count(f.drill.resource, all);
        if (n !== a.numerator || d !== a.denominator) mismatches.push({ f: f.indicator, region: f.regionCode, shown: a, rows: [n, d] });
      }
      if (f.indicator === 'projects_level_two' || f.indicator === 'excellent_projects' || f.indicator === 'aaa_companies') {
        const n = await count(f.drill.resource, f.drill.filter);
        if (n !== a.count) mismatches.push({ f: f.indicator, region: f.regionCode, shown: a, rows: n });
      }
      if (f.indicator === 'pre_job_training') {
        const d = await count(f.drill.resource, f.drill.filter);
        if (d !== a.denominator) mismatches.push({ f: f.indicator, region: f.regionCode, shown: a, rows: d });
      }
    }
    expect(mismatches).toEqual([]);
  });
});
