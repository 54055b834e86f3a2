import { createTestApi, type TestApi } from '../../../test/support/api';
import { committeeMemberHome, residentWithHome, unclaimedHomes } from '../../../test/support/residents';
import { notify } from './outbox';

/** Notifications (issue 16 §4): the outbox, the dispatcher over WeChat's protocol, the console's list. */
let t: TestApi;
let compoundId: number;
let nextHome: ReturnType<typeof unclaimedHomes>;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const complaint = { kind: 'complaint', category: 'sanitation', against: 'company', description: '垃圾清运不及时，楼道有异味' };

async function settle() {
  for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 20));
}

beforeAll(async () => {
  t = await createTestApi();
  // A compound of 沼潭社区 (the demo `community` account's jurisdiction).
  [{ compound_id: compoundId }] = await t.query<{ compound_id: number }>(
    `SELECT compound_id FROM households WHERE region_code = '150203001001' GROUP BY compound_id ORDER BY compound_id LIMIT 1`,
  );
  nextHome = unclaimedHomes(t, compoundId);
});
afterAll(() => t.close());

async function wechatRow(openid: string, eventKey: string) {
  const [{ id: userId }] = await t.query<{ id: number }>(`SELECT id FROM users WHERE openid = $1`, [openid]);
  return {
    userId,
    channel: 'wechat' as const,
    kind: 'bill' as const,
    eventKey,
    title: '账单',
    body: '物业费账单已出',
    payload: { template_id: 'fund-notice-template', page: 'pages/home/index', data: { thing1: { value: eventKey } } },
  };
}

