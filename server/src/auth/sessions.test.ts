import request from 'supertest';
import { createApp } from '../app';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { DEMO_PASSWORD, testConfig } from '../../../test/support/testConfig';

// Issue 9 §3: disabling an account, and changing its role, region, company or password, take
// effect on the next request — not when the 12-hour token expires.

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
/** A fresh session (t.login caches one token per user; these tests need several). */
async function signIn(username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await t.api.post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}
const userId = async (username: string) => (await t.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [username]))[0].id;
const editUser = async (username: string, changes: Record<string, unknown>) =>
  t.api
    .put(`/api/users/${await userId(username)}`)
    .set(bearer(await t.login('city')))
    .send(changes);

describe('a token speaks only for the account as it is now', () => {
  test('a disabled account: its old token → 401 SESSION_REVOKED on the very next request', async () => {
    const token = await signIn('d150207');
    expect((await t.api.get('/api/owners').set(bearer(token))).status).toBe(200);
    expect((await editUser('d150207', { disabled: true })).status).toBe(200);
    const res = await t.api.get('/api/owners').set(bearer(token));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SESSION_REVOKED');
    expect((await t.api.put(`/api/households/1`).set(bearer(token)).send({ room: 'x' })).status).toBe(401);
  });

  test('a region moved: the old token no longer reads the old region; a new login reads the new one only', async () => {
    const [to] = await t.query<{ code: string }>(`SELECT code FROM regions WHERE level = 'street' AND code NOT LIKE '150203%' ORDER BY code LIMIT 1`);
    const old = await signIn('street');
    const before = await t.api.get('/api/compounds?range=[0,999]').set(bearer(old));
    expect(before.status).toBe(200);
    expect(before.body.length).toBeGreaterThan(0);
    expect((await editUser('street', { regionCode: to.code })).status).toBe(200);
    const res = await t.api.get('/api/compounds?range=[0,999]').set(bearer(old));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SESSION_REVOKED');
    const now = await t.api.get('/api/compounds?range=[0,999]').set(bearer(await signIn('street')));
    expect(now.status).toBe(200);
    expect(now.body.every((c: { regionCode: string }) => c.regionCode.startsWith(to.code))).toBe(true);
  });

  test('a company changed (company staff): the old token → 401', async () => {
    const [{ company_id }] = await t.query<{ company_id: number }>(`SELECT company_id FROM users WHERE username = 'company'`);
    const [other] = await t.query<{ id: number }>('SELECT id FROM companies WHERE id <> $1 ORDER BY id LIMIT 1', [company_id]);
    const old = await signIn('company');
    expect((await t.api.get('/api/projects').set(bearer(old))).status).toBe(200);
    expect((await editUser('company', { companyId: other.id })).status).toBe(200);
    expect((await t.api.get('/api/projects').set(bearer(old))).status).toBe(401);
  });

  test('a role changed: the old token → 401', async () => {
    const old = await signIn('d150206');
    expect((await t.api.get('/api/users').set(bearer(old))).status).toBe(200);
    // district staff → party staff needs a city-level region
    expect((await editUser('d150206', { role: 'party_staff', regionCode: '150200' })).status).toBe(200);
    expect((await t.api.get('/api/users').set(bearer(old))).status).toBe(401);
  });

  test('disabled while 20 requests with its token are in flight: every request after the change → 401', async () => {
    const token = await signIn('d150202');
    const inFlight = Array.from({ length: 20 }, () =>
      t.api
        .get('/api/owners')
        .set(bearer(token))
        .then((r) => r.status),
    );
    const disabled = editUser('d150202', { disabled: true });
    const [statuses, put] = await Promise.all([Promise.all(inFlight), disabled]);
    expect(put.status).toBe(200);
    expect(statuses.every((s) => s === 200 || s === 401)).toBe(true);
    const after = await Promise.all(Array.from({ length: 20 }, () => t.api.get('/api/owners').set(bearer(token))));
    expect(after.map((r) => r.status)).toEqual(Array(20).fill(401));
  });

  test('an edit that changes nothing a token vouches for (the name) keeps sessions', async () => {
    const token = await signIn('d150205');
    expect((await editUser('d150205', { name: '石拐区住建局（改名）' })).status).toBe(200);
    expect((await t.api.get('/api/owners').set(bearer(token))).status).toBe(200);
  });
});

