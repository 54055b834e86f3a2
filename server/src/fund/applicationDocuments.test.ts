import { createTestApi, type TestApi } from '../../../test/support/api';

/**
 * Issue 16 §1: supervision and acceptance documents of a fund application are uploaded files (the
 * uploads capability), not typed URLs: only the reviewer's own uploads (or an outside https link)
 * are taken, and the files are served to whoever may read the application — no one else.
 */
let t: TestApi;
let company: string;
let district: string;
let target: { compound_id: number; unit_id: number };
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64, 0x20)]);

beforeAll(async () => {
  t = await createTestApi();
  company = await t.login('company');
  district = await t.login('d150203');
  [target] = await t.query(`
    SELECT c.id AS compound_id, u.id AS unit_id
      FROM compounds c JOIN projects p ON p.compound_id = c.id JOIN users s ON s.company_id = p.company_id AND s.username = 'company'
      JOIN units u ON u.compound_id = c.id
     WHERE c.region_code LIKE '150203%' AND EXISTS (SELECT 1 FROM households h WHERE h.unit_id = u.id)
       -- every home in the unit can pay its share (none still owes its first deposit)
       AND NOT EXISTS (SELECT 1 FROM households h LEFT JOIN fund_ledgers l ON l.household_id = h.id WHERE h.unit_id = u.id AND coalesce(l.balance_fen, 0) < 100)
     ORDER BY c.id, u.id LIMIT 1`);
  if (!target) throw new Error('fixture: no unit of a compound the demo company serves where every home has a balance');
});
afterAll(() => t.close());

async function approvedEmergency(): Promise<number> {
  const created = await t.api
    .post('/api/fund-applications')
    .set(bearer(company))
    .send({
      compoundId: target.compound_id,
      title: '屋面渗漏应急维修',
      items: [{ name: '防水层修补', budgetFen: 100 }],
      contractor: '包头市防水工程有限公司',
      scopeType: 'units',
      scopeIds: [target.unit_id],
      emergency: true,
      emergencyKind: 'roof_leak',
    });
  expect(created.status).toBe(201);
  await t.api.post(`/api/fund-applications/${created.body.id}/submit`).set(bearer(company));
  const approved = await t.api.post(`/api/fund-applications/${created.body.id}/review`).set(bearer(district)).send({ decision: 'approve' });
  expect(approved.body).toMatchObject({ status: 'approved' });
  return created.body.id;
}

const upload = async (token: string, name: string) => (await t.api.post('/api/uploads').set(bearer(token)).attach('file', PDF, name)).body.id as number;

test('the reviewer uploads the supervision report and the acceptance record; the company reads them, another district cannot', async () => {
  const id = await approvedEmergency();
  const report = await upload(district, '监理报告.pdf');
  const supervised = await t.api
    .post(`/api/fund-applications/${id}/supervise`)
    .set(bearer(district))
    .send({
      supervisor: '包头市建设监理有限公司',
      report: '审定',
      auditedCostFen: 100,
      documents: [{ name: '监理报告.pdf', url: `/api/uploads/00${report}` }],
    });
  expect(supervised.status).toBe(200);
  expect(supervised.body.supervision.documents).toEqual([{ name: '监理报告.pdf', url: `/api/uploads/${report}` }]);
  const record = await upload(district, '验收记录.pdf');
  const accepted = await t.api
    .post(`/api/fund-applications/${id}/accept`)
    .set(bearer(district))
    .send({ actualCostFen: 100, documents: [{ name: '验收记录.pdf', url: `/api/uploads/${record}` }] });
  expect(accepted.status).toBe(200);

  for (const file of [report, record]) {
    expect((await t.api.get(`/api/uploads/${file}`).set(bearer(company))).status).toBe(200);
    expect((await t.api.get(`/api/uploads/${file}`).set(bearer(await t.login('d150202')))).status).toBe(404);
  }
});

test("someone else's upload is refused on its field and nothing changes", async () => {
  const id = await approvedEmergency();
  const theirs = await upload(company, '别人的文件.pdf');
  const res = await t.api
    .post(`/api/fund-applications/${id}/supervise`)
    .set(bearer(district))
    .send({ supervisor: '监理', report: '审定', auditedCostFen: 100, documents: [{ name: 'x', url: `/api/uploads/${theirs}` }] });
  expect(res.status).toBe(400);
  expect(res.body.error).toMatchObject({ code: 'BAD_UPLOAD', fields: { 'documents.0.url': '只能使用本人上传的文件' } });
  expect((await t.query<{ status: string }>('SELECT status FROM fund_applications WHERE id = $1', [id]))[0].status).toBe('approved');
});
