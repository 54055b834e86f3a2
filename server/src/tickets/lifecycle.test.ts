import { createTestApi, type TestApi } from '../../../test/support/api';

/**
 * Issue 16 §1: one lifecycle read the same way by the staff queue, the resident and statistics
 * (shared lifecycle.ts), and hotline cases entered with a landline.
 */
let t: TestApi;
let home: { household_id: number; compound_id: number };
let resident: string;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const complaint = { kind: 'complaint', category: 'service_quality', against: 'company', description: '物业客服电话长期无人接听' };
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const list = (token: string, filter: Record<string, unknown>) =>
  t.api.get(`/api/tickets?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,999]`).set(bearer(token));

beforeAll(async () => {
  t = await createTestApi();
  [home] = await t.query(`SELECT id AS household_id, compound_id FROM households WHERE region_code = '150203001001' ORDER BY id DESC LIMIT 1`);
  resident = await t.residentToken('lifecycle-a');
  const claim = await t.api.post('/api/household-claims').set(bearer(resident)).send({ householdId: home.household_id, name: '住户', phone: '13900000001' });
  await t.api.post(`/api/household-claims/${claim.body.id}/approve`).set(bearer(await t.login('city')));
});
afterAll(() => t.close());

describe('hotline cases with a landline (issue 16 §1)', () => {
  test('community staff enter a case from 0472 5267086: saved, phone stored normalised and masked in lists', async () => {
    const community = await t.login('community');
    const res = await t.api
      .post('/api/tickets')
      .set(bearer(community))
      .send({ ...complaint, householdId: home.household_id, channel: 'hotline', contactName: '赵先生', contactPhone: '0472 5267086' });
    expect(res.status).toBe(201);
    expect(res.body.contactPhone).toBe('047*****7086');
    const full = await t.api.get(`/api/tickets/${res.body.id}/contact`).set(bearer(community));
    expect(full.body).toMatchObject({ contactName: '赵先生', contactPhone: '0472-5267086' });
  });

  test('a phone that is neither mobile nor landline is refused on the field, nothing saved', async () => {
    const community = await t.login('community');
    const [{ n }] = await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets`);
    const res = await t.api
      .post('/api/tickets')
      .set(bearer(community))
      .send({ ...complaint, householdId: home.household_id, channel: 'hotline', contactName: '赵先生', contactPhone: '0472-52' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('固定电话');
    expect((await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets`))[0].n).toBe(n);
  });

  test('binding a home still needs a mobile', async () => {
    const token = await t.residentToken('lifecycle-landline');
    const res = await t.api.post('/api/household-claims').set(bearer(token)).send({ householdId: home.household_id, name: '住户', phone: '0472-5267086' });
    expect(res.status).toBe(400);
  });
});

describe('one lifecycle for the queue, the resident and statistics', () => {
  test('a rated case stays in the staff to-do queue as 已评价待办结 and counts as closed only once closed', async () => {
    const community = await t.login('community');
    const id = (
      await t.api
        .post('/api/tickets')
        .set(bearer(resident))
        .send({ householdId: home.household_id, ...complaint })
    ).body.id;
    await t.api.post(`/api/tickets/${id}/accept`).set(bearer(community)).send({ department: '沼潭社区调解室', person: '王小明' });
    await t.api.post(`/api/tickets/${id}/resolve`).set(bearer(community)).send({ result: '已约谈物业，客服电话专人值守' });
    // 待评价: the resident's turn, not in the staff's to-do queue
    expect((await list(community, { todo: true })).body.map((r: { id: number }) => r.id)).not.toContain(id);
    expect((await list(community, { phase: 'awaiting_rating' })).body.map((r: { id: number }) => r.id)).toContain(id);
    expect((await t.api.post(`/api/tickets/${id}/confirm`).set(bearer(resident)).send({ rating: 5 })).status).toBe(200);

    const stats = async () => {
      const res = await t.api.get(`/api/tickets/stats?from=${today()}&to=${today()}&groupBy=compound`).set(bearer(community));
      return res.body.find((r: { key: string }) => r.key === String(home.compound_id));
    };
    // rated: back in the queue (the answer and the closing are left), not yet 办结
    const queue = (await list(community, { todo: true })).body;
    expect(queue.find((r: { id: number }) => r.id === id)).toMatchObject({ status: 'confirmed' });
    expect((await list(community, { phase: 'awaiting_close' })).body.map((r: { id: number }) => r.id)).toContain(id);
    const before = await stats();
    expect(before.awaitingClose).toBeGreaterThanOrEqual(1);

    await t.api.post(`/api/tickets/${id}/answer`).set(bearer(community)).send({ answer: '物业已承诺客服电话专人值守。' });
    expect((await t.api.post(`/api/tickets/${id}/close`).set(bearer(community)).send({})).body.status).toBe('closed');
    expect((await list(community, { todo: true })).body.map((r: { id: number }) => r.id)).not.toContain(id);
    const after = await stats();
    expect(after.closed).toBe(before.closed + 1);
    expect(after.awaitingClose).toBe(before.awaitingClose - 1);
    expect(after.closureRatePermille).toBeGreaterThan(0);
  });

  test('an unknown phase is a 400, not a 500', async () => {
    expect((await list(await t.login('community'), { phase: 'done' })).status).toBe(400);
  });
});