describe('password change ends the other sessions', () => {
  test('POST /api/auth/password: the other session → 401, this one continues with the new token', async () => {
    const here = await signIn('d150204');
    const elsewhere = await signIn('d150204');
    const res = await t.api.post('/api/auth/password').set(bearer(here)).send({ currentPassword: DEMO_PASSWORD, newPassword: 'new-password-2024' });
    expect(res.status).toBe(200);
    expect(typeof res.body.token).toBe('string');
    expect((await t.api.get('/api/owners').set(bearer(elsewhere))).status).toBe(401);
    expect((await t.api.get('/api/owners').set(bearer(here))).status).toBe(401);
    expect((await t.api.get('/api/owners').set(bearer(res.body.token))).status).toBe(200);
    expect((await t.api.post('/api/auth/login').send({ username: 'd150204', password: DEMO_PASSWORD })).status).toBe(401);
    expect(await signIn('d150204', 'new-password-2024')).toEqual(expect.any(String));
    expect(await t.query(`SELECT 1 FROM audit_logs WHERE action = 'change_password' AND entity_id = $1`, [String(await userId('d150204'))])).toHaveLength(1);
  });

  test('a wrong current password → 400, nothing changes, no session ends', async () => {
    const token = await signIn('d150223');
    const res = await t.api.post('/api/auth/password').set(bearer(token)).send({ currentPassword: 'wrong-one', newPassword: 'new-password-2024' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_CREDENTIALS');
    expect((await t.api.get('/api/owners').set(bearer(token))).status).toBe(200);
  });

  test('an administrator setting a new password through the users resource ends the sessions too', async () => {
    const token = await signIn('d150222');
    expect((await editUser('d150222', { password: 'reset-by-admin-01' })).status).toBe(200);
    expect((await t.api.get('/api/owners').set(bearer(token))).status).toBe(401);
  });
});

describe('several server processes share one database', () => {
  test('another process sees a revocation within SESSION_CHECK_CACHE_MS (its cache, not its memory, bounds it)', async () => {
    const other = request(
      createApp({ database: t.database, config: testConfig({ ...pick(t.config), SESSION_CHECK_CACHE_MS: '400' }), log: () => undefined }).callback(),
    );
    const token = await signIn('d150221');
    expect((await other.get('/api/owners').set(bearer(token))).status).toBe(200);
    expect((await editUser('d150221', { disabled: true })).status).toBe(200);
    // This process forgot at once; the other may trust its copy for at most 400 ms.
    expect((await t.api.get('/api/owners').set(bearer(token))).status).toBe(401);
    await new Promise((r) => setTimeout(r, 450));
    expect((await other.get('/api/owners').set(bearer(token))).status).toBe(401);
  });

  test('a resident (a user row too): disabled in the database → the next request after the cache is 401', async () => {
    const other = request(
      createApp({ database: t.database, config: testConfig({ ...pick(t.config), SESSION_CHECK_CACHE_MS: '0' }), log: () => undefined }).callback(),
    );
    const token = await t.residentToken('sessions-resident');
    expect((await other.get('/api/household-claims').set(bearer(token))).status).toBe(200);
    await t.query(`UPDATE users SET disabled = true WHERE openid = 'osessions-resident'`);
    expect((await other.get('/api/household-claims').set(bearer(token))).status).toBe(401);
  });
});

/** The WeChat stand-in settings of the shared test app, for a second app over the same database. */
function pick(c: TestApi['config']): Record<string, string> {
  return { WECHAT_API_BASE: c.wechat.apiBase, WECHAT_APPID: c.wechat.appId, WECHAT_SECRET: c.wechat.secret };
}

describe('issue 9 §7: a bad token on a route that needs no user is ignored', () => {
  const badSignature = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.x';
  test.each([
    ['garbled', 'Bearer abc'],
    ['malformed header', 'Basic abc'],
    ['bad signature', `Bearer ${badSignature}`],
  ])('%s token on public routes → answered as to anyone', async (_, header) => {
    const [c] = await t.query<{ code: string }>('SELECT code FROM compounds ORDER BY id LIMIT 1');
    expect((await t.api.get('/api/auth/options').set('Authorization', header)).status).toBe(200);
    expect((await t.api.get(`/api/public/compounds/by-code/${c.code}`).set('Authorization', header)).status).toBe(200);
    expect((await t.api.post('/api/auth/login').set('Authorization', header).send({ username: 'city', password: DEMO_PASSWORD })).status).toBe(200);
    // ...and on a route that needs a user it stays 401
    const res = await t.api.get('/api/compounds').set('Authorization', header);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('TOKEN_INVALID');
  });

  test('a revoked session on a public route → answered as to anyone', async () => {
    const token = await signIn('d150203');
    await editUser('d150203', { disabled: true });
    expect((await t.api.get('/api/auth/options').set(bearer(token))).status).toBe(200);
    expect((await t.api.get('/api/auth/me').set(bearer(token))).body.error.code).toBe('SESSION_REVOKED');
  });
});

describe('issue 9 §7: a method the route does not have → 405 with the error body and Allow', () => {
  test.each([
    ['POST', '/api/health'],
    ['DELETE', '/api/auth/options'],
    ['POST', '/api/auth/me'],
  ])('%s %s', async (method, path) => {
    const res = await (t.api as unknown as Record<string, (p: string) => request.Test>)[method.toLowerCase()](path).set(bearer(await t.login('city')));
    expect(res.status).toBe(405);
    expect(res.body.error).toEqual({ code: 'METHOD_NOT_ALLOWED', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    expect(res.headers.allow).toMatch(/GET/);
  });
});