describe('staff see what reached their queue in the console', () => {
  test('a complaint filed by a resident appears in the community worker’s list, not in another community’s; marking it read', async () => {
    const home = await nextHome();
    const resident = await residentWithHome(t, 'notify-staff', home.id);
    const filed = await t.api
      .post('/api/tickets')
      .set(bearer(resident))
      .send({ householdId: home.id, ...complaint });
    expect(filed.status).toBe(201);
    const community = await t.login('community');
    const list = await t.api
      .get('/api/notifications')
      .query({ filter: JSON.stringify({ unread: true }) })
      .set(bearer(community));
    expect(list.status).toBe(200);
    const mine = list.body.find((n: { entityId: string }) => n.entityId === String(filed.body.id));
    expect(mine).toMatchObject({ kind: 'ticket_queue', channel: 'console', link: `/tickets/${filed.body.id}/show` });
    expect(mine.title).toContain(`T${filed.body.id}`);
    expect(list.headers['content-range']).toMatch(/^notifications \d+-\d+\/\d+$/);
    // the street above and the resident do not see the community's console row
    const street = await t.api.get('/api/notifications').set(bearer(await t.login('street')));
    expect(street.body.some((n: { entityId: string }) => n.entityId === String(filed.body.id))).toBe(false);
    expect((await t.api.get(`/api/notifications/${mine.id}`).set(bearer(resident))).status).toBe(404);
    // someone else cannot mark it read; its reader can, once
    expect((await t.api.post(`/api/notifications/${mine.id}/read`).set(bearer(await t.login('street')))).status).toBe(404);
    const read = await t.api.post(`/api/notifications/${mine.id}/read`).set(bearer(community));
    expect(read.status).toBe(200);
    expect(read.body.readAt).toBeTruthy();
    const unread = await t.api
      .get('/api/notifications')
      .query({ filter: JSON.stringify({ unread: true }) })
      .set(bearer(community));
    expect(unread.body.some((n: { id: number }) => n.id === mine.id)).toBe(false);
    const [audit] = await t.query(`SELECT action FROM audit_logs WHERE entity = 'notifications' AND entity_id = $1`, [String(mine.id)]);
    expect(audit).toEqual({ action: 'read' });
  });

  test('a claim that needs review reaches the community’s staff; a fund application reaching review reaches the district’s', async () => {
    const home = await nextHome();
    const resident = await t.residentToken('notify-claimant');
    const claim = await t.api.post('/api/household-claims').set(bearer(resident)).send({ householdId: home.id, name: '冒名者', phone: '13911112222' });
    expect(claim.body.status).toBe('pending');
    const community = await t.api
      .get('/api/notifications')
      .query({ filter: JSON.stringify({ kind: 'claim_review' }) })
      .set(bearer(await t.login('community')));
    expect(
      community.body.some(
        (n: { entityId: string; link: string }) => n.entityId === String(claim.body.id) && n.link === `/household-claims/${claim.body.id}/show`,
      ),
    ).toBe(true);
    const street = await t.api
      .get('/api/notifications')
      .query({ filter: JSON.stringify({ kind: 'claim_review' }) })
      .set(bearer(await t.login('street')));
    expect(street.body.some((n: { entityId: string }) => n.entityId === String(claim.body.id))).toBe(false);

    const company = await t.login('company');
    const [target] = await t.query<{ compound_id: number }>(`
      SELECT c.id AS compound_id FROM compounds c JOIN projects p ON p.compound_id = c.id JOIN users s ON s.company_id = p.company_id AND s.username = 'company'
        JOIN fund_accounts a ON a.compound_id = c.id WHERE c.region_code LIKE '150203%' ORDER BY c.id LIMIT 1`);
    const created = await t.api
      .post('/api/fund-applications')
      .set(bearer(company))
      .send({
        compoundId: target.compound_id,
        title: '水泵抢修',
        items: [{ name: '水泵', budgetFen: 50000 }],
        contractor: '包头市安达工程有限公司',
        scopeType: 'compound',
        scopeIds: [],
        emergency: true,
        emergencyKind: 'pump_failure',
      });
    expect(created.status).toBe(201);
    expect((await t.api.post(`/api/fund-applications/${created.body.id}/submit`).set(bearer(company))).body.status).toBe('under_review');
    const district = await t.api
      .get('/api/notifications')
      .query({ filter: JSON.stringify({ kind: 'fund_application_review' }) })
      .set(bearer(await t.login('d150203')));
    expect(district.body.some((n: { entityId: string }) => n.entityId === String(created.body.id))).toBe(true);
    const other = await t.api
      .get('/api/notifications')
      .query({ filter: JSON.stringify({ kind: 'fund_application_review' }) })
      .set(bearer(await t.login('d150202')));
    expect(other.body).toEqual([]);
  });

  test('the demo city: staff find the open cases of their level in their notifications on first sign-in', async () => {
    for (const username of ['community', 'street', 'company']) {
      const res = await t.api
        .get('/api/notifications')
        .query({ filter: JSON.stringify({ kind: 'ticket_queue' }), range: '[0,99]' })
        .set(bearer(await t.login(username)));
      expect(res.body.some((n: { link: string }) => /^\/tickets\/\d+\/show$/.test(n.link))).toBe(true);
    }
  });

  test('no sign-in → 401; a bad filter → 400', async () => {
    expect((await t.api.get('/api/notifications')).status).toBe(401);
    const bad = await t.api
      .get('/api/notifications')
      .query({ filter: JSON.stringify({ kind: 'nope' }) })
      .set(bearer(await t.login('community')));
    expect(bad.status).toBe(400);
  });
});

describe('residents get WeChat subscribe messages for their tickets', () => {
  test('when staff accept the case the stand-in receives the message, once, written in the same transaction as the step', async () => {
    const home = await nextHome();
    const resident = await residentWithHome(t, 'notify-resident', home.id);
    const id = (
      await t.api
        .post('/api/tickets')
        .set(bearer(resident))
        .send({ householdId: home.id, ...complaint })
    ).body.id;
    const accepted = await t.api
      .post(`/api/tickets/${id}/accept`)
      .set(bearer(await t.login('community')))
      .send({ department: '沼潭社区', person: '王小明' });
    expect(accepted.status).toBe(200);
    await settle();
    const sent = t.wechat.messages.filter((m) => m.touser === 'onotify-resident' && m.data.character_string1.value === `T${id}`);
    expect(sent.map((m) => m.data.phrase3.value)).toEqual(['待受理', '已受理']);
    expect(sent[1]).toMatchObject({ template_id: t.config.tickets.wechatTemplateId, page: `packages/tickets/detail/index?id=${id}` });
    const rows = await t.query(`SELECT status, attempts FROM notifications WHERE entity = 'tickets' AND entity_id = $1 AND channel = 'wechat' ORDER BY id`, [
      String(id),
    ]);
    expect(rows).toEqual([
      { status: 'sent', attempts: 1 },
      { status: 'sent', attempts: 1 },
    ]);
    // a refused step writes no notification
    const before = await t.query(`SELECT count(*)::int AS n FROM notifications WHERE entity_id = $1`, [String(id)]);
    expect(
      (
        await t.api
          .post(`/api/tickets/${id}/accept`)
          .set(bearer(await t.login('community')))
          .send({})
      ).status,
    ).toBe(409);
    expect(await t.query(`SELECT count(*)::int AS n FROM notifications WHERE entity_id = $1`, [String(id)])).toEqual(before);
  });
});

