import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { TICKET_LIST_FIELDS } from './resource';

/** API tests on real PostgreSQL for tickets (issue 5; DOMAIN.md §6, §7). */
let t: TestApi;
let uploadDir: string;
// A managed compound (a current service project of the demo `company` account) in 沼潭社区.
let home: { household_id: number; compound_id: number; region_code: string; company_id: number };
let otherHome: { household_id: number };
let residentA: string;
let residentB: string;

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);

async function verifiedResident(openid: string, householdId: number): Promise<string> {
  const token = await t.residentToken(openid);
  const claim = await t.api.post('/api/household-claims').set(bearer(token)).send({ householdId, name: '租户', phone: '13900000000' });
  await t.api.post(`/api/household-claims/${claim.body.id}/approve`).set(bearer(await t.login('city')));
  return token;
}

async function upload(token: string, body: Buffer, name = 'photo.png') {
  return t.api.post('/api/uploads').set(bearer(token)).attach('file', body, name);
}

async function file(token: string, body: Record<string, unknown>) {
  return t.api
    .post('/api/tickets')
    .set(bearer(token))
    .send({ householdId: home.household_id, ...body });
}

const repair = { kind: 'repair', category: 'plumbing', description: '厨房水管漏水，地面积水', preferredTime: '今天下午' };
const complaint = { kind: 'complaint', category: 'sanitation', against: 'company', description: '垃圾清运不及时，楼道有异味' };

async function settle() {
  // Subscribe messages go out after the commit; give them a moment.
  for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 20));
}

beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-uploads-'));
  t = await createTestApi({ UPLOAD_DIR: uploadDir });
  [home] = await t.query(
    `SELECT h.id AS household_id, h.compound_id, h.region_code, p.company_id FROM households h
       JOIN projects p ON p.compound_id = h.compound_id AND p.start_date <= current_date AND p.end_date >= current_date
       JOIN users u ON u.username = 'company' AND u.company_id = p.company_id
      WHERE h.region_code LIKE '150203001%' ORDER BY h.id LIMIT 1`,
  );
  if (!home) {
    // The demo seed gives the `company` account's company some compounds; put one of 沼潭's there if it has none.
    [home] = await t.query(
      `SELECT h.id AS household_id, h.compound_id, h.region_code, 0 AS company_id FROM households h WHERE h.region_code = '150203001001' ORDER BY h.id LIMIT 1`,
    );
    const [{ company_id }] = await t.query<{ company_id: number }>(`SELECT company_id FROM users WHERE username = 'company'`);
    await t.query(
      `INSERT INTO projects (company_id, compound_id, region_code, start_date, end_date, fee_fen_per_m_2_month, service_level, manager_name) VALUES ($1, $2, $3, current_date - 30, current_date + 365, 100, 3, '王经理')`,
      [company_id, home.compound_id, home.region_code],
    );
    home.company_id = company_id;
  }
  [otherHome] = await t.query(`SELECT id AS household_id FROM households WHERE compound_id = $1 AND id <> $2 ORDER BY id LIMIT 1`, [
    home.compound_id,
    home.household_id,
  ]);
  residentA = await verifiedResident('ticket-a', home.household_id);
  residentB = await verifiedResident('ticket-b', otherHome.household_id);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

