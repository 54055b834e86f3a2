import { createTestApi, type TestApi } from '../../../test/support/api';
import { feesInvariantBreaks } from '../../../test/support/feesInvariant';
import { committeeMemberHome, residentWithHome } from '../../../test/support/residents';
import { billFen, parseAreaCenti } from '@baotou/shared';

/**
 * Issue 13 (fees, F2's part): fee items, billing runs, counter payments, reversal, refunds,
 * receipts, reminders, collection rates — every example and refusal, on real PostgreSQL, with the
 * books checked balanced after each test.
 */
let t: TestApi;
let company: string;
let district: string;
let project: { id: number; company_id: number; compound_id: number; region_code: string };
let otherProject: { id: number; compound_id: number };
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const PERIOD = '2025-03';

async function waitRun(id: number) {
  for (let i = 0; i < 600; i++) {
    const res = await t.api.get(`/api/billing-runs/${id}`).set(bearer(company));
    if (res.body.status === 'completed' || res.body.status === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('billing run did not finish');
}
async function openBills(householdId: number) {
  return t.query<{ id: number; amount_fen: string; paid_fen: string; status: string }>(
    `SELECT id, amount_fen::text, paid_fen::text, status FROM bills WHERE household_id = $1 AND status IN ('unpaid', 'partly_paid') ORDER BY period_start, id`,
    [householdId],
  );
}

beforeAll(async () => {
  t = await createTestApi();
  company = await t.login('company');
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  [project] = await t.query(
    `SELECT p.id, p.company_id, p.compound_id, p.region_code FROM projects p JOIN users u ON u.company_id = p.company_id AND u.username = 'company'
      WHERE p.start_date <= $1 AND p.end_date >= $1 AND p.start_date <= '2025-03-01'
      ORDER BY p.id LIMIT 1`,
    [today],
  );
  [otherProject] = await t.query(`SELECT p.id, p.compound_id FROM projects p WHERE p.company_id <> $1 ORDER BY p.id LIMIT 1`, [project.company_id]);
  district = await t.login(`d${project.region_code.slice(0, 6)}`);
});
afterEach(async () => expect(await feesInvariantBreaks(t)).toEqual([]));
afterAll(() => t.close());

describe('fee items', () => {
  test('company staff set the property fee (milli-fen per m² per month) and a flat parking fee for their project', async () => {
    const fee = await t.api.post('/api/fee-items').set(bearer(company)).send({
      projectId: project.id,
      kind: 'property_fee',
      name: '物业服务费',
      feeMilliFenPerM2Month: 139000,
      billingCycle: 'monthly',
      startsOn: '2024-01-01',
    });
    expect(fee.status).toBe(201);
    expect(fee.body).toMatchObject({ compoundId: project.compound_id, lateFeeBpPerMonth: null, active: true });
    const parking = await t.api
      .post('/api/fee-items')
      .set(bearer(company))
      .send({ projectId: project.id, kind: 'parking', name: '地面停车费', monthlyFen: 15000, billingCycle: 'quarterly', startsOn: '2025-02-01' });
    expect(parking.status).toBe(201);
  });

  test("refused: another company's project (403), a late fee above the cap (400 on the field), a property fee without a unit price (400 on the field), residents (403)", async () => {
    const other = await t.api
      .post('/api/fee-items')
      .set(bearer(company))
      .send({ projectId: otherProject.id, kind: 'other', name: '垃圾清运费', monthlyFen: 500, billingCycle: 'monthly', startsOn: '2025-01-01' });
    expect([other.status, other.body.error.code]).toEqual([403, 'OUT_OF_JURISDICTION']);
    const late = await t.api.post('/api/fee-items').set(bearer(company)).send({
      projectId: project.id,
      kind: 'other',
      name: '垃圾清运费',
      monthlyFen: 500,
      billingCycle: 'monthly',
      startsOn: '2025-01-01',
      lateFeeBpPerMonth: 34,
    });
    expect([late.status, late.body.error.fields]).toEqual([400, { lateFeeBpPerMonth: '违约金比例不得超过每月万分之33' }]);
    const noPrice = await t.api
      .post('/api/fee-items')
      .set(bearer(company))
      .send({ projectId: project.id, kind: 'property_fee', name: '物业服务费', billingCycle: 'monthly', startsOn: '2025-01-01' });
    expect([noPrice.status, noPrice.body.error.fields.feeMilliFenPerM2Month]).toEqual([400, '物业服务费须填写每平方米每月单价']);
    const midMonth = await t.api
      .post('/api/fee-items')
      .set(bearer(company))
      .send({ projectId: project.id, kind: 'other', name: 'x', monthlyFen: 1, billingCycle: 'monthly', startsOn: '2025-01-15' });
    expect(midMonth.body.error.fields.startsOn).toBe('起始计费日期须为某月1日');
    const resident = await t.residentToken('fees-item-resident');
    expect((await t.api.post('/api/fee-items').set(bearer(resident)).send({})).status).toBe(403);
    // Nothing configures a step that cuts water, power, heating, gas, lifts or access (Civil Code Art. 944).
    const cut = await t.api
      .post('/api/fee-items')
      .set(bearer(company))
      .send({ projectId: project.id, kind: 'other', name: 'x', monthlyFen: 1, billingCycle: 'monthly', startsOn: '2025-01-01', cutServiceOnArrears: true });
    expect(cut.status).toBe(400);
  });
});

describe('billing runs', () => {
  let runId: number;
  test('a month billed in one batch with progress: every home once per item, unsold/undelivered homes to the developer, amounts by billFen', async () => {
    const res = await t.api.post('/api/billing-runs').set(bearer(company)).send({ projectId: project.id, period: PERIOD });
    expect(res.status).toBe(201);
    runId = res.body.id;
    const run = await waitRun(runId);
    expect(run).toMatchObject({ status: 'completed', projectsDone: 1, projectsTotal: 1, period: PERIOD });
    // It ran as a job of the queue (contract 3): the job's page shows it done, with its progress.
    const job = await t.api.get(`/api/jobs/${run.jobId}`).set(bearer(company));
    expect(job.body).toMatchObject({ name: 'fees.billing-run', state: 'completed', progress: { done: 1, total: 1 } });
    const homes = await t.query<{ id: number; area: string; developer: boolean }>(
      `SELECT h.id, h.area::text, (h.developer_unsold OR h.owner_id IS NULL OR coalesce(o.developer, false)) AS developer FROM households h LEFT JOIN owners o ON o.id = h.owner_id WHERE h.compound_id = $1`,
      [project.compound_id],
    );
    const bills = await t.query<{
      household_id: number;
      amount_fen: string;
      payer: string;
      period_start: string;
      period_end: string;
      months: number;
      kind: string;
    }>(
      `SELECT b.household_id, b.amount_fen::text, b.payer, b.period_start::text, b.period_end::text, b.months, f.kind FROM bills b JOIN fee_items f ON f.id = b.fee_item_id WHERE b.billing_run_id = $1`,
      [runId],
    );
    // The property fee for March; parking quarterly from its start in February: Feb–Mar, 2 months.
    expect(bills).toHaveLength(homes.length * 2);
    expect(run.billsCreated).toBe(homes.length * 2);
    for (const h of homes) {
      const fee = bills.find((b) => b.household_id === h.id && b.kind === 'property_fee')!;
      expect(fee).toMatchObject({ period_start: '2025-03-01', period_end: '2025-03-31', months: 1, payer: h.developer ? 'developer' : 'household' });
      expect(Number(fee.amount_fen)).toBe(billFen({ areaCenti: parseAreaCenti(h.area)!, feeMilliFenPerM2Month: 139000, months: 1 }));
      expect(bills.find((b) => b.household_id === h.id && b.kind === 'parking')).toMatchObject({
        period_start: '2025-02-01',
        period_end: '2025-03-31',
        months: 2,
        amount_fen: '30000',
      });
    }
    expect(new Set(bills.map((b) => b.payer)).has('household')).toBe(true);
  }, 60_000);

  test('running it again bills nobody twice: 409 PERIOD_ALREADY_BILLED; the next month of the quarter bills the property fee only', async () => {
    const again = await t.api.post('/api/billing-runs').set(bearer(company)).send({ projectId: project.id, period: PERIOD });
    expect([again.status, again.body.error.code]).toEqual([409, 'PERIOD_ALREADY_BILLED']);
    const [{ n }] = await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM billing_runs WHERE period = $1`, [PERIOD]);
    expect(n).toBe(1);
    const april = await t.api
      .post('/api/billing-runs')
      .set(bearer(company))
      .send({ compoundIds: [project.compound_id], period: '2025-04' });
    expect(april.status).toBe(201);
    const run = await waitRun(april.body.id);
    const [{ homes }] = await t.query<{ homes: number }>(`SELECT count(*)::int AS homes FROM households WHERE compound_id = $1`, [project.compound_id]);
    // Q2 parking is billed in April; May then finds it billed.
    expect(run.billsCreated).toBe(homes * 2);
    const may = await waitRun((await t.api.post('/api/billing-runs').set(bearer(company)).send({ projectId: project.id, period: '2025-05' })).body.id);
    expect(may.billsCreated).toBe(homes);
  }, 60_000);

  test('20 runs for the same month at once: one 201, 19 × 409, one set of bills', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.api.post('/api/billing-runs').set(bearer(company)).send({ projectId: project.id, period: '2025-06' })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    await waitRun(results.find((r) => r.status === 201)!.body.id);
    const dup = await t.query(`SELECT household_id, fee_item_id FROM bills WHERE period_start = '2025-06-01' GROUP BY 1, 2 HAVING count(*) > 1`);
    expect(dup).toEqual([]);
  }, 60_000);

  test("refused: a compound not the company's (403, nothing recorded), a period overlapping a billed one (409), a bad month (400), bureau staff (403)", async () => {
    const before = await t.query(`SELECT count(*)::int AS n FROM billing_runs`);
    const notTheirs = await t.api
      .post('/api/billing-runs')
      .set(bearer(company))
      .send({ compoundIds: [otherProject.compound_id], period: '2025-07' });
    expect([notTheirs.status, notTheirs.body.error.code]).toEqual([403, 'OUT_OF_JURISDICTION']);
    const otherProj = await t.api.post('/api/billing-runs').set(bearer(company)).send({ projectId: otherProject.id, period: '2025-07' });
    expect([otherProj.status, otherProj.body.error.code]).toEqual([403, 'OUT_OF_JURISDICTION']);
    expect((await t.api.post('/api/billing-runs').set(bearer(company)).send({ projectId: project.id, period: '2025-13' })).body.error.fields.period).toMatch(
      /YYYY-MM/,
    );
    expect((await t.api.post('/api/billing-runs').set(bearer(district)).send({ projectId: project.id, period: '2025-07' })).status).toBe(403);
    // A yearly item whose 2026 period would overlap a monthly bill already issued for July 2026.
    const [fee] = await t.query<{ id: number }>(`SELECT id FROM fee_items WHERE project_id = $1 AND kind = 'property_fee' AND starts_on = '2024-01-01'`, [
      project.id,
    ]);
    const [h] = await t.query<{ id: number; building_id: number; region_code: string }>(
      `SELECT id, building_id, region_code FROM households WHERE compound_id = $1 LIMIT 1`,
      [project.compound_id],
    );
    await t.query(
      `INSERT INTO bills (household_id, compound_id, building_id, project_id, company_id, region_code, fee_item_id, period_start, period_end, months, amount_fen, due_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '2025-07-15', '2025-08-14', 1, 100, '2025-08-14')`,
      [h.id, project.compound_id, h.building_id, project.id, project.company_id, h.region_code, fee.id],
    );
    const overlap = await t.api.post('/api/billing-runs').set(bearer(company)).send({ projectId: project.id, period: '2025-07' });
    expect([overlap.status, overlap.body.error.code]).toEqual([409, 'BILLED_PERIOD_OVERLAP']);
    await t.query(`UPDATE bills SET status = 'reversed' WHERE period_start = '2025-07-15'`);
    expect(await t.query(`SELECT count(*)::int AS n FROM billing_runs`)).toEqual(before);
  });
});

describe('bills, counter payments, reversal, refunds, receipts', () => {
  let home: number;
  test('a partial cash payment goes to the oldest bill; larger than owed is 409 and posts nothing', async () => {
    [{ household_id: home }] = await t.query<{ household_id: number }>(
      `SELECT household_id FROM bills WHERE compound_id = $1 AND payer = 'household' AND status = 'unpaid' ORDER BY household_id LIMIT 1`,
      [project.compound_id],
    );
    const open = await openBills(home);
    const owed = open.reduce((s, b) => s + Number(b.amount_fen) - Number(b.paid_fen), 0);
    const tooMuch = await t.api
      .post('/api/fee-payments')
      .set(bearer(company))
      .send({ householdId: home, amountFen: owed + 1, method: 'cash' });
    expect([tooMuch.status, tooMuch.body.error.code]).toEqual([409, 'AMOUNT_ABOVE_OWED']);
    const part = await t.api
      .post('/api/fee-payments')
      .set(bearer(company))
      .send({ householdId: home, amountFen: Number(open[0].amount_fen) + 1, method: 'cash', reference: 'XJ-001' });
    expect(part.status).toBe(201);
    expect(part.body).toMatchObject({
      method: 'cash',
      amountFen: Number(open[0].amount_fen) + 1,
      refundedFen: 0,
      receiptNo: expect.stringMatching(/^SF\d{16}$/),
    });
    const after = await t.query<{ id: number; status: string; paid_fen: string }>(
      `SELECT id, status, paid_fen::text FROM bills WHERE id = ANY($1) ORDER BY period_start, id`,
      [[open[0].id, open[1].id]],
    );
    expect(after.map((b) => b.status)).toEqual(['paid', 'partly_paid']);
    expect(after[1].paid_fen).toBe('1');
    const receipt = await t.api.get(`/api/receipts/${part.body.receiptId}`).set(bearer(company));
    expect(receipt.body).toMatchObject({ receiptNo: part.body.receiptNo, amountFen: part.body.amountFen, method: 'cash' });
    expect(receipt.body.lines).toHaveLength(2);
  });

  test("refused: a bank transfer above owed on chosen bills, a bill already paid, another home's bill, a WeChat method at the counter", async () => {
    const open = await openBills(home);
    const [paid] = await t.query<{ id: number }>(`SELECT id FROM bills WHERE household_id = $1 AND status = 'paid' LIMIT 1`, [home]);
    const [foreign] = await t.query<{ id: number }>(`SELECT id FROM bills WHERE household_id <> $1 AND compound_id = $2 AND status = 'unpaid' LIMIT 1`, [
      home,
      project.compound_id,
    ]);
    const send = (body: object) =>
      t.api
        .post('/api/fee-payments')
        .set(bearer(company))
        .send({ householdId: home, method: 'bank_transfer', ...body });
    const r1 = await send({ billIds: [open[0].id], amountFen: Number(open[0].amount_fen) - Number(open[0].paid_fen) + 1 });
    expect([r1.status, r1.body.error.code]).toEqual([409, 'AMOUNT_ABOVE_OWED']);
    const r2 = await send({ billIds: [paid.id], amountFen: 1 });
    expect([r2.status, r2.body.error.code]).toEqual([409, 'BILL_ALREADY_PAID']);
    const r3 = await send({ billIds: [foreign.id], amountFen: 1 });
    expect([r3.status, r3.body.error.code]).toEqual([403, 'BILL_OF_ANOTHER_HOME']);
    const r4 = await send({ amountFen: 1, method: 'wechat' });
    expect(r4.body.error.fields.method).toBe('柜台收款方式只能是现金或银行转账');
    const r5 = await send({ amountFen: 1e20 });
    expect(r5.status).toBe(400);
  });

  test('reverse: a bill with money on it needs a refund first (409); an unpaid one is reversed with a reason, once', async () => {
    const [paid] = await t.query<{ id: number }>(`SELECT id FROM bills WHERE household_id = $1 AND paid_fen > 0 LIMIT 1`, [home]);
    const blocked = await t.api.post(`/api/bills/${paid.id}/reverse`).set(bearer(company)).send({ reason: '面积录入错误' });
    expect([blocked.status, blocked.body.error.code]).toEqual([409, 'BILL_HAS_PAYMENTS']);
    const [unpaid] = await t.query<{ id: number }>(`SELECT id FROM bills WHERE household_id = $1 AND status = 'unpaid' LIMIT 1`, [home]);
    expect((await t.api.post(`/api/bills/${unpaid.id}/reverse`).set(bearer(company)).send({})).body.error.fields.reason).toBeDefined();
    const ok = await t.api.post(`/api/bills/${unpaid.id}/reverse`).set(bearer(company)).send({ reason: '面积录入错误' });
    expect(ok.body).toMatchObject({ status: 'reversed', reverseReason: '面积录入错误', owedFen: 0 });
    const again = await t.api.post(`/api/bills/${unpaid.id}/reverse`).set(bearer(company)).send({ reason: '面积录入错误' });
    expect([again.status, again.body.error.code]).toEqual([409, 'ALREADY_REVERSED']);
    expect((await t.api.post(`/api/bills/${unpaid.id}/reverse`).set(bearer(district)).send({ reason: 'x' })).status).toBe(403);
  });

  test('refund: at most what was paid (409 above), the latest bill first, the books stay balanced', async () => {
    const [p] = await t.query<{ id: number; amount_fen: string }>(
      `SELECT id, amount_fen::text FROM fee_payments WHERE household_id = $1 AND reference = 'XJ-001'`,
      [home],
    );
    const above = await t.api
      .post(`/api/fee-payments/${p.id}/refund`)
      .set(bearer(company))
      .send({ amountFen: Number(p.amount_fen) + 1, reason: '多收' });
    expect([above.status, above.body.error.code]).toEqual([409, 'REFUND_ABOVE_PAID']);
    const one = await t.api.post(`/api/fee-payments/${p.id}/refund`).set(bearer(company)).send({ amountFen: 2, reason: '多收' });
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({ refundedFen: 2, refund: { amountFen: 2, refundNo: null } });
    const bills = await t.query<{ status: string; paid_fen: string }>(
      `SELECT b.status, b.paid_fen::text FROM bills b WHERE b.id IN (SELECT bill_id FROM fee_allocations WHERE payment_id = $1) ORDER BY b.period_start, b.id`,
      [p.id],
    );
    // 1 fen came off the later bill (back to unpaid), 1 off the older (now partly paid).
    expect(bills.map((b) => b.status)).toEqual(['partly_paid', 'unpaid']);
    const rest = await t.api
      .post(`/api/fee-payments/${p.id}/refund`)
      .set(bearer(company))
      .send({ amountFen: Number(p.amount_fen) - 1, reason: '多收' });
    expect([rest.status, rest.body.error.code]).toEqual([409, 'REFUND_ABOVE_PAID']);
    expect((await t.api.post(`/api/fee-payments/${p.id}/refund`).set(bearer(district)).send({ amountFen: 1, reason: 'x' })).status).toBe(403);
  });

  test("residents read only their verified homes' bills and receipts", async () => {
    const token = await residentWithHome(t, 'fees-resident-1', home);
    const list = await t.api.get('/api/bills').set(bearer(token));
    expect(list.status).toBe(200);
    expect(new Set(list.body.map((b: { householdId: number }) => b.householdId))).toEqual(new Set([home]));
    const [other] = await t.query<{ id: number }>(`SELECT id FROM bills WHERE household_id <> $1 LIMIT 1`, [home]);
    expect((await t.api.get(`/api/bills/${other.id}`).set(bearer(token))).status).toBe(404);
    const [mine] = await t.query<{ id: number }>(`SELECT id FROM receipts WHERE household_id = $1 LIMIT 1`, [home]);
    expect((await t.api.get(`/api/receipts/${mine.id}`).set(bearer(token))).body.id).toBe(mine.id);
    const stranger = await t.residentToken('fees-stranger');
    expect((await t.api.get(`/api/receipts/${mine.id}`).set(bearer(stranger))).status).toBe(404);
    expect((await t.api.get('/api/bills').set(bearer(stranger))).body).toEqual([]);
    expect((await t.api.post('/api/fee-payments').set(bearer(token)).send({ householdId: home, amountFen: 1, method: 'cash' })).status).toBe(403);
  });

  test('staff lists filter by status, building and overdue, and sort', async () => {
    const res = await t.api
      .get('/api/bills')
      .query({ filter: JSON.stringify({ compoundId: project.compound_id, status: 'unpaid' }), sort: JSON.stringify(['amountFen', 'DESC']), range: '[0,9]' })
      .set(bearer(company));
    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toMatch(/^bills 0-9\/\d+$/);
    expect(res.body.every((b: { status: string }) => b.status === 'unpaid')).toBe(true);
    const amounts = res.body.map((b: { amountFen: number }) => b.amountFen);
    expect([...amounts].sort((a, b) => b - a)).toEqual(amounts);
    const bureau = await t.api.get('/api/fee-payments').set(bearer(district));
    expect(bureau.status).toBe(200);
    expect((await t.api.get('/api/bills').set(bearer(await t.login('party')))).status).toBe(403);
  });
});

describe('collection rates and reminders', () => {
  test('by amount for the current period, arrears recovery separately, households second; a payment moves it', async () => {
    // The period runs to today: money counts for P only when it arrived within P.
    const q = { from: '2025-03-01', to: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), groupBy: 'project' };
    const before = await t.api.get('/api/fees/collection').query(q).set(bearer(district));
    expect(before.status).toBe(200);
    const row = before.body.rows.find((r: { key: string }) => r.key === String(project.id));
    expect(row.dueFen).toBeGreaterThan(0);
    const [h] = await t.query<{ household_id: number; owed: string; ids: number[] }>(
      `SELECT household_id, sum(amount_fen - paid_fen)::text AS owed, array_agg(id) AS ids FROM bills
        WHERE project_id = $1 AND status <> 'reversed' AND payer = 'household' AND period_start >= '2025-03-01' GROUP BY household_id HAVING bool_and(status = 'unpaid') ORDER BY household_id DESC LIMIT 1`,
      [project.id],
    );
    await t.api
      .post('/api/fee-payments')
      .set(bearer(company))
      .send({ householdId: h.household_id, billIds: h.ids, amountFen: Number(h.owed), method: 'cash' })
      .expect(201);
    const after = await t.api.get('/api/fees/collection').query(q).set(bearer(district));
    const row2 = after.body.rows.find((r: { key: string }) => r.key === String(project.id));
    expect(row2.collectedFen).toBe(row.collectedFen + Number(h.owed));
    expect(row2.paidHouseholds).toBe(row.paidHouseholds + 1);
    expect(row2.rateBp).toBe(Math.floor((row2.collectedFen * 10000) / row2.dueFen + 0.5));
    const byDistrict = await t.api
      .get('/api/fees/collection')
      .query({ ...q, groupBy: 'district' })
      .set(bearer(await t.login('city')));
    expect(byDistrict.body.rows.find((r: { key: string }) => r.key === project.region_code.slice(0, 6)).label).toMatch(/区|旗|县/);
    expect(
      (
        await t.api
          .get('/api/fees/collection')
          .query({ ...q, groupBy: 'building' })
          .set(bearer(district))
      ).status,
    ).toBe(400);
    expect(
      (
        await t.api
          .get('/api/fees/collection')
          .query({ ...q, from: '2025-13-01' })
          .set(bearer(district))
      ).status,
    ).toBe(400);
    expect(
      (
        await t.api
          .get('/api/fees/collection')
          .query(q)
          .set(bearer(await t.residentToken('fees-x')))
      ).status,
    ).toBe(403);
  });

  test('a company reminder is recorded per home and not repeated within the minimum interval; homes of other compounds are refused', async () => {
    const [h] = await t.query<{ household_id: number }>(
      `SELECT household_id FROM bills WHERE project_id = $1 AND status = 'unpaid' AND due_on < now() ORDER BY household_id LIMIT 1`,
      [project.id],
    );
    const first = await t.api
      .post('/api/fees/reminders')
      .set(bearer(company))
      .send({ householdIds: [h.household_id] });
    expect(first.status).toBe(201);
    expect(first.body.sent).toHaveLength(1);
    const second = await t.api
      .post('/api/fees/reminders')
      .set(bearer(company))
      .send({ householdIds: [h.household_id] });
    expect(second.body).toMatchObject({ sent: [], skipped: [{ householdId: h.household_id }] });
    expect(await t.query(`SELECT sender FROM fee_reminders WHERE household_id = $1`, [h.household_id])).toEqual([{ sender: 'company' }]);
    const [foreign] = await t.query<{ id: number }>(`SELECT id FROM households WHERE compound_id = $1 LIMIT 1`, [otherProject.compound_id]);
    expect(
      (
        await t.api
          .post('/api/fees/reminders')
          .set(bearer(company))
          .send({ householdIds: [foreign.id] })
      ).status,
    ).toBe(403);
  });

  test('arrears by building and age', async () => {
    const res = await t.api.get('/api/fees/arrears').query({ compoundId: project.compound_id }).set(bearer(company));
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    for (const b of res.body) expect(Object.values(b.byAge as Record<string, number>).reduce((s, v) => s + v, 0)).toBe(b.owedFen);
  });
});

describe("the owners' committee: collection rate and long-term defaulters, masked, with a recorded 催缴", () => {
  test('a member sees the rate and the defaulters as room and amount only; urging is recorded once per interval; others are refused', async () => {
    const [compound] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE code = 'BT0001'`);
    const member = await residentWithHome(t, 'fees-committee-member', await committeeMemberHome(t, 'BT0001'));
    const res = await t.api.get(`/api/fees/committee/${compound.id}`).set(bearer(member));
    expect(res.status).toBe(200);
    expect(res.body.collection.dueFen).toBeGreaterThan(0);
    expect(res.body.collection.rateBp).toBe(Math.floor((res.body.collection.collectedFen * 10000) / res.body.collection.dueFen + 0.5));
    expect(res.body.defaulters.length).toBeGreaterThan(0);
    for (const d of res.body.defaulters)
      expect(Object.keys(d).sort()).toEqual(['bills', 'buildingName', 'householdId', 'lastUrgedAt', 'oldestPeriod', 'owedFen', 'room', 'unitName']);
    const target = res.body.defaulters[0].householdId;
    const urged = await t.api
      .post(`/api/fees/committee/${compound.id}/urge`)
      .set(bearer(member))
      .send({ householdIds: [target] });
    expect([urged.status, urged.body.sent.map((x: { householdId: number }) => x.householdId)]).toEqual([201, [target]]);
    expect(await t.query(`SELECT sender FROM fee_reminders WHERE household_id = $1 AND sender = 'committee'`, [target])).toHaveLength(1);
    expect(await t.query(`SELECT action FROM audit_logs WHERE entity = 'fee-reminders' AND action = 'fee_urge'`)).toHaveLength(1);
    const again = await t.api
      .post(`/api/fees/committee/${compound.id}/urge`)
      .set(bearer(member))
      .send({ householdIds: [target] });
    expect(again.body.sent).toEqual([]);
    const [paying] = await t.query<{ id: number }>(`SELECT h.id FROM households h WHERE h.compound_id = $1 AND NOT (h.id = ANY($2)) LIMIT 1`, [
      compound.id,
      res.body.defaulters.map((d: { householdId: number }) => d.householdId),
    ]);
    const notDefaulter = await t.api
      .post(`/api/fees/committee/${compound.id}/urge`)
      .set(bearer(member))
      .send({ householdIds: [paying.id] });
    expect([notDefaulter.status, notDefaulter.body.error.code]).toEqual([400, 'NOT_A_DEFAULTER']);
    const stranger = await t.residentToken('fees-not-member');
    const refused = await t.api.get(`/api/fees/committee/${compound.id}`).set(bearer(stranger));
    expect([refused.status, refused.body.error.code]).toEqual([403, 'NOT_COMMITTEE_MEMBER']);
    expect((await t.api.get(`/api/fees/committee/${compound.id}`).set(bearer(company))).status).toBe(403);
  });
});

describe('figures beyond 2^53 fen', () => {
  test('sums a fee item the schema allows can reach still give the report (200, the exact rate), never a 500', async () => {
    const homes = await t.query<{ id: number; compound_id: number; building_id: number; region_code: string }>(
      `SELECT id, compound_id, building_id, region_code FROM households WHERE compound_id = $1 ORDER BY id LIMIT 2`,
      [project.compound_id],
    );
    const [{ id: item }] = await t.query<{ id: number }>(`SELECT id FROM fee_items WHERE project_id = $1 ORDER BY id LIMIT 1`, [project.id]);
    // Two bills of 6 × 10^15 fen (within what a yearly bill of the fee item's largest monthly amount, 10^12 fen, lets a project sum to): 1.2 × 10^16 together.
    for (const h of homes) {
      await t.query(
        `INSERT INTO bills (household_id, compound_id, building_id, project_id, company_id, region_code, fee_item_id, period_start, period_end, months, amount_fen, due_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '2090-01-01', '2090-12-31', 12, 6000000000000000, '2090-01-01')`,
        [h.id, h.compound_id, h.building_id, project.id, project.company_id, h.region_code, item],
      );
    }
    const q = { from: '2090-01-01', to: '2090-12-31' };
    for (const [token, groupBy] of [
      [district, 'project'],
      [await t.login('city'), 'district'],
      [company, 'project'],
    ]) {
      const res = await t.api
        .get('/api/fees/collection')
        .query({ ...q, groupBy })
        .set(bearer(token));
      expect(res.status).toBe(200);
      expect(res.body.total).toMatchObject({ dueFen: 12_000_000_000_000_000, collectedFen: 0, rateBp: 0, households: 2, paidHouseholds: 0 });
    }
  });
});

describe('totals beyond 2^53 fen', () => {
  test("the total's rate comes from the exact sums, not from the rows' rounded numbers", async () => {
    // Two homes' 2091 bills of 10,000 × 2^46 fen, one paid in full, one with 9,999 × 2^46 − 1: collected
    // 19,999 × 2^46 − 1 of 20,000 × 2^46 is 9,999.4999… bp → 9999; rounded to a number it reads 9,999.5 → 10000.
    const unit = 2n ** 46n;
    const homes = await t.query<{ id: number; compound_id: number; building_id: number; region_code: string }>(
      `SELECT id, compound_id, building_id, region_code FROM households WHERE compound_id = $1 ORDER BY id LIMIT 2`,
      [project.compound_id],
    );
    const [{ id: item }] = await t.query<{ id: number }>(`SELECT id FROM fee_items WHERE project_id = $1 ORDER BY id LIMIT 1`, [project.id]);
    const paid = [10_000n * unit, 9_999n * unit - 1n];
    for (const [i, h] of homes.entries()) {
      const amount = String(10_000n * unit);
      const [b] = await t.query<{ id: number }>(
        `INSERT INTO bills (household_id, compound_id, building_id, project_id, company_id, region_code, fee_item_id, period_start, period_end, months, amount_fen, paid_fen, status, due_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '2091-01-01', '2091-01-31', 1, $8, $9, $10, '2091-01-01') RETURNING id`,
        [h.id, h.compound_id, h.building_id, project.id, project.company_id, h.region_code, item, amount, String(paid[i]), i === 0 ? 'paid' : 'partly_paid'],
      );
      const [p] = await t.query<{ id: number }>(
        `INSERT INTO fee_payments (household_id, compound_id, project_id, company_id, region_code, method, amount_fen, reference, receipt_no, paid_at)
         VALUES ($1, $2, $3, $4, $5, 'bank_transfer', $6, 'huge', $7, '2091-01-15') RETURNING id`,
        [h.id, h.compound_id, project.id, project.company_id, h.region_code, String(paid[i]), `SFHUGE${i}`],
      );
      await t.query(`INSERT INTO fee_allocations (payment_id, bill_id, amount_fen, created_at) VALUES ($1, $2, $3, '2091-01-15')`, [
        p.id,
        b.id,
        String(paid[i]),
      ]);
      await t.query(
        `INSERT INTO receipts (payment_id, receipt_no, household_id, compound_id, region_code, amount_fen, lines) VALUES ($1, $2, $3, $4, $5, $6, '[]')`,
        [p.id, `SFHUGE${i}`, h.id, h.compound_id, h.region_code, String(paid[i])],
      );
    }
    for (const groupBy of ['project', 'district']) {
      const res = await t.api.get('/api/fees/collection').query({ from: '2091-01-01', to: '2091-12-31', groupBy }).set(bearer(district));
      expect([res.status, res.body.rows.map((r: { rateBp: number }) => r.rateBp), res.body.total.rateBp]).toEqual([200, [9999], 9999]);
    }
  });
});
