import { createTestApi, type TestApi } from '../../../test/support/api';

/**
 * Issue 16 §1–2: the company handling a resident's repair can reach them — the resident chooses what
 * to share when filing; the handler opens the phone through the audited contact route — and the
 * header names each deadline and the accepting unit.
 */
let t: TestApi;
let home: { household_id: number; company_name: string };
let resident: string;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const repair = { kind: 'repair', category: 'plumbing', description: '卫生间下水管堵塞，污水外溢', preferredTime: '尽快' };

beforeAll(async () => {
  t = await createTestApi();
  [home] = await t.query(
    `SELECT h.id AS household_id, co.name AS company_name FROM households h
       JOIN projects p ON p.compound_id = h.compound_id AND p.start_date <= current_date AND p.end_date >= current_date
       JOIN users u ON u.username = 'company' AND u.company_id = p.company_id JOIN companies co ON co.id = p.company_id
      ORDER BY h.id DESC LIMIT 1`,
  );
  resident = await t.residentToken('contact-share');
  const claim = await t.api.post('/api/household-claims').set(bearer(resident)).send({ householdId: home.household_id, name: '孙丽华', phone: '13912340001' });
  const approved = await t.api.post(`/api/household-claims/${claim.body.id}/approve`).set(bearer(await t.login('city')));
  expect(approved.body.status).toBe('verified');
});
afterAll(() => t.close());

const file = (body: Record<string, unknown>) =>
  t.api
    .post('/api/tickets')
    .set(bearer(resident))
    .send({ householdId: home.household_id, ...repair, ...body });

describe('the resident chooses what the handler sees', () => {
  test('name and phone (the default): the company sees the name and the masked phone, the full phone audited', async () => {
    const res = await file({});
    expect(res.status).toBe(201);
    const company = await t.login('company');
    const seen = (await t.api.get(`/api/tickets/${res.body.id}`).set(bearer(company))).body;
    expect(seen).toMatchObject({ channel: 'mini', contactName: '孙丽华', contactPhone: '139****0001' });
    const before = (
      await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'view_personal' AND entity = 'tickets' AND entity_id = $1`, [
        String(res.body.id),
      ])
    )[0].n;
    const full = await t.api.get(`/api/tickets/${res.body.id}/contact`).set(bearer(company));
    expect(full.body).toEqual({ id: res.body.id, contactName: '孙丽华', contactPhone: '13912340001' });
    expect(
      (
        await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'view_personal' AND entity = 'tickets' AND entity_id = $1`, [
          String(res.body.id),
        ])
      )[0].n,
    ).toBe(before + 1);
  });

  test('phone only: no name', async () => {
    const res = await file({ shareContact: 'phone' });
    const seen = (await t.api.get(`/api/tickets/${res.body.id}`).set(bearer(await t.login('company')))).body;
    expect(seen).toMatchObject({ contactName: null, contactPhone: '139****0001' });
  });

  test('nothing: neither, and the contact route has nothing to give', async () => {
    const res = await file({ shareContact: 'none' });
    const company = await t.login('company');
    expect((await t.api.get(`/api/tickets/${res.body.id}`).set(bearer(company))).body).toMatchObject({ contactName: null, contactPhone: null });
    expect((await t.api.get(`/api/tickets/${res.body.id}/contact`).set(bearer(company))).body).toMatchObject({ contactName: null, contactPhone: null });
  });

  test('an unknown choice is a 400 on the field, nothing filed', async () => {
    const [{ n }] = await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets`);
    const res = await file({ shareContact: 'everything' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('shareContact');
    expect((await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets`))[0].n).toBe(n);
  });

  test('the resident reads their own contact masked and cannot open it in full', async () => {
    const res = await file({});
    expect((await t.api.get(`/api/tickets/${res.body.id}`).set(bearer(resident))).body.contactPhone).toBe('139****0001');
    expect((await t.api.get(`/api/tickets/${res.body.id}/contact`).set(bearer(resident))).status).toBe(403);
  });
});

describe('named deadlines and the accepting unit', () => {
  test('待受理 counts down to 响应时限, then to 办结时限; 受理部门 is the company, 受理人员 masked for the resident', async () => {
    const id = (await file({})).body.id;
    const company = await t.login('company');
    const filed = (await t.api.get(`/api/tickets/${id}`).set(bearer(company))).body;
    expect(filed).toMatchObject({ status: 'submitted', dueKind: 'response', dueAt: filed.responseDueAt });
    const accepted = (await t.api.post(`/api/tickets/${id}/accept`).set(bearer(company)).send({})).body;
    expect(accepted).toMatchObject({ status: 'accepted', dueKind: 'resolve', dueAt: accepted.resolveDueAt, acceptDepartment: home.company_name });
    const mine = (await t.api.get(`/api/tickets/${id}`).set(bearer(resident))).body;
    expect(mine.acceptDepartment).toBe(home.company_name);
    expect(mine.acceptPersonName).toMatch(/^.\*+$/);
    await t.api.post(`/api/tickets/${id}/resolve`).set(bearer(company)).send({ result: '已疏通' });
    expect((await t.api.get(`/api/tickets/${id}`).set(bearer(company))).body).toMatchObject({ dueKind: null, timeLeftSeconds: null });
  });
});
