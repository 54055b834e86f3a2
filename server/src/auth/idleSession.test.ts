import jwt from 'jsonwebtoken';
import { createTestApi, type TestApi } from '../../../test/support/api';

// Issue 17: staff sessions end after STAFF_IDLE_SECONDS without a request (default 30 minutes;
// 4 seconds here). A staff token lives that long; one past half its life is renewed in the
// X-Session-Token response header, so a console in use keeps going and an idle one expires.
// Residents (WeChat) keep JWT_TTL_SECONDS. On the old code every token lived 12 hours.

const IDLE = 4;
let t: TestApi;
beforeAll(async () => {
  t = await createTestApi({ STAFF_IDLE_SECONDS: String(IDLE) });
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const lifetime = (token: string) => {
  const c = jwt.decode(token) as { iat: number; exp: number };
  return c.exp - c.iat;
};
async function signIn(username: string): Promise<string> {
  const res = await t.api.post('/api/auth/login').send({ username, password: 'baotou2024' });
  expect(res.status).toBe(200);
  return res.body.token;
}

test('default setting: 30 minutes', async () => {
  const { testConfig } = await import('../../../test/support/testConfig');
  expect(testConfig().signIn.staffIdleSeconds).toBe(1800);
});

test('a staff token lives STAFF_IDLE_SECONDS; a resident token JWT_TTL_SECONDS and is never renewed', async () => {
  expect(lifetime(await signIn('d150203'))).toBe(IDLE);
  const resident = await t.residentToken('idle-resident');
  expect(lifetime(resident)).toBe(t.config.jwtTtlSeconds);
  const res = await t.api.get('/api/household-claims').set(bearer(resident));
  expect(res.status).toBe(200);
  expect(res.headers['x-session-token']).toBeUndefined();
});

test('in use: renewed past half its life, the renewed token outlives the first; idle: it expires (401 TOKEN_EXPIRED)', async () => {
  const first = await signIn('d150204');
  // young: no renewal
  expect((await t.api.get('/api/owners').set(bearer(first))).headers['x-session-token']).toBeUndefined();
  await sleep(2500);
  const used = await t.api.get('/api/owners').set(bearer(first));
  expect(used.status).toBe(200);
  const renewed = used.headers['x-session-token'];
  expect(typeof renewed).toBe('string');
  expect(lifetime(renewed)).toBe(IDLE);
  await sleep(2500);
  // the first token has now been idle past IDLE seconds; the renewed one is still alive
  const expired = await t.api.get('/api/owners').set(bearer(first));
  expect(expired.status).toBe(401);
  expect(expired.body.error.code).toBe('TOKEN_EXPIRED');
  expect((await t.api.get('/api/owners').set(bearer(renewed))).status).toBe(200);
  // left idle: the renewed session ends too
  await sleep(IDLE * 1000 + 500);
  expect((await t.api.get('/api/owners').set(bearer(renewed))).body.error.code).toBe('TOKEN_EXPIRED');
}, 20_000);
