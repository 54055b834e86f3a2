import { createTestApi, type TestApi } from '../../../test/support/api';

/**
 * Issue 9 §10, the resident's last word (DOMAIN.md §6): a resolved case waits for its resident —
 * confirm with a rating, reject once, or the automatic confirmation after TICKET_AUTO_CONFIRM_DAYS
 * (7) — and only then may staff close it. On real PostgreSQL.
 */
let t: TestApi;
let home: { household_id: number; compound_id: number };
let resident: string;
let company: string;
let community: string;
let city: string;

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const repair = { kind: 'repair', category: 'plumbing', description: '卫生间地漏返水，地面积水' };
const complaint = { kind: 'complaint', category: 'sanitation', against: 'company', description: '垃圾清运不及时，楼道有异味' };
const DAY = 86_400_000;

const post = (token: string, id: number, action: string, body: Record<string, unknown> = {}) =>
  t.api.post(`/api/tickets/${id}/${action}`).set(bearer(token)).send(body);
const row = async (id: number) => (await t.query<Record<string, any>>(`SELECT * FROM tickets WHERE id = $1`, [id]))[0];
const count = async (sql: string, params: unknown[]) => (await t.query<{ n: number }>(sql, params))[0].n;
const scheduler = (now: Date) => t.api.post('/api/test/tickets/escalate-overdue').set(bearer(city)).send({ now: now.toISOString() });

async function fileTicket(body: Record<string, unknown>): Promise<number> {
  const res = await t.api
    .post('/api/tickets')
    .set(bearer(resident))
    .send({ householdId: home.household_id, ...body });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** A repair the company has resolved: the case now waits for the resident. */
async function resolvedRepair(): Promise<number> {
  const id = await fileTicket(repair);
  expect((await post(company, id, 'dispatch', { workerName: '张师傅' })).status).toBe(200);
  expect((await post(company, id, 'resolve', { result: '已疏通地漏并更换存水弯' })).status).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await createTestApi();
  [home] = await t.query(
    `SELECT h.id AS household_id, h.compound_id FROM households h
       JOIN projects p ON p.compound_id = h.compound_id AND p.start_date <= current_date AND p.end_date >= current_date
       JOIN users u ON u.username = 'company' AND u.company_id = p.company_id
      WHERE h.region_code = '150203001001' ORDER BY h.id LIMIT 1`,
  );
  if (!home) {
    // Give the `company` account's company a current project in 沼潭社区 if the seed gave it none there.
    [home] = await t.query(`SELECT id AS household_id, compound_id FROM households WHERE region_code = '150203001001' ORDER BY id LIMIT 1`);
    await t.query(
      `INSERT INTO projects (company_id, compound_id, region_code, start_date, end_date, fee_fen_per_m_2_month, service_level, manager_name)
       SELECT company_id, $1, '150203001001', current_date - 30, current_date + 365, 100, 3, '王经理' FROM users WHERE username = 'company'`,
      [home.compound_id],
    );
  }
  resident = await t.residentToken('confirm-resident');
  city = await t.login('city');
  const claim = await t.api.post('/api/household-claims').set(bearer(resident)).send({ householdId: home.household_id, name: '租户', phone: '13900000001' });
  await t.api.post(`/api/household-claims/${claim.body.id}/approve`).set(bearer(city));
  company = await t.login('company');
  community = await t.login('community');
});
afterAll(async () => {
  await t.close();
});

describe('staff cannot close before the resident has had their word', () => {
  test('issue 9: resolve → answer → close at once → 409 AWAITING_RESIDENT, nothing changes; the rejection then still works', async () => {
    const id = await resolvedRepair();
    expect((await post(company, id, 'answer', { answer: '已处理完毕' })).status).toBe(200);
    const events = await count(`SELECT count(*)::int AS n FROM ticket_events WHERE ticket_id = $1`, [id]);
    const close = await post(company, id, 'close');
    expect(close.status).toBe(409);
    expect(close.body.error.code).toBe('AWAITING_RESIDENT');
    expect(await row(id)).toMatchObject({ status: 'resolved', closed_at: null });
    expect(await count(`SELECT count(*)::int AS n FROM ticket_events WHERE ticket_id = $1`, [id])).toBe(events);
    expect(await count(`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'tickets' AND entity_id = $1 AND action = 'close'`, [String(id)])).toBe(0);
    // the resident's one rejection is still theirs: the repair reopens with its company
    const rejected = await post(resident, id, 'reject', { reason: '还在返水' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'accepted', level: 'company', rejectedOnce: true });
  });

  test('the same at the community for a complaint: close waits, the rating is recorded, then it closes', async () => {
    const id = await fileTicket(complaint);
    await post(community, id, 'accept');
    await post(community, id, 'resolve', { result: '已约谈物业，增加清运频次' });
    await post(community, id, 'answer', { answer: '物业公司已承诺每日清运两次。' });
    const early = await post(community, id, 'close');
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('AWAITING_RESIDENT');
    const rated = await post(resident, id, 'confirm', { rating: 4, tags: ['fast'], comment: '处理及时' });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ status: 'confirmed', rating: 4, ratingTags: ['fast'], autoConfirmed: false, autoConfirmAt: null });
    const closed = await post(community, id, 'close');
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    // closed is final: no rejection, no second rating
    expect((await post(resident, id, 'reject', { reason: '改主意了' })).body.error.code).toBe('INVALID_TRANSITION');
    expect((await post(resident, id, 'confirm', { rating: 1 })).status).toBe(409);
    expect((await row(id)).rating).toBe(4);
  });
});

