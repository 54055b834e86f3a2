import jwt from 'jsonwebtoken';
import { createTestApi, type TestApi } from '../../../test/support/api';

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

describe('staff login', () => {
  test('returns a token and the user with role and region', async () => {
    const res = await t.api.post('/api/auth/login').send({ username: 'd150203', password: 'baotou2024' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'd150203', role: 'district_staff', regionCode: '150203' });
    expect(typeof res.body.token).toBe('string');
  });

  test.each([
    [{ username: 'city', password: 'wrong' }, 401, 'BAD_CREDENTIALS'],
    [{ username: 'nobody', password: 'baotou2024' }, 401, 'BAD_CREDENTIALS'],
    [{ username: 'city' }, 400, 'VALIDATION_FAILED'],
    [{ username: 'city', password: 'baotou2024', admin: true }, 400, 'UNKNOWN_FIELD'],
    [{ username: 123, password: 'baotou2024' }, 400, 'VALIDATION_FAILED'],
  ])('%j → %i %s', async (body, status, code) => {
    const res = await t.api.post('/api/auth/login').send(body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  test('malformed JSON → 400 INVALID_JSON', async () => {
    const res = await t.api.post('/api/auth/login').set('Content-Type', 'application/json').send('{"username":');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_JSON');
  });
});

describe('tokens', () => {
  test('no token → 401; forged, expired or garbled token → 401', async () => {
    expect((await t.api.get('/api/compounds')).status).toBe(401);
    const forged = jwt.sign({ sub: '1', name: 'x', role: 'city_admin', region: '150200' }, 'not-the-secret-at-all', { algorithm: 'HS256' });
    const expired = jwt.sign({ sub: '1', name: 'x', role: 'city_admin', region: '150200', exp: Math.floor(Date.now() / 1000) - 10 }, t.config.jwtSecret, {
      algorithm: 'HS256',
    });
    const none = jwt.sign({ sub: '1', name: 'x', role: 'city_admin', region: '150200' }, '', { algorithm: 'none' });
    for (const [token, code] of [
      [forged, 'TOKEN_INVALID'],
      [expired, 'TOKEN_EXPIRED'],
      [none, 'TOKEN_INVALID'],
      ['abc', 'TOKEN_INVALID'],
    ]) {
      const res = await t.api.get('/api/compounds').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe(code);
    }
  });
});

describe('WeChat login through code2Session (local stand-in speaking the protocol)', () => {
  test('a valid code logs a resident in, the same openid maps to the same user', async () => {
    const a = await t.api.post('/api/auth/wechat').send({ code: 'code-alice' });
    const b = await t.api.post('/api/auth/wechat').send({ code: 'code-alice' });
    expect(a.status).toBe(200);
    expect(a.body.user.role).toBe('resident');
    expect(b.body.user.id).toBe(a.body.user.id);
    const call = t.wechat.calls.find((c) => c.path === '/sns/jscode2session')!;
    expect(call.query).toMatchObject({ appid: t.config.wechat.appId, js_code: 'code-alice', grant_type: 'authorization_code' });
  });

  test('an invalid code → 401 and no user is created', async () => {
    const before = await t.query('SELECT count(*)::int AS n FROM users');
    const res = await t.api.post('/api/auth/wechat').send({ code: 'bogus code' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('WECHAT_LOGIN_FAILED');
    expect(await t.query('SELECT count(*)::int AS n FROM users')).toEqual(before);
  });

  test('a resident cannot use staff resources', async () => {
    const token = await t.residentToken('bob');
    const res = await t.api.get('/api/compounds').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(403);
  });
});

describe('development login', () => {
  test('exists when config enables it', async () => {
    expect((await t.api.get('/api/auth/options')).body).toMatchObject({ devLogin: true });
    const res = await t.api.post('/api/auth/dev-login').send({ openid: 'h5-tester-1' });
    expect(res.status).toBe(200);
  });

  test('is absent by default in production mode', async () => {
    const prod = await createTestApi({
      NODE_ENV: 'production',
      DEV_LOGIN: '',
      JWT_SECRET: 'a-production-secret-0123456789',
      ENCRYPTION_KEY: 'a-production-key-0123456789',
      FUND_PAYMENT_SECRET: 'a-production-payment-secret-01',
    });
    try {
      expect((await prod.api.get('/api/auth/options')).body).toMatchObject({ devLogin: false });
      const res = await prod.api.post('/api/auth/dev-login').send({ openid: 'h5-tester-1' });
      expect(res.status).toBe(404);
    } finally {
      await prod.close();
    }
  });
});
