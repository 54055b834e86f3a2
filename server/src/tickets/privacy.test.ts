import { createTestApi, type TestApi } from '../../../test/support/api';

/** Issue 9 §9 for tickets (DOMAIN.md §7, PIPL): personal data by role. On real PostgreSQL. */
let t: TestApi;
let home: { household_id: number; compound_id: number };
let resident: string;
let hotlineId: number;

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const complaint = { kind: 'complaint', category: 'security', against: 'company', description: '夜间单元门禁失灵，陌生人随意进出' };
const caller = { contactName: '李秀英', contactPhone: '13812345678' };

beforeAll(async () => {
  t = await createTestApi();
  [home] = await t.query(`SELECT id AS household_id, compound_id FROM households WHERE region_code = '150203001001' ORDER BY id LIMIT 1`);
  resident = await t.residentToken('privacy-resident');
  const claim = await t.api.post('/api/household-claims').set(bearer(resident)).send({ householdId: home.household_id, name: '租户', phone: '13900000002' });
  await t.api.post(`/api/household-claims/${claim.body.id}/approve`).set(bearer(await t.login('city')));
  // The 5267086 hotline: community staff enter a call about the home; its verified resident follows the case.
  const res = await t.api
    .post('/api/tickets')
    .set(bearer(await t.login('community')))
    .send({ ...complaint, householdId: home.household_id, channel: 'hotline', ...caller });
  expect(res.status).toBe(201);
  hotlineId = res.body.id;
});
afterAll(async () => {
  await t.close();
});

describe("a hotline caller's name and phone", () => {
  test("issue 9: the home's resident sees the caller masked (张* and 138****5678) in the case, and not at all in the list", async () => {
    const one = await t.api.get(`/api/tickets/${hotlineId}`).set(bearer(resident));
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ contactName: '李*', contactPhone: '138****5678' });
    const list = await t.api.get('/api/tickets').set(bearer(resident));
    const row = list.body.find((r: { id: number }) => r.id === hotlineId);
    expect(row).toBeDefined();
    expect(row).not.toHaveProperty('contactName');
    expect(row).not.toHaveProperty('contactPhone');
    expect(JSON.stringify(list.body)).not.toContain('李秀英');
    // nor the full phone by the contact route
    expect((await t.api.get(`/api/tickets/${hotlineId}/contact`).set(bearer(resident))).status).toBe(403);
  });

  test('the staff handling the case see the name in full, and get the phone by the audited contact route', async () => {
    const community = await t.login('community');
    expect((await t.api.get(`/api/tickets/${hotlineId}`).set(bearer(community))).body).toMatchObject({ contactName: '李秀英', contactPhone: '138****5678' });
    const contact = await t.api.get(`/api/tickets/${hotlineId}/contact`).set(bearer(community));
    expect(contact.status).toBe(200);
    expect(contact.body).toEqual({ id: hotlineId, ...caller });
    const audits = await t.query(`SELECT actor_name FROM audit_logs WHERE entity = 'tickets' AND entity_id = $1 AND action = 'view_personal'`, [
      String(hotlineId),
    ]);
    expect(audits).toHaveLength(1);
  });

  test('sibling: staff who may look but do not handle the case (the city, the street above) see it masked, and get no contact', async () => {
    for (const username of ['city', 'street', 'd150203']) {
      const token = await t.login(username);
      const res = await t.api.get(`/api/tickets/${hotlineId}`).set(bearer(token));
      expect([username, res.status, res.body.contactName]).toEqual([username, 200, '李*']);
      const contact = await t.api.get(`/api/tickets/${hotlineId}/contact`).set(bearer(token));
      expect([username, contact.status, contact.body.error?.code]).toEqual([username, 403, 'NOT_HANDLER']);
    }
    // staff of another district: the case does not exist for them
    expect((await t.api.get(`/api/tickets/${hotlineId}/contact`).set(bearer(await t.login('d150202')))).status).toBe(404);
  });

  test("sibling: the resident's timeline names no staff member, not even in the note of the hotline entry", async () => {
    const [{ name }] = await t.query<{ name: string }>(`SELECT name FROM users WHERE username = 'community'`);
    const filter = encodeURIComponent(JSON.stringify({ ticketId: hotlineId }));
    const events = await t.api.get(`/api/ticket-events?filter=${filter}`).set(bearer(resident));
    expect(events.status).toBe(200);
    expect(events.body[0]).toMatchObject({ action: 'create', note: '工作人员代居民登记（5267086热线）' });
    expect(JSON.stringify(events.body)).not.toContain(name);
  });
});

describe('party-building staff and ticket statistics', () => {
  test('issue 9: party staff get 403 on ticket statistics, for every grouping; bureau staff still get them', async () => {
    const party = await t.login('party');
    for (const groupBy of ['district', 'street', 'compound', 'company']) {
      const res = await t.api.get(`/api/tickets/stats?from=2026-01-01&to=2026-12-31&groupBy=${groupBy}`).set(bearer(party));
      expect([groupBy, res.status, res.body.error?.code]).toEqual([groupBy, 403, 'ROLE_FORBIDDEN']);
    }
    expect((await t.api.get('/api/tickets/stats?from=2026-01-01&to=2026-12-31').set(bearer(await t.login('city')))).status).toBe(200);
  });

  test('sibling: nor do they read a case, its timeline, or its caller', async () => {
    const party = await t.login('party');
    expect((await t.api.get(`/api/tickets/${hotlineId}`).set(bearer(party))).status).toBeGreaterThanOrEqual(403);
    expect((await t.api.get(`/api/ticket-events?filter=${encodeURIComponent(JSON.stringify({ ticketId: hotlineId }))}`).set(bearer(party))).status).toBe(403);
    expect((await t.api.get(`/api/tickets/${hotlineId}/contact`).set(bearer(party))).status).toBe(404);
  });
});
