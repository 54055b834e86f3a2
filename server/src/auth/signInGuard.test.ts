import request from 'supertest';
import { generate } from 'otplib';
import { createApp } from '../app';
import { openDatabase, type Database } from '../db/client';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { DEMO_PASSWORD, testConfig } from '../../../test/support/testConfig';

// Issue 17: failed sign-ins are throttled per account and per address and lock an account after a
// set number (LOGIN_LOCK_AFTER, default 10; LOGIN_ADDRESS_MAX_FAILURES, default 30), in the
// database, so several server processes share the counts. On the old code every attempt was 401.

// Each sign-in costs a scrypt; on a loaded 2-core machine a sequence of 30 takes seconds.
jest.setTimeout(60_000);

const SETTINGS = { TRUST_PROXY: '1', LOGIN_LOCK_AFTER: '10', LOGIN_ADDRESS_MAX_FAILURES: '30' };
let t: TestApi;
let cityToken: string;
beforeAll(async () => {
  t = await createTestApi(SETTINGS);
  cityToken = await t.login('city');
});
afterAll(() => t.close());

type Agent = ReturnType<typeof request>;
/** Each test signs in from its own address (TRUST_PROXY is on here), so address counts do not mix. */
const signIn = (username: string, password: string, ip: string, agent: Agent = t.api) =>
  agent.post('/api/auth/login').set('X-Forwarded-For', ip).send({ username, password });
const statuses = (rs: { status: number }[]) => rs.map((r) => r.status).reduce<Record<number, number>>((m, s) => ((m[s] = (m[s] ?? 0) + 1), m), {});
const userId = async (username: string) => (await t.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [username]))[0].id;
const auditCount = async (action: string, entityId: string | number) =>
  (await t.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_logs WHERE action = $1 AND entity_id = $2', [action, String(entityId)]))[0].n;

describe('per account: LOGIN_LOCK_AFTER failures lock the username', () => {
  test('20 parallel wrong attempts: exactly 10 passwords tried (401), 10 refused 423, then the right password 423', async () => {
    const rs = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn('d150202', `wrong-${i}`, '10.0.1.1')));
    expect(statuses(rs)).toEqual({ 401: 10, 423: 10 });
    const refused = rs.find((r) => r.status === 423)!;
    expect(refused.body.error).toEqual({ code: 'ACCOUNT_LOCKED', message: expect.stringMatching(/锁定/) });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const right = await signIn('d150202', DEMO_PASSWORD, '10.0.1.1');
    expect(right.status).toBe(423);
    expect(right.body.error.code).toBe('ACCOUNT_LOCKED');
    // ...from any address
    expect((await signIn('d150202', DEMO_PASSWORD, '10.0.1.2')).status).toBe(423);
    // each failure and the lock audited once, with the address
    const id = await userId('d150202');
    expect(await auditCount('sign_in_failed', id)).toBe(10);
    expect(await auditCount('sign_in_locked', id)).toBe(1);
    const rows = await t.query<{ ip: string; actor_name: string }>(`SELECT ip, actor_name FROM audit_logs WHERE action = 'sign_in_locked' AND entity_id = $1`, [
      String(id),
    ]);
    expect(rows[0]).toMatchObject({ ip: '10.0.1.1', actor_name: 'd150202' });
  });

  test('an unknown username answers exactly like a real one (no enumeration by the answer)', async () => {
    const rs = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn('no_such_user', `wrong-${i}`, '10.0.2.1')));
    expect(statuses(rs)).toEqual({ 401: 10, 423: 10 });
    expect(rs.find((r) => r.status === 401)!.body.error).toEqual({ code: 'BAD_CREDENTIALS', message: '用户名或密码错误' });
    expect(rs.find((r) => r.status === 423)!.body.error.message).toBe((await signIn('d150202', 'x', '10.0.2.2')).body.error.message);
    expect(await auditCount('sign_in_failed', 'no_such_user')).toBe(10);
  });

  test('a right password before the limit is accepted and forgets the failures', async () => {
    for (let i = 0; i < 9; i++) expect((await signIn('d150205', 'wrong', '10.0.3.1')).status).toBe(401);
    expect((await signIn('d150205', DEMO_PASSWORD, '10.0.3.1')).status).toBe(200);
    for (let i = 0; i < 9; i++) expect((await signIn('d150205', 'wrong', '10.0.3.2')).status).toBe(401);
    expect((await signIn('d150205', DEMO_PASSWORD, '10.0.3.2')).status).toBe(200);
  });

  test("the issue's example: 60 wrong passwords for city at once, then the right one is refused", async () => {
    const rs = await Promise.all(Array.from({ length: 60 }, (_, i) => signIn('city', `guess-${i}`, '10.0.4.1')));
    // 10 passwords tried, the rest of the address's 30 refused as locked, the other 30 throttled
    expect(statuses(rs)).toEqual({ 401: 10, 423: 20, 429: 30 });
    expect((await signIn('city', DEMO_PASSWORD, '10.0.4.1')).status).toBe(429);
    expect((await signIn('city', DEMO_PASSWORD, '10.0.4.2')).status).toBe(423);
    // sessions already open are not ended by a lock
    expect((await t.api.get('/api/users').set('Authorization', `Bearer ${cityToken}`)).status).toBe(200);
  });
});

