import { createTestApi, type TestApi } from '../../../test/support/api';
import { sweepFilings } from './filingsStanding';

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const as = async (who: string) => bearer(await t.login(who));
const count = async (sql: string, params: unknown[] = []) => Number((await t.query<{ n: string }>(sql, params))[0].n);

/** A current project of the demo `company` account's company in 沼潭街道 (the `street` account's), and another company's. */
let own: { id: number; company_id: number; region_code: string };
let others: { id: number; company_id: number };
beforeAll(async () => {
  [own] = await t.query(
    `SELECT p.id, p.company_id, p.region_code FROM projects p JOIN users u ON u.company_id = p.company_id AND u.username = 'company'
      WHERE p.start_date <= now()::date AND p.end_date >= now()::date ORDER BY (p.region_code LIKE '150203001%') DESC, p.id LIMIT 1`,
  );
  // this project starts from nothing filed (the demo seed files most projects)
  await t.query('DELETE FROM filings WHERE project_id = $1', [own.id]);
  [others] = await t.query(`SELECT id, company_id FROM projects WHERE company_id <> $1 AND region_code LIKE '150203%' ORDER BY id LIMIT 1`, [own.company_id]);
});
const reviewer = () => `d${own.region_code.slice(0, 6)}`;

const filing = (extra: Record<string, unknown> = {}) => ({
  projectId: own.id,
  kind: 'contract',
  documentNo: 'HT-2026-001',
  validFrom: '2026-01-01',
  validUntil: '2028-12-31',
  documents: [{ name: '物业服务合同', url: 'https://example.gov.cn/ht.pdf' }],
  ...extra,
});