describe('residents hear of votes opening and closing, and of fund postings to their home', () => {
  test('a vote opened and closed in BT0001: its verified residents get both messages with the vote template', async () => {
    const [bt] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE code = 'BT0001'`);
    const member = await residentWithHome(t, 'notify-member', await committeeMemberHome(t, 'BT0001'));
    await residentWithHome(t, 'notify-voter', (await unclaimedHomes(t, bt.id)()).id);
    const closesAt = new Date(Date.now() + 7 * 86400000).toISOString();
    const vote = await t.api
      .post('/api/votes')
      .set(bearer(member))
      .send({ compoundId: bt.id, title: '续聘物业服务企业', matter: 'hire_dismiss_company', closesAt, status: 'open' });
    expect(vote.status).toBe(201);
    expect((await t.api.post(`/api/votes/${vote.body.id}/close`).set(bearer(member))).status).toBe(200);
    const rows = await t.query(
      `SELECT n.kind FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.openid = 'onotify-voter' AND n.entity = 'votes' AND n.entity_id = $1 ORDER BY n.id`,
      [String(vote.body.id)],
    );
    expect(rows).toEqual([{ kind: 'vote_opened' }, { kind: 'vote_closed' }]);
    await t.api
      .post('/api/test/notifications/dispatch')
      .set(bearer(await t.login('city')))
      .send({});
    const sent = t.wechat.messages.filter((m) => m.touser === 'onotify-voter' && m.page === `packages/votes/detail/index?id=${vote.body.id}`);
    expect(sent.map((m) => [m.template_id, m.data.phrase2.value])).toEqual([
      [t.config.notifications.templates.vote, '开始'],
      [t.config.notifications.templates.vote, '未通过'],
    ]);
  });

  test('a top-up posted to a home: its resident gets the amount in 元; a refused posting writes nothing', async () => {
    const home = await nextHome();
    await residentWithHome(t, 'notify-fund', home.id);
    const [{ account_id }] = await t.query<{ account_id: number }>(`SELECT account_id FROM fund_ledgers WHERE id = $1`, [home.ledger_id]);
    const district = await t.login('d150203');
    const res = await t.api
      .post(`/api/fund-accounts/${account_id}/deposits`)
      .set(bearer(district))
      .send({ householdId: home.id, kind: 'top_up', amountFen: 123456 });
    expect(res.status).toBe(201);
    const count = async () =>
      (await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.openid = 'onotify-fund'`))[0].n;
    expect(await count()).toBe(1);
    const refused = await t.api
      .post(`/api/fund-accounts/${account_id}/deposits`)
      .set(bearer(district))
      .send({ householdId: home.id, kind: 'top_up', amountFen: -5 });
    expect(refused.status).toBe(400);
    expect(await count()).toBe(1);
    await t.api
      .post('/api/test/notifications/dispatch')
      .set(bearer(await t.login('city')))
      .send({});
    const [sent] = t.wechat.messages.filter((m) => m.touser === 'onotify-fund');
    expect(sent).toMatchObject({ template_id: t.config.notifications.templates.fund, page: 'packages/fund/index/index' });
    expect(sent.data.amount2.value).toBe('1234.56元');
    expect(sent.data.thing1.value).toBe('维修资金续交');
  });
});

describe('the mini-program asks for subscriptions to the configured templates', () => {
  test('GET /api/mini/notification-templates answers the settings', async () => {
    const res = await t.api.get('/api/mini/notification-templates');
    expect(res.body).toEqual({
      ticket: t.config.tickets.wechatTemplateId,
      vote: t.config.notifications.templates.vote,
      fund: t.config.notifications.templates.fund,
    });
  });
});