describe('per address: LOGIN_ADDRESS_MAX_FAILURES failures over any usernames throttle the address', () => {
  test('30 wrong passwords for 30 usernames, then even a right one from that address → 429 with Retry-After', async () => {
    const names = [
      ...Array.from({ length: 15 }, (_, i) => `ghost_${i}`),
      'street',
      'community',
      'party',
      'company',
      'd150203',
      'd150204',
      'ghost_d',
      'd150207',
      'd150221',
      'd150222',
      'd150223',
      'ghost_e',
      'ghost_a',
      'ghost_b',
      'ghost_c',
    ];
    for (const name of names) expect((await signIn(name, 'wrong-once', '10.0.5.1')).status).toBe(401);
    const res = await signIn('d150203', DEMO_PASSWORD, '10.0.5.1');
    expect(res.status).toBe(429);
    expect(res.body.error).toEqual({ code: 'LOGIN_THROTTLED', message: expect.stringMatching(/频繁/) });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(await auditCount('sign_in_throttled', '10.0.5.1')).toBe(1);
    // the accounts themselves are not locked: one failure each
    expect((await signIn('d150203', DEMO_PASSWORD, '10.0.5.2')).status).toBe(200);
  });

  test('sibling: successful sign-ins from one address are not counted', async () => {
    for (let i = 0; i < 35; i++) expect((await signIn('d150204', DEMO_PASSWORD, '10.0.6.1')).status).toBe(200);
  });

  test('sibling: a right password still waiting for its second factor (OTP_REQUIRED) costs neither the address nor the account a point', async () => {
    const token = (await signIn('d150271', DEMO_PASSWORD, '10.0.10.1')).body.token;
    const start = await t.api.post('/api/auth/totp/enroll').set('Authorization', `Bearer ${token}`);
    const secret = new URL(start.body.otpauthUrl).searchParams.get('secret')!;
    const otp = await generate({ secret, epoch: Math.floor(Date.now() / 1000) });
    expect((await t.api.post('/api/auth/totp/confirm').set('Authorization', `Bearer ${token}`).send({ otp })).status).toBe(200);
    for (let i = 0; i < 35; i++) expect((await signIn('d150271', DEMO_PASSWORD, '10.0.10.2')).body.error.code).toBe('OTP_REQUIRED');
  });

  test('TRUST_PROXY off (the default): X-Forwarded-For is ignored, the socket address is counted', async () => {
    const direct = request(
      createApp({ database: t.database, config: testConfig({ ...pickWechat(t), LOGIN_ADDRESS_MAX_FAILURES: '5' }), log: () => undefined }).callback(),
    );
    for (let i = 0; i < 5; i++) expect((await signIn(`spoof_${i}`, 'wrong', `10.9.0.${i}`, direct)).status).toBe(401);
    expect((await signIn('d150221', DEMO_PASSWORD, '10.9.1.1', direct)).status).toBe(429);
  });
});

