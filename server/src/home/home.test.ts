import { HOME_ITEMS } from '@baotou/shared';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { residentWithHome, unclaimedHomes } from '../../../test/support/residents';

/** GET /api/home (issue 16 §4): each figure equals the row count of the list it links to, per role. */
let t: TestApi;
let overdueId: number;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function listTotal(token: string, resource: string, filter: Record<string, unknown>): Promise<number> {
  const res = await t.api
    .get(`/api/${resource}`)
    .query({ filter: JSON.stringify(filter), range: '[0,24]' })
    .set(bearer(token));
  expect(res.status).toBe(200);
  return Number(/\/(\d+)$/.exec(res.headers['content-range'])![1]);
}

beforeAll(async () => {
  t = await createTestApi();
  const [{ compound_id }] = await t.query<{ compound_id: number }>(
    `SELECT compound_id FROM households WHERE region_code = '150203001001' GROUP BY compound_id ORDER BY compound_id LIMIT 1`,
  );
  const home = await unclaimedHomes(t, compound_id)();
  const resident = await residentWithHome(t, 'home-overdue', home.id);
  const filed = await t.api
    .post('/api/tickets')
    .set(bearer(resident))
    .send({ householdId: home.id, kind: 'complaint', category: 'sanitation', against: 'company', description: '垃圾清运不及时，楼道有异味' });
  overdueId = filed.body.id;
  // A case past its time limit that has already moved up once (as the scheduler would leave it).
  await t.query(`UPDATE tickets SET due_at = now() - interval '2 hours', escalation_count = 1 WHERE id = $1`, [overdueId]);
});
afterAll(() => t.close());

describe('home figures = the rows of the list they link to', () => {
  test.each(['city', 'd150203', 'd150202', 'street', 'community', 'company', 'party'])('%s', async (username) => {
    const token = await t.login(username);
    const res = await t.api.get('/api/home').set(bearer(token));
    expect(res.status).toBe(200);
    for (const item of res.body.items) {
      expect(HOME_ITEMS.some((d) => d.key === item.key && d.resource === item.resource)).toBe(true);
      expect({ key: item.key, count: await listTotal(token, item.resource, item.filter) }).toEqual({ key: item.key, count: item.count });
    }
    for (const chart of res.body.charts) for (const bar of chart.bars) expect(await listTotal(token, chart.resource, bar.filter)).toBe(bar.value);
  });

  test('the overdue, escalated case counts in its community, street, district and city, not in another district', async () => {
    const counts = async (username: string) => {
      const res = await t.api.get('/api/home').set(bearer(await t.login(username)));
      return Object.fromEntries(res.body.items.map((i: { key: string; count: number }) => [i.key, i.count]));
    };
    for (const who of ['community', 'street', 'd150203', 'city']) {
      const c = await counts(who);
      expect(c.ticketsOverdue).toBeGreaterThanOrEqual(1);
      expect(c.ticketsEscalated).toBeGreaterThanOrEqual(1);
    }
    const other = await t.api
      .get('/api/tickets')
      .query({ filter: JSON.stringify({ overdue: true, id: [overdueId] }) })
      .set(bearer(await t.login('d150202')));
    expect(other.body).toEqual([]);
    // the community's overdue list holds the case
    const list = await t.api
      .get('/api/tickets')
      .query({ filter: JSON.stringify({ overdue: true }), range: '[0,99]' })
      .set(bearer(await t.login('community')));
    expect(list.body.some((r: { id: number }) => r.id === overdueId)).toBe(true);
  });

  test('roles see the items of their duty: claims for bureau staff, no fund figures for party staff, the company its own queue', async () => {
    const keys = async (username: string) => (await t.api.get('/api/home').set(bearer(await t.login(username)))).body.items.map((i: { key: string }) => i.key);
    expect(await keys('community')).toEqual(expect.arrayContaining(['ticketsAtMyLevel', 'claimsPending', 'ticketsOverdue', 'committeesNotFiled']));
    const party = await keys('party');
    expect(party.some((k: string) => k.startsWith('fund') || k.startsWith('tickets'))).toBe(false);
    const company = await keys('company');
    expect(company).toContain('ticketsAtMyLevel');
    expect(company).not.toContain('claimsPending');
  });

  test('the city compares districts: one bar per district, summing to the city’s open cases', async () => {
    const token = await t.login('city');
    const res = await t.api.get('/api/home').set(bearer(token));
    const open = res.body.charts.find((c: { key: string }) => c.key === 'openTicketsByRegion');
    expect(open.bars.map((b: { code: string }) => b.code)).toContain('150203');
    expect(open.bars.every((b: { code: string }) => b.code.length === 6)).toBe(true);
    const sum = open.bars.reduce((n: number, b: { value: number }) => n + b.value, 0);
    expect(sum).toBe(await listTotal(token, 'tickets', { open: true }));
  });

  test('residents have no console home (403); no sign-in → 401', async () => {
    expect((await t.api.get('/api/home').set(bearer(await t.residentToken('home-resident')))).status).toBe(403);
    expect((await t.api.get('/api/home')).status).toBe(401);
  });
});
