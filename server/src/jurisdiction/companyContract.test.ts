import { createTestApi, type TestApi } from '../../../test/support/api';
import { residentWithHome } from '../../../test/support/residents';

/**
 * Issue 9 / wave X3: a property company's jurisdiction is the compounds of its projects whose
 * service period covers today (servedCompoundIds). Attack: the city admin ends the contract
 * (PUT /api/projects/:id {"endDate":"2026-01-01"}); the company account still listed the compound's
 * households with owner names, used the room picker, moved a ticket to in_progress and created a
 * fund application (201). Its own past tickets stay readable; nothing is writable.
 */
let t: TestApi;
let company: string;
let city: string;
let resident: string;
let place: { project_id: number; compound_id: number; unit_id: number; household_id: number };
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const beijingDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApi();
  company = await t.login('company');
  city = await t.login('city');
  // A compound the demo company serves under exactly one project, and one of its homes.
  [place] = await t.query(`
    SELECT p.id AS project_id, p.compound_id, h.unit_id, h.id AS household_id
      FROM projects p JOIN users u ON u.username = 'company' AND u.company_id = p.company_id
      JOIN households h ON h.compound_id = p.compound_id
     WHERE (SELECT count(*) FROM projects q WHERE q.compound_id = p.compound_id AND q.company_id = p.company_id) = 1
     ORDER BY p.id, h.id LIMIT 1`);
  if (!place) throw new Error('fixture: the demo company serves no compound');
  await t.query(`UPDATE projects SET start_date = $2, end_date = $3 WHERE id = $1`, [place.project_id, beijingDay(-365), beijingDay(365)]);
  resident = await residentWithHome(t, 'contract-x3', place.household_id);
});
afterAll(() => t.close());

const householdsOf = (token: string) =>
  t.api.get(`/api/households?filter=${encodeURIComponent(JSON.stringify({ compoundId: place.compound_id }))}&range=[0,999]`).set(bearer(token));
const rooms = (token: string) => t.api.get(`/api/mini/units/${place.unit_id}/rooms`).set(bearer(token));
const application = () =>
  t.api
    .post('/api/fund-applications')
    .set(bearer(company))
    .send({
      compoundId: place.compound_id,
      title: '屋面防水维修',
      items: [{ name: '防水层', budgetFen: 500000 }],
      contractor: '包头市安达防水工程有限公司',
      scopeType: 'compound',
      scopeIds: [],
    });

async function fileRepair(): Promise<number> {
  const res = await t.api
    .post('/api/tickets')
    .set(bearer(resident))
    .send({ householdId: place.household_id, kind: 'repair', category: 'plumbing', description: '厨房水管漏水，地面积水' });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** What the company may do in the compound, seen through every door the attack used. */
async function expectNoPower(ticketId: number) {
  const list = await householdsOf(company);
  expect(list.status).toBe(200);
  expect(list.body).toEqual([]);
  expect((await t.api.get(`/api/households/${place.household_id}`).set(bearer(company))).status).toBe(404);
  expect((await t.api.get(`/api/compounds/${place.compound_id}`).set(bearer(company))).status).toBe(404);
  expect((await rooms(company)).status).toBe(404);
  const [before] = await t.query<{ status: string }>('SELECT status FROM tickets WHERE id = $1', [ticketId]);
  const act = await t.api.post(`/api/tickets/${ticketId}/start`).set(bearer(company)).send({});
  expect(act.status).toBe(403);
  expect(act.body.error.code).toBe('CONTRACT_NOT_CURRENT');
  expect(await t.query('SELECT status FROM tickets WHERE id = $1', [ticketId])).toEqual([before]);
  const app = await application();
  expect(app.status).toBe(403);
  expect(app.body.error.code).toBe('NOT_PROPOSER');
}

describe('company staff act only under a contract that covers today', () => {
  test('the attack: after the contract ends, no households, no picker, no ticket action, no fund application; its past ticket stays readable', async () => {
    // while the contract runs, every door is open (so the refusals below are the contract's doing)
    const ticketId = await fileRepair();
    expect((await householdsOf(company)).body.length).toBeGreaterThan(0);
    expect((await rooms(company)).status).toBe(200);
    expect((await t.api.post(`/api/tickets/${ticketId}/accept`).set(bearer(company)).send({})).status).toBe(200);

    const ended = await t.api
      .put(`/api/projects/${place.project_id}`)
      .set(bearer(city))
      .send({ endDate: beijingDay(-1) });
    expect(ended.status).toBe(200);
    await expectNoPower(ticketId);
    // history: the company still reads the case it handled, read-only
    const seen = await t.api.get(`/api/tickets/${ticketId}`).set(bearer(company));
    expect(seen.status).toBe(200);
    expect(seen.body.status).toBe('accepted');
  });

  test('a contract that starts tomorrow gives no power yet; from its first day it does', async () => {
    await t.query(`UPDATE projects SET start_date = $2, end_date = $3 WHERE id = $1`, [place.project_id, beijingDay(-365), beijingDay(365)]);
    const ticketId = await fileRepair();
    await t.query(`UPDATE projects SET start_date = $2, end_date = $3 WHERE id = $1`, [place.project_id, beijingDay(1), beijingDay(365)]);
    await expectNoPower(ticketId);

    await t.query(`UPDATE projects SET start_date = $2 WHERE id = $1`, [place.project_id, beijingDay(0)]);
    expect((await householdsOf(company)).body.length).toBeGreaterThan(0);
    expect((await t.api.post(`/api/tickets/${ticketId}/accept`).set(bearer(company)).send({})).status).toBe(200);
    expect((await application()).status).toBe(201);
  });
});