describe('several server processes share the counts (the state is in the database)', () => {
  let other: Database;
  beforeAll(async () => {
    const url = (t.database.db as unknown as { $client: { options: { connectionString: string } } }).$client.options.connectionString;
    other = await openDatabase({ databaseUrl: url, dataDir: '' });
  });
  afterAll(() => other.close());

  test('20 parallel wrong attempts split over two apps with their own pools: still exactly 10 tried', async () => {
    const second = request(createApp({ database: other, config: testConfig({ ...pickWechat(t), ...SETTINGS }), log: () => undefined }).callback());
    const rs = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn('d150206', `wrong-${i}`, '10.0.7.1', i % 2 ? second : t.api)));
    expect(statuses(rs)).toEqual({ 401: 10, 423: 10 });
    expect((await signIn('d150206', DEMO_PASSWORD, '10.0.7.2', second)).status).toBe(423);
    expect((await signIn('d150206', DEMO_PASSWORD, '10.0.7.2')).status).toBe(423);
  });
});

describe('POST /api/users/:id/unlock', () => {
  test('the city admin unlocks (audited); the account signs in again', async () => {
    for (let i = 0; i < 10; i++) await signIn('d150207', 'wrong', '10.0.8.1');
    expect((await signIn('d150207', DEMO_PASSWORD, '10.0.8.2')).status).toBe(423);
    const id = await userId('d150207');
    const shown = await t.api.get(`/api/users/${id}`).set('Authorization', `Bearer ${cityToken}`);
    expect(shown.body).toMatchObject({ locked: true, mustChangePassword: false });
    const res = await t.api.post(`/api/users/${id}/unlock`).set('Authorization', `Bearer ${cityToken}`).send({});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id, username: 'd150207', locked: false });
    const [audit] = await t.query<{ actor_name: string; after: { wasLocked: boolean } }>(
      `SELECT actor_name, after FROM audit_logs WHERE action = 'unlock' AND entity_id = $1`,
      [String(id)],
    );
    expect(audit).toMatchObject({ after: { username: 'd150207', wasLocked: true } });
    expect((await t.api.get(`/api/users/${id}`).set('Authorization', `Bearer ${cityToken}`)).body.locked).toBe(false);
    expect((await signIn('d150207', DEMO_PASSWORD, '10.0.8.2')).status).toBe(200);
  });

  test.each([['d150203'], ['street'], ['party'], ['company']])('%s → 403, the lock stays', async (username) => {
    for (let i = 0; i < 10; i++) await signIn('d150223', 'wrong', '10.0.9.1');
    const id = await userId('d150223');
    const res = await t.api
      .post(`/api/users/${id}/unlock`)
      .set('Authorization', `Bearer ${await t.login(username)}`)
      .send({});
    expect(res.status).toBe(403);
    expect((await signIn('d150223', DEMO_PASSWORD, '10.0.9.2')).status).toBe(423);
  });

  test('an unknown id → 404; no token → 401', async () => {
    expect((await t.api.post('/api/users/999999/unlock').set('Authorization', `Bearer ${cityToken}`).send({})).status).toBe(404);
    expect((await t.api.post('/api/users/abc/unlock').set('Authorization', `Bearer ${cityToken}`).send({})).status).toBe(404);
    expect((await t.api.post('/api/users/1/unlock').send({})).status).toBe(401);
  });
});

function pickWechat(api: TestApi): Record<string, string> {
  return { WECHAT_API_BASE: api.config.wechat.apiBase, WECHAT_APPID: api.config.wechat.appId, WECHAT_SECRET: api.config.wechat.secret };
}