describe('filing', () => {
  test('a resident files a repair with a photo: it goes to the company serving the compound, with deadlines', async () => {
    const photo = await upload(residentA, PNG);
    expect(photo.status).toBe(201);
    expect(photo.body).toMatchObject({ mime: 'image/png', size: PNG.length });
    const res = await file(residentA, { ...repair, photos: [photo.body.id] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'repair',
      level: 'company',
      status: 'submitted',
      companyId: home.company_id,
      channel: 'mini',
      photos: [photo.body.id],
      overdue: false,
    });
    // DOMAIN.md §6 time limits (settings): a plumbing repair is answered within 2 h
    expect(Date.parse(res.body.responseDueAt) - Date.parse(res.body.createdAt)).toBe(2 * 3600_000);
    expect(res.body.timeLeftSeconds).toBeGreaterThan(7000);
    const events = await t.api.get(`/api/ticket-events?filter=${encodeURIComponent(JSON.stringify({ ticketId: res.body.id }))}`).set(bearer(residentA));
    expect(events.body).toHaveLength(1);
    expect(events.body[0]).toMatchObject({ action: 'create', toStatus: 'submitted', actorName: '我' });
    const [audit] = await t.query(`SELECT action FROM audit_logs WHERE entity = 'tickets' AND entity_id = $1`, [String(res.body.id)]);
    expect(audit.action).toBe('create');
  });

  test('a complaint is accepted at the community', async () => {
    const res = await file(residentA, complaint);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ level: 'community', against: 'company' });
  });

  test.each([
    [{ ...repair, category: 'neighbor' }, 'category'],
    [{ ...complaint, against: undefined }, 'against'],
    [{ ...repair, description: '坏了' }, 'description'],
    [{ ...repair, photos: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }, 'photos'],
  ])('bad filing %j → 400 on %s', async (body, field) => {
    const before = await t.query(`SELECT count(*)::int AS n FROM tickets`);
    const res = await file(residentA, body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields[field]).toBeTruthy();
    expect(await t.query(`SELECT count(*)::int AS n FROM tickets`)).toEqual(before);
  });

  test('a resident cannot file for a home that is not theirs', async () => {
    const res = await t.api
      .post('/api/tickets')
      .set(bearer(residentA))
      .send({ ...repair, householdId: otherHome.household_id });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('HOME_NOT_VERIFIED');
  });

  test("someone else's upload cannot be attached", async () => {
    const photo = await upload(residentB, PNG);
    const res = await file(residentA, { ...repair, photos: [photo.body.id] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_UPLOAD');
  });

  test('hotline staff enter a case for a resident (channel hotline), within their jurisdiction only', async () => {
    const community = await t.login('community');
    const res = await t.api
      .post('/api/tickets')
      .set(bearer(community))
      .send({ ...complaint, householdId: home.household_id, channel: 'hotline', contactName: '李女士', contactPhone: '13812345678' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ channel: 'hotline', contactPhone: '138****5678', level: 'community', residentId: expect.any(Number) });
    const outside = await t.api
      .post('/api/tickets')
      .set(bearer(await t.login('d150202')))
      .send({ ...complaint, householdId: home.household_id, channel: 'hotline', contactName: '李女士', contactPhone: '13812345678' });
    expect(outside.status).toBe(403);
    const company = await t.api
      .post('/api/tickets')
      .set(bearer(await t.login('company')))
      .send({ ...complaint, householdId: home.household_id, contactName: '李', contactPhone: '13812345678' });
    expect(company.status).toBe(403);
  });
});

describe('who sees what', () => {
  let mine: number;
  beforeAll(async () => {
    mine = (await file(residentA, repair)).body.id;
  });

  test("a resident reading another resident's ticket → 404", async () => {
    expect((await t.api.get(`/api/tickets/${mine}`).set(bearer(residentB))).status).toBe(404);
    const list = await t.api.get('/api/tickets').set(bearer(residentB));
    expect(list.body.map((x: { id: number }) => x.id)).not.toContain(mine);
    const events = await t.api.get(`/api/ticket-events?filter=${encodeURIComponent(JSON.stringify({ ticketId: mine }))}`).set(bearer(residentB));
    expect(events.body).toEqual([]);
  });

  test("company staff seeing another company's tickets → 404", async () => {
    const [{ id: otherCompany }] = await t.query<{ id: number }>(`SELECT id FROM companies WHERE id <> $1 ORDER BY id LIMIT 1`, [home.company_id]);
    await t.query(`UPDATE tickets SET company_id = $1 WHERE id = $2`, [otherCompany, mine]);
    const company = await t.login('company');
    expect((await t.api.get(`/api/tickets/${mine}`).set(bearer(company))).status).toBe(404);
    const act = await t.api.post(`/api/tickets/${mine}/accept`).set(bearer(company)).send({});
    expect(act.status).toBe(404);
    await t.query(`UPDATE tickets SET company_id = $1 WHERE id = $2`, [home.company_id, mine]);
    expect((await t.api.get(`/api/tickets/${mine}`).set(bearer(company))).status).toBe(200);
  });

  test('staff of another district get 404 on read and 403 on an action', async () => {
    const d = await t.login('d150202');
    expect((await t.api.get(`/api/tickets/${mine}`).set(bearer(d))).status).toBe(404);
    const act = await t.api.post(`/api/tickets/${mine}/escalate`).set(bearer(d)).send({ reason: '越权' });
    expect(act.status).toBe(403);
  });

  test('uploads are served to the uploader and to those who may see the ticket, no one else', async () => {
    const photo = await upload(residentA, JPEG, 'x.jpg');
    const ticket = await file(residentA, { ...repair, photos: [photo.body.id] });
    const own = await t.api.get(`/api/uploads/${photo.body.id}`).set(bearer(residentA)).buffer(true);
    expect(own.status).toBe(200);
    expect(own.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(own.body as Buffer, JPEG)).toBe(0);
    expect((await t.api.get(`/api/uploads/${photo.body.id}`).set(bearer(await t.login('company')))).status).toBe(200);
    expect((await t.api.get(`/api/uploads/${photo.body.id}`).set(bearer(residentB))).status).toBe(404);
    expect((await t.api.get(`/api/uploads/${photo.body.id}`).set(bearer(await t.login('d150202')))).status).toBe(404);
    expect(ticket.status).toBe(201);
  });

  test('party-building staff have no part in tickets', async () => {
    expect((await t.api.get('/api/tickets').set(bearer(await t.login('party')))).status).toBe(403);
  });
});