describe('the resident rejects once', () => {
  test('a repair rejected once reopens; after the second result a second rejection → 409 REJECT_USED, the rating is still theirs', async () => {
    const id = await resolvedRepair();
    expect((await post(resident, id, 'reject', { reason: '还在返水' })).status).toBe(200);
    expect((await post(company, id, 'resolve', { result: '更换地漏芯' })).status).toBe(200);
    const again = await post(resident, id, 'reject', { reason: '还是不行' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('REJECT_USED');
    expect(await row(id)).toMatchObject({ status: 'resolved', reject_reason: '还在返水' });
    // and staff still wait for the resident
    expect((await post(company, id, 'answer', { answer: '已二次维修' })).status).toBe(200);
    expect((await post(company, id, 'close')).body.error.code).toBe('AWAITING_RESIDENT');
    expect((await post(resident, id, 'confirm', { rating: 3 })).body).toMatchObject({ status: 'confirmed', rating: 3 });
  });
});

describe('automatic confirmation after TICKET_AUTO_CONFIRM_DAYS (7), with the injected clock', () => {
  test('not a second early; at 7 days confirmed with no rating, audited; then it may close', async () => {
    const id = await resolvedRepair();
    const { resolved_at } = await row(id);
    const at = (ms: number) => new Date(resolved_at.getTime() + ms);
    // the resident is told when
    const seen = await t.api.get(`/api/tickets/${id}`).set(bearer(resident));
    expect(seen.body.autoConfirmAt).toBe(at(7 * DAY).toISOString());

    const before = await scheduler(at(7 * DAY - 1000));
    expect(before.status).toBe(200);
    expect(before.body.confirmed).not.toContainEqual({ id });
    expect((await row(id)).status).toBe('resolved');

    const run = await scheduler(at(7 * DAY));
    expect(run.body.confirmed).toContainEqual({ id });
    expect(await row(id)).toMatchObject({ status: 'confirmed', auto_confirmed: true, rating: null, confirmed_at: at(7 * DAY) });
    const [event] = await t.query(
      `SELECT action, from_status, to_status, actor_id, actor_name FROM ticket_events WHERE ticket_id = $1 ORDER BY id DESC LIMIT 1`,
      [id],
    );
    expect(event).toEqual({ action: 'confirm', from_status: 'resolved', to_status: 'confirmed', actor_id: null, actor_name: '系统' });
    const [audit] = await t.query(`SELECT actor_id, after FROM audit_logs WHERE entity = 'tickets' AND entity_id = $1 AND action = 'confirm'`, [String(id)]);
    expect(audit).toMatchObject({ actor_id: null, after: { status: 'confirmed', autoConfirmed: true } });

    // the resident's chance has passed; staff may now close (with an answer)
    expect((await post(resident, id, 'confirm', { rating: 5 })).status).toBe(409);
    expect((await post(resident, id, 'reject', { reason: '晚了' })).status).toBe(409);
    expect((await post(company, id, 'answer', { answer: '已处理，居民逾期未评价' })).status).toBe(200);
    expect((await post(company, id, 'close')).body).toMatchObject({ status: 'closed', autoConfirmed: true, rating: null });
  });

  test('replaying the run (same clock, later clock) confirms nothing twice', async () => {
    const id = await resolvedRepair();
    const due = new Date((await row(id)).resolved_at.getTime() + 7 * DAY);
    expect((await scheduler(due)).body.confirmed).toContainEqual({ id });
    const again = await Promise.all([scheduler(due), scheduler(due), scheduler(new Date(due.getTime() + 30 * DAY))]);
    for (const r of again) expect(r.body.confirmed).not.toContainEqual({ id });
    expect(await count(`SELECT count(*)::int AS n FROM ticket_events WHERE ticket_id = $1 AND action = 'confirm'`, [id])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'tickets' AND entity_id = $1 AND action = 'confirm'`, [String(id)])).toBe(1);
    expect((await row(id)).confirmed_at).toEqual(due);
  });

  test('a case the resident rated is left alone by the scheduler; a reopened one waits again from its new result', async () => {
    const rated = await resolvedRepair();
    await post(resident, rated, 'confirm', { rating: 5 });
    const reopened = await resolvedRepair();
    await post(resident, reopened, 'reject', { reason: '没修好' });
    const late = new Date(Date.now() + 8 * DAY);
    const run = await scheduler(late);
    expect(run.body.confirmed).not.toContainEqual({ id: rated });
    expect(run.body.confirmed).not.toContainEqual({ id: reopened });
    expect(await row(rated)).toMatchObject({ status: 'confirmed', rating: 5, auto_confirmed: false });
    // (the same run moved the reopened repair up for overrunning its deadline; confirming it was never in question)
    expect(await row(reopened)).toMatchObject({ confirmed_at: null, auto_confirmed: false });
    expect((await row(reopened)).status).not.toBe('confirmed');
  });
});

describe('at most one word from the resident, 20-way in parallel', () => {
  test('20 parallel confirmations with different ratings: one 200, nineteen 409, one rating and one event', async () => {
    const id = await resolvedRepair();
    const ratings = Array.from({ length: 20 }, (_, i) => 1 + (i % 5));
    const res = await Promise.all(ratings.map((rating) => post(resident, id, 'confirm', { rating })));
    const ok = res.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    expect(res.filter((r) => r.status === 409 && r.body.error.code === 'INVALID_TRANSITION')).toHaveLength(19);
    expect((await row(id)).rating).toBe(ok[0].body.rating);
    expect(await count(`SELECT count(*)::int AS n FROM ticket_events WHERE ticket_id = $1 AND action = 'confirm'`, [id])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'tickets' AND entity_id = $1 AND action = 'confirm'`, [String(id)])).toBe(1);
  });

  test('20 at once — confirmations, rejections, staff closes and scheduler runs — leave exactly one outcome', async () => {
    const id = await resolvedRepair();
    await post(company, id, 'answer', { answer: '已处理' });
    const due = new Date((await row(id)).resolved_at.getTime() + 7 * DAY);
    const calls = Array.from({ length: 20 }, (_, i) =>
      [
        () => post(resident, id, 'confirm', { rating: 5 }),
        () => post(resident, id, 'reject', { reason: '不满意' }),
        () => post(company, id, 'close'),
        () => scheduler(due),
      ][i % 4](),
    );
    await Promise.all(calls);
    const words = await t.query<{ action: string }>(`SELECT action FROM ticket_events WHERE ticket_id = $1 AND action IN ('confirm', 'reject') ORDER BY id`, [
      id,
    ]);
    expect(words).toHaveLength(1);
    const after = await row(id);
    const closes = await count(`SELECT count(*)::int AS n FROM ticket_events WHERE ticket_id = $1 AND action = 'close'`, [id]);
    // a close only ever follows the confirmation
    if (words[0].action === 'reject') expect([['accepted', 'submitted'].includes(after.status), closes]).toEqual([true, 0]);
    else expect(closes).toBeLessThanOrEqual(1);
    expect(after.rating === null || after.rating === 5).toBe(true);
  });
});

describe('statistics read the same lifecycle', () => {
  test('a case waiting for its resident is not closed; an automatic confirmation adds no rating', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const stats = async () => {
      const res = await t.api.get(`/api/tickets/stats?from=${today}&to=${today}&groupBy=compound`).set(bearer(community));
      expect(res.status).toBe(200);
      return res.body.find((r: { key: string }) => r.key === String(home.compound_id));
    };
    const s0 = await stats();
    const id = await resolvedRepair();
    await post(company, id, 'answer', { answer: '已修好' });
    await post(company, id, 'close');
    const s1 = await stats();
    expect(s1).toMatchObject({ received: s0.received + 1, closed: s0.closed, resolved: s0.resolved + 1, ratingCount: s0.ratingCount });
    await scheduler(new Date((await row(id)).resolved_at.getTime() + 7 * DAY));
    await post(company, id, 'close');
    const s2 = await stats();
    expect(s2).toMatchObject({ closed: s0.closed + 1, ratingCount: s0.ratingCount, ratingSum: s0.ratingSum });
    // the list's 已办结 and the statistics' 办结量 count the same cases
    const q = encodeURIComponent(JSON.stringify({ compoundId: home.compound_id, status: 'closed' }));
    const list = await t.api.get(`/api/tickets?filter=${q}&range=[0,0]`).set(bearer(community));
    expect(Number(list.headers['content-range'].split('/')[1])).toBe(s2.closed);
  });
});