describe('filings: submit → review → filed / returned', () => {
  test('the company submits for its own project; the district files it with a number; audited', async () => {
    const sub = await t.api
      .post('/api/filings')
      .set(await as('company'))
      .send(filing());
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({ status: 'submitted', companyId: own.company_id, regionCode: own.region_code, kind: 'contract' });
    const filed = await t.api
      .post(`/api/filings/${sub.body.id}/review`)
      .set(await as(reviewer()))
      .send({ decision: 'filed', filingNo: 'BA-2026-9' });
    expect(filed.status).toBe(200);
    expect(filed.body).toMatchObject({ status: 'filed', filingNo: 'BA-2026-9' });
    expect(
      await count(`SELECT count(*) AS n FROM audit_logs WHERE entity = 'filings' AND entity_id = $1 AND action IN ('create', 'file')`, [String(sub.body.id)]),
    ).toBe(2);
    const again = await t.api
      .post(`/api/filings/${sub.body.id}/review`)
      .set(await as(reviewer()))
      .send({ decision: 'returned', returnReason: '迟了' });
    expect(again.status).toBe(409);
  });

  test('a return needs a reason (400 on the field); returned, the company submits anew', async () => {
    const sub = await t.api
      .post('/api/filings')
      .set(await as('company'))
      .send(filing({ kind: 'project_manager', managerName: '李经理', documentNo: 'ZS-1' }));
    expect(sub.status).toBe(201);
    const noReason = await t.api
      .post(`/api/filings/${sub.body.id}/review`)
      .set(await as(reviewer()))
      .send({ decision: 'returned' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toHaveProperty('returnReason', '退回须说明理由');
    const back = await t.api
      .post(`/api/filings/${sub.body.id}/review`)
      .set(await as(reviewer()))
      .send({ decision: 'returned', returnReason: '证书已过期' });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'returned', returnReason: '证书已过期', filingNo: null });
    expect(
      (
        await t.api
          .post('/api/filings')
          .set(await as('company'))
          .send(filing({ kind: 'project_manager', managerName: '李经理', documentNo: 'ZS-2' }))
      ).status,
    ).toBe(201);
  });

  test('one filing of a kind under review per project: 20 submissions at once store one, the rest 409 on kind', async () => {
    const headers = await as('company');
    const body = filing({ validFrom: '2027-01-01', validUntil: '2029-12-31' });
    const results = await Promise.all(Array.from({ length: 20 }, () => t.api.post('/api/filings').set(headers).send(body)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).length).toBe(19);
    expect(results.find((r) => r.status === 409)!.body.error.fields).toHaveProperty('kind');
    expect(await count(`SELECT count(*) AS n FROM filings WHERE project_id = $1 AND kind = 'contract' AND status = 'submitted'`, [own.id])).toBe(1);
  });

  test("refusals: another company's project, reviewing one's own filing, another district's reviewer, a company reading another's filings", async () => {
    const before = await count('SELECT count(*) AS n FROM filings');
    const foreign = await t.api
      .post('/api/filings')
      .set(await as('company'))
      .send(filing({ projectId: others.id }));
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('NOT_YOUR_PROJECT');
    expect(await count('SELECT count(*) AS n FROM filings')).toBe(before);

    const [pending] = await t.query<{ id: number }>(`SELECT id FROM filings WHERE project_id = $1 AND status = 'submitted' ORDER BY id LIMIT 1`, [own.id]);
    const self = await t.api
      .post(`/api/filings/${pending.id}/review`)
      .set(await as('company'))
      .send({ decision: 'filed' });
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('CANNOT_REVIEW_OWN_FILING');
    expect(await count(`SELECT count(*) AS n FROM audit_logs WHERE entity = 'filings' AND entity_id = $1 AND action = 'refused'`, [String(pending.id)])).toBe(
      1,
    );
    const outside = own.region_code.startsWith('150202') ? 'd150203' : 'd150202';
    expect(
      (
        await t.api
          .post(`/api/filings/${pending.id}/review`)
          .set(await as(outside))
          .send({ decision: 'filed' })
      ).status,
    ).toBe(404);
    expect((await t.query<{ status: string }>('SELECT status FROM filings WHERE id = $1', [pending.id]))[0].status).toBe('submitted');

    // another company's filing, stored directly: the demo company never sees it
    const [{ id: submitter }] = await t.query<{ id: number }>(`SELECT id FROM users WHERE username = 'city'`);
    const [row] = await t.query<{ id: number }>(
      `INSERT INTO filings (project_id, company_id, region_code, kind, document_no, valid_from, valid_until, submitted_by)
       SELECT id, company_id, region_code, 'contract', 'X-1', '2026-01-01', '2026-12-31', $2 FROM projects WHERE id = $1 RETURNING id`,
      [others.id, submitter],
    );
    expect((await t.api.get(`/api/filings/${row.id}`).set(await as('company'))).status).toBe(404);
    const list = await t.api.get('/api/filings').set(await as('company'));
    expect(list.body.every((f: { companyId: number }) => f.companyId === own.company_id)).toBe(true);
    expect((await t.api.get(`/api/filings/${row.id}`).set(await as('d150203'))).status).toBe(200);
  });

  test('bad input: valid-until before valid-from, no documents, a kind outside the enum → 400 on the field', async () => {
    const res = await t.api
      .post('/api/filings')
      .set(await as('company'))
      .send(filing({ validUntil: '2025-01-01', documents: [], kind: 'project_manager' }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toMatchObject({ documents: '请上传至少一份备案材料' });
    expect(
      (
        await t.api
          .post('/api/filings')
          .set(await as('company'))
          .send(filing({ kind: 'tax' }))
      ).body.error.fields,
    ).toHaveProperty('kind');
  });
});

describe('filing standings: the alert and the credit sweep', () => {
  test('a project without a filed manager filing is a gap in the alert list; the list filters and counts', async () => {
    const res = await t.api.get(`/api/filing-standings?filter=${encodeURIComponent(JSON.stringify({ id: [own.id] }))}`).set(await as(reviewer()));
    expect(res.status).toBe(200);
    expect(res.body[0]).toMatchObject({ id: own.id, contractStanding: 'valid', contractValidUntil: '2028-12-31', managerStanding: 'missing' });
    const gaps = await t.api.get(`/api/filing-standings?filter=${encodeURIComponent('{"gap":true}')}&range=[0,9]`).set(await as(reviewer()));
    expect(gaps.status).toBe(200);
    const total = Number(/\/(\d+)$/.exec(gaps.headers['content-range'])![1]);
    expect(total).toBeGreaterThan(0);
    expect(
      gaps.body.every(
        (r: { contractStanding: string; managerStanding: string }) =>
          ['missing', 'expired'].includes(r.contractStanding) || ['missing', 'expired'].includes(r.managerStanding),
      ),
    ).toBe(true);
    const mine = await t.api.get('/api/filing-standings').set(await as('company'));
    expect(mine.body.every((r: { companyId: number }) => r.companyId === own.company_id)).toBe(true);
  });

  test('the sweep records filing_missing once per project, kind and year, and filings_complete when both are in force; a replay records none', async () => {
    const items = (rule: string) => count(`SELECT count(*) AS n FROM credit_items WHERE project_id = $1 AND type = $2`, [own.id, rule]);
    await sweepFilings(t.database.db);
    expect(await items('filing_missing')).toBe(1); // the manager filing
    expect(await items('filings_complete')).toBe(0);
    await Promise.all([sweepFilings(t.database.db), sweepFilings(t.database.db)]);
    expect(await items('filing_missing')).toBe(1);

    const [pending] = await t.query<{ id: number }>(`SELECT id FROM filings WHERE project_id = $1 AND kind = 'project_manager' AND status = 'submitted'`, [
      own.id,
    ]);
    expect(
      (
        await t.api
          .post(`/api/filings/${pending.id}/review`)
          .set(await as('street'))
          .send({ decision: 'filed' })
      ).status,
    ).toBe(own.region_code.startsWith('150203001') ? 200 : 404);
    if (!own.region_code.startsWith('150203001'))
      await t.api
        .post(`/api/filings/${pending.id}/review`)
        .set(await as(reviewer()))
        .send({ decision: 'filed' });
    await sweepFilings(t.database.db);
    expect(await items('filings_complete')).toBe(1);
    await sweepFilings(t.database.db);
    expect(await items('filings_complete')).toBe(1);
  });
});

describe('filing documents are uploads their readers open', () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  test("the reviewing district opens the company's uploaded document; another district does not", async () => {
    const up = await t.api
      .post('/api/uploads')
      .set(await as('company'))
      .attach('file', PDF, '合同.pdf');
    expect(up.status).toBe(201);
    const url = `/api/uploads/${up.body.id}`;
    expect((await t.api.get(url).set(await as(reviewer()))).status).toBe(404); // not yet attached to anything
    const project = own.id;
    await t.query(`DELETE FROM filings WHERE project_id = $1 AND kind = 'contract' AND status = 'submitted'`, [project]);
    const sub = await t.api
      .post('/api/filings')
      .set(await as('company'))
      .send(filing({ projectId: project, documents: [{ name: '合同.pdf', url }] }));
    expect(sub.status).toBe(201);
    expect((await t.api.get(url).set(await as(reviewer()))).status).toBe(200);
    const outside = own.region_code.startsWith('150202') ? 'd150203' : 'd150202';
    expect((await t.api.get(url).set(await as(outside))).status).toBe(404);
  });
});