describe('uploads: type by content, size, count', () => {
  test('a renamed non-image file is refused', async () => {
    const res = await upload(residentA, Buffer.from('MZ this is an exe, not a picture'), 'photo.jpg');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('UNSUPPORTED_FILE_TYPE');
    const html = await upload(residentA, Buffer.from('<html><script>alert(1)</script></html>'), 'x.png');
    expect(html.status).toBe(400);
  });

  test('WebP and PDF by their magic bytes; raw bodies too', async () => {
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.alloc(32)]);
    expect((await upload(residentA, webp, 'a.bin')).body.mime).toBe('image/webp');
    const pdf = await t.api.post('/api/uploads').set(bearer(residentA)).set('Content-Type', 'application/octet-stream').send(Buffer.from('%PDF-1.7\n%âãÏÓ\n'));
    expect(pdf.status).toBe(201);
    expect(pdf.body.mime).toBe('application/pdf');
  });

  test('a file over 5 MB is refused and nothing is stored', async () => {
    const before = await t.query(`SELECT count(*)::int AS n FROM uploads`);
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    const res = await upload(residentA, big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('FILE_TOO_LARGE');
    expect(await t.query(`SELECT count(*)::int AS n FROM uploads`)).toEqual(before);
  });

  test('more than 9 photos on a ticket is refused', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) ids.push((await upload(residentA, Buffer.concat([PNG, Buffer.from([i])]))).body.id);
    const res = await file(residentA, { ...repair, photos: ids });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.photos).toBe('照片最多9张');
    expect(await t.query(`SELECT count(*)::int AS n FROM uploads WHERE id = ANY($1) AND ticket_id IS NOT NULL`, [ids])).toEqual([{ n: 0 }]);
  });

  test('no login → 401', async () => {
    expect((await t.api.post('/api/uploads').attach('file', PNG, 'a.png')).status).toBe(401);
  });
});