describe('the outbox sends each message at most once', () => {
  test('the same event written 20 ways at once is one row', async () => {
    await residentWithHome(t, 'notify-twenty', (await nextHome()).id);
    const row = await wechatRow('onotify-twenty', 'bill:2026-11:twenty');
    await Promise.all(Array.from({ length: 20 }, () => t.database.db.transaction((tx) => notify(tx, [row]))));
    expect(await t.query(`SELECT count(*)::int AS n FROM notifications WHERE event_key = 'bill:2026-11:twenty'`)).toEqual([{ n: 1 }]);
  });

  test('20 dispatchers at once send each due message exactly once', async () => {
    await residentWithHome(t, 'notify-many', (await nextHome()).id);
    const city = await t.login('city');
    await t.api.post('/api/test/notifications/dispatch').set(bearer(city)).send({}); // what earlier tests left due
    const keys = Array.from({ length: 30 }, (_, i) => `bill:2026-11:many-${i}`);
    await t.database.db.transaction(async (tx) => notify(tx, await Promise.all(keys.map((k) => wechatRow('onotify-many', k)))));
    const runs = await Promise.all(Array.from({ length: 20 }, () => t.api.post('/api/test/notifications/dispatch').set(bearer(city)).send({})));
    expect(runs.every((r) => r.status === 200)).toBe(true);
    expect(runs.reduce((n, r) => n + r.body.sent, 0)).toBe(30);
    const got = t.wechat.messages
      .filter((m) => m.touser === 'onotify-many')
      .map((m) => m.data.thing1.value)
      .sort();
    expect(got).toEqual([...keys].sort());
    expect(await t.query(`SELECT status, count(*)::int AS n FROM notifications WHERE event_key LIKE 'bill:2026-11:many-%' GROUP BY status`)).toEqual([
      { status: 'sent', n: 30 },
    ]);
  });

  test('a busy WeChat is retried after the backoff; a user who has not subscribed is not retried', async () => {
    await residentWithHome(t, 'notify-busy', (await nextHome()).id);
    await residentWithHome(t, 'notify-refused', (await nextHome()).id);
    await t.database.db.transaction(async (tx) =>
      notify(tx, [await wechatRow('onotify-busy', 'bill:busy'), await wechatRow('onotify-refused', 'bill:refused')]),
    );
    t.wechat.refuse.set('onotify-busy', -1);
    t.wechat.refuse.set('onotify-refused', 43101);
    const city = await t.login('city');
    const now = Date.now();
    await t.api
      .post('/api/test/notifications/dispatch')
      .set(bearer(city))
      .send({ now: new Date(now).toISOString() });
    const after1 = await t.query<{ event_key: string; status: string; attempts: number; wait: number }>(
      `SELECT event_key, status, attempts, round(extract(epoch FROM next_attempt_at) - $1::float8 / 1000)::int AS wait FROM notifications WHERE event_key IN ('bill:busy', 'bill:refused') ORDER BY event_key`,
      [now],
    );
    expect(after1).toEqual([
      { event_key: 'bill:busy', status: 'pending', attempts: 1, wait: t.config.notifications.retryBaseSeconds },
      { event_key: 'bill:refused', status: 'failed', attempts: 1, wait: expect.any(Number) },
    ]);
    // not due yet: nothing is sent
    t.wechat.refuse.delete('onotify-busy');
    await t.api
      .post('/api/test/notifications/dispatch')
      .set(bearer(city))
      .send({ now: new Date(now + 1000).toISOString() });
    expect(t.wechat.messages.some((m) => m.touser === 'onotify-busy')).toBe(false);
    // due: sent once, and never again
    const later = new Date(now + (t.config.notifications.retryBaseSeconds + 1) * 1000).toISOString();
    expect((await t.api.post('/api/test/notifications/dispatch').set(bearer(city)).send({ now: later })).body.sent).toBe(1);
    await t.api.post('/api/test/notifications/dispatch').set(bearer(city)).send({ now: later });
    expect(t.wechat.messages.filter((m) => m.touser === 'onotify-busy')).toHaveLength(1);
    expect(t.wechat.messages.some((m) => m.touser === 'onotify-refused')).toBe(false);
  });
});