describe('the repair journey and the state machine over HTTP', () => {
  test('dispatch in one action, start, resolve, rate; messages at each step', async () => {
    const company = await t.login('company');
    const id = (await file(residentA, repair)).body.id;
    // the resident cannot dispatch (wrong role) and nothing changes
    const wrong = await t.api.post(`/api/tickets/${id}/dispatch`).set(bearer(residentA)).send({ workerName: '张师傅' });
    expect(wrong.status).toBe(403);
    const dispatched = await t.api.post(`/api/tickets/${id}/dispatch`).set(bearer(company)).send({ workerName: '张师傅', workerPhone: '13700001111' });
    expect(dispatched.status).toBe(200);
    expect(dispatched.body).toMatchObject({ status: 'dispatched', workerName: '张师傅', workerPhone: '137****1111', acceptPersonName: '鹿城物业客服' });
    // the resident sees the names masked
    const seen = await t.api.get(`/api/tickets/${id}`).set(bearer(residentA));
    expect(seen.body).toMatchObject({ workerName: '张*', acceptPersonName: '鹿*' });
    // confirming before a result: 409, nothing recorded
    const early = await t.api.post(`/api/tickets/${id}/confirm`).set(bearer(residentA)).send({ rating: 5 });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('INVALID_TRANSITION');
    expect((await t.api.post(`/api/tickets/${id}/start`).set(bearer(company)).send({})).body.status).toBe('in_progress');
    const photo = await upload(company, JPEG);
    const resolved = await t.api
      .post(`/api/tickets/${id}/resolve`)
      .set(bearer(company))
      .send({ result: '已更换水管接头', photos: [photo.body.id] });
    expect(resolved.body).toMatchObject({ status: 'resolved', result: '已更换水管接头', resultPhotos: [photo.body.id] });
    const rated = await t.api
      .post(`/api/tickets/${id}/confirm`)
      .set(bearer(residentA))
      .send({ rating: 5, tags: ['fast', 'polite'] });
    expect(rated.body).toMatchObject({ status: 'confirmed', rating: 5, ratingTags: ['fast', 'polite'] });
    const badRating = await t.api.post(`/api/tickets/${id}/confirm`).set(bearer(residentA)).send({ rating: 6 });
    expect([400, 409]).toContain(badRating.status);
    const events = await t.query(`SELECT action FROM ticket_events WHERE ticket_id = $1 ORDER BY id`, [id]);
    expect(events.map((e) => e.action)).toEqual(['create', 'dispatch', 'start', 'resolve', 'confirm']);
    await settle();
    const [{ openid }] = await t.query<{ openid: string }>(`SELECT openid FROM users WHERE id = (SELECT resident_id FROM tickets WHERE id = $1)`, [id]);
    const sent = t.wechat.messages.filter((m) => m.touser === openid && m.data.character_string1.value === `T${id}`);
    expect(sent.map((m) => m.data.phrase3.value)).toEqual(['待受理', '已派工', '处理中', '待评价', '已确认']);
    expect(sent[0]).toMatchObject({ template_id: expect.any(String), page: `packages/tickets/detail/index?id=${id}` });
    // one access token (WeChat's stable token, which revokes no other server's), cached
    expect(t.wechat.calls.filter((c) => c.path === '/cgi-bin/stable_token').length).toBe(1);
    expect(t.wechat.calls.filter((c) => c.path === '/cgi-bin/token')).toEqual([]);
  });

  test('closing without an answer → 409, nothing changes; with one it closes', async () => {
    const community = await t.login('community');
    const id = (await file(residentA, complaint)).body.id;
    await t.api.post(`/api/tickets/${id}/accept`).set(bearer(community)).send({ department: '沼潭社区物业纠纷调解室', person: '王小明' });
    await t.api.post(`/api/tickets/${id}/resolve`).set(bearer(community)).send({ result: '已约谈物业，增加清运频次' });
    // DOMAIN.md §6: the resident has the last word before the case may close
    expect((await t.api.post(`/api/tickets/${id}/confirm`).set(bearer(residentA)).send({ rating: 4 })).status).toBe(200);
    const eventsBefore = await t.query(`SELECT count(*)::int AS n FROM ticket_events WHERE ticket_id = $1`, [id]);
    const res = await t.api.post(`/api/tickets/${id}/close`).set(bearer(community)).send({});
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ANSWER_REQUIRED');
    expect(await t.query(`SELECT count(*)::int AS n FROM ticket_events WHERE ticket_id = $1`, [id])).toEqual(eventsBefore);
    expect((await t.query(`SELECT status FROM tickets WHERE id = $1`, [id]))[0].status).toBe('confirmed');
    await t.api.post(`/api/tickets/${id}/answer`).set(bearer(community)).send({ answer: '经调解，物业公司已承诺每日清运两次。' });
    const closed = await t.api.post(`/api/tickets/${id}/close`).set(bearer(community)).send({});
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    // public to the compound's residents, the person's name masked, nothing about who filed it
    const board = await t.api.get(`/api/mini/compounds/${home.compound_id}/ticket-board`).set(bearer(residentB));
    const row = board.body.find((r: { id: number }) => r.id === id);
    expect(row).toMatchObject({
      acceptDepartment: '沼潭社区物业纠纷调解室',
      acceptPersonName: '王*',
      result: '已约谈物业，增加清运频次',
      timeLimit: expect.any(String),
    });
    expect(row.description).toBeUndefined();
    expect((await t.api.get(`/api/mini/compounds/${home.compound_id}/ticket-board`).set(bearer(await t.residentToken('stranger')))).status).toBe(403);
  });

  test('wrong level: the street cannot accept a community case (403); wrong state (409)', async () => {
    const id = (await file(residentA, complaint)).body.id;
    const street = await t.api
      .post(`/api/tickets/${id}/accept`)
      .set(bearer(await t.login('street')))
      .send({});
    expect(street.status).toBe(403);
    expect(street.body.error.code).toBe('NOT_HANDLER');
    const community = await t.login('community');
    await t.api.post(`/api/tickets/${id}/accept`).set(bearer(community)).send({});
    const twice = await t.api.post(`/api/tickets/${id}/accept`).set(bearer(community)).send({});
    expect(twice.status).toBe(409);
    const dispatch = await t.api.post(`/api/tickets/${id}/dispatch`).set(bearer(community)).send({ workerName: '张' });
    expect(dispatch.status).toBe(409);
    expect((await t.api.post(`/api/tickets/${id}/nope`).set(bearer(community)).send({})).status).toBe(404);
  });

  test('a resident rejects a result once: a complaint moves up to the street, the street is notified; a second rejection → 409', async () => {
    const community = await t.login('community');
    await t.query(`UPDATE users SET openid = 'street-officer' WHERE username = 'street'`);
    const id = (await file(residentA, complaint)).body.id;
    await t.api.post(`/api/tickets/${id}/accept`).set(bearer(community)).send({});
    await t.api.post(`/api/tickets/${id}/resolve`).set(bearer(community)).send({ result: '已协调' });
    const rejected = await t.api.post(`/api/tickets/${id}/reject`).set(bearer(residentA)).send({ reason: '问题没有解决' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ level: 'street', status: 'submitted', rejectedOnce: true, escalationCount: 1 });
    await settle();
    expect(t.wechat.messages.some((m) => m.touser === 'street-officer' && m.data.character_string1.value === `T${id}`)).toBe(true);
    const street = await t.login('street');
    await t.api.post(`/api/tickets/${id}/accept`).set(bearer(street)).send({});
    await t.api.post(`/api/tickets/${id}/resolve`).set(bearer(street)).send({ result: '街道调解完成' });
    const again = await t.api.post(`/api/tickets/${id}/reject`).set(bearer(residentA)).send({ reason: '还是不行' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('REJECT_USED');
  });

  test('a rejected repair reopens with its company', async () => {
    const company = await t.login('company');
    const id = (await file(residentA, repair)).body.id;
    await t.api.post(`/api/tickets/${id}/dispatch`).set(bearer(company)).send({ workerName: '李师傅' });
    await t.api.post(`/api/tickets/${id}/resolve`).set(bearer(company)).send({ result: '已修' });
    const rejected = await t.api.post(`/api/tickets/${id}/reject`).set(bearer(residentA)).send({ reason: '还在漏' });
    expect(rejected.body).toMatchObject({ level: 'company', status: 'accepted', rejectedOnce: true });
  });
});

describe('escalation by the scheduler (injected clock)', () => {
  test('community → street → district on overrun; the district stays, flagged overdue', async () => {
    const id = (await file(residentA, { ...complaint, category: 'security' })).body.id;
    const [{ created_at }] = await t.query<{ created_at: Date }>(`SELECT created_at FROM tickets WHERE id = $1`, [id]);
    const city = await t.login('city');
    const at = (hours: number) => new Date(created_at.getTime() + hours * 3600_000).toISOString();
    const run = (hours: number) =>
      t.api
        .post('/api/test/tickets/escalate-overdue')
        .set(bearer(city))
        .send({ now: at(hours) });
    // 23 h: still within the community's 24 h to accept
    expect((await run(23)).body.moved.map((m: { id: number }) => m.id)).not.toContain(id);
    expect((await run(25)).body.moved).toContainEqual({ id, from: 'community', to: 'street' });
    let row = (await t.api.get(`/api/tickets/${id}`).set(bearer(residentA))).body;
    expect(row).toMatchObject({ level: 'street', status: 'submitted', overran: true, escalationCount: 1 });
    // the street has 24 h to accept from its arrival (at 25 h)
    expect((await run(48)).body.moved.map((m: { id: number }) => m.id)).not.toContain(id);
    expect((await run(50)).body.moved).toContainEqual({ id, from: 'street', to: 'district' });
    expect((await run(24 * 30)).body.moved.map((m: { id: number }) => m.id)).not.toContain(id);
    row = (await t.api.get(`/api/tickets/${id}`).set(bearer(await t.login('d150203')))).body;
    expect(row).toMatchObject({ level: 'district', escalationCount: 2 });
    const events = await t.query(
      `SELECT action, from_level, to_level, actor_name FROM ticket_events WHERE ticket_id = $1 AND action = 'escalate' ORDER BY id`,
      [id],
    );
    expect(events).toEqual([
      { action: 'escalate', from_level: 'community', to_level: 'street', actor_name: '系统' },
      { action: 'escalate', from_level: 'street', to_level: 'district', actor_name: '系统' },
    ]);
  });

  test('the test hook needs the city administrator', async () => {
    const res = await t.api
      .post('/api/test/tickets/escalate-overdue')
      .set(bearer(await t.login('community')))
      .send({ now: new Date().toISOString() });
    expect(res.status).toBe(403);
  });
});

describe('queues and statistics', () => {
  test("a level's queue, sorted by time left", async () => {
    const community = await t.login('community');
    // the scheduler test above moved every open case on; file fresh ones
    await file(residentA, complaint);
    await file(residentA, { ...complaint, kind: 'dispute', category: 'neighbor', against: undefined });
    const q = encodeURIComponent(JSON.stringify({ level: 'community', open: true }));
    const res = await t.api.get(`/api/tickets?filter=${q}&sort=${encodeURIComponent('["dueAt","ASC"]')}&range=[0,99]`).set(bearer(community));
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    const lefts = res.body.map((r: { timeLeftSeconds: number }) => r.timeLeftSeconds);
    expect([...lefts].sort((a, b) => a - b)).toEqual(lefts);
    expect(res.body.every((r: { level: string }) => r.level === 'community')).toBe(true);
    expect(res.headers['content-range']).toMatch(/^tickets 0-\d+\/\d+$/);
    // a list row is the list's fields and what presenting adds; the case's page reads the whole row
    expect(Object.keys(res.body[0]).sort()).toEqual([...TICKET_LIST_FIELDS, 'timeLeftSeconds', 'dueKind', 'overdue'].sort());
    const one = await t.api.get(`/api/tickets/${res.body[0].id}`).set(bearer(community));
    expect(one.body).toMatchObject({ ...res.body[0], timeLeftSeconds: expect.any(Number) });
    expect(one.body).toHaveProperty('companyName');
    expect(one.body).toHaveProperty('autoConfirmAt');
  });

  test('statistics by district with integer rates', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    const res = await t.api.get(`/api/tickets/stats?from=${yearAgo}&to=${today}&groupBy=district`).set(bearer(await t.login('city')));
    expect(res.status).toBe(200);
    const row = res.body.find((r: { key: string }) => r.key === '150203');
    expect(row).toMatchObject({ name: '昆都仑区', received: expect.any(Number), closed: expect.any(Number) });
    expect(row.closed).toBeGreaterThanOrEqual(1);
    expect(row.closureRatePermille).toBe(Math.floor((2000 * row.closed + row.received) / (2 * row.received)));
    expect(row.escalations).toBeGreaterThanOrEqual(3);
    for (const groupBy of ['street', 'compound', 'company']) {
      const g = await t.api.get(`/api/tickets/stats?from=${yearAgo}&to=${today}&groupBy=${groupBy}`).set(bearer(await t.login('street')));
      expect(g.status).toBe(200);
      expect(g.body.reduce((s: number, r: { received: number }) => s + r.received, 0)).toBe(row.received);
    }
    const company = await t.api.get(`/api/tickets/stats?from=${yearAgo}&to=${today}&groupBy=company`).set(bearer(await t.login('company')));
    expect(company.body.every((r: { key: string }) => r.key === String(home.company_id))).toBe(true);
    expect((await t.api.get(`/api/tickets/stats?from=2024-02-01&to=2024-01-01`).set(bearer(await t.login('city')))).status).toBe(400);
    expect((await t.api.get(`/api/tickets/stats?from=2024-01-01&to=2024-02-01`).set(bearer(residentA))).status).toBe(403);
  });

  test('tickets and their timeline are read-only as resources', async () => {
    const city = await t.login('city');
    const [{ id }] = await t.query<{ id: number }>(`SELECT id FROM tickets ORDER BY id LIMIT 1`);
    expect((await t.api.put(`/api/tickets/${id}`).set(bearer(city)).send({ status: 'closed' })).status).toBe(403);
    expect((await t.api.delete(`/api/tickets/${id}`).set(bearer(city))).status).toBe(403);
    expect((await t.api.post('/api/ticket-events').set(bearer(city)).send({})).status).toBe(403);
  });
});
