import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApi, type TestApi } from '../../../test/support/api';

// Issue 17 (MLPS 2.0 level 3): every response carries a strict CSP, frame protection, nosniff and a
// referrer policy; HSTS only over TLS; CORS is off unless an origin is configured (CORS_ORIGINS).

const PARTNER = 'https://partner.example.gov.cn';

/** Stand-ins for the built front ends, so these tests do not depend on a build. */
function fakeDist(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bt-${name}-`));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>${name}</title><script type="module" src="assets/app.js"></script>`);
  fs.writeFileSync(path.join(dir, 'assets/app.js'), 'console.log(1)');
  return dir;
}
const dists = { ADMIN_DIST: fakeDist('admin'), MINI_H5_DIST: fakeDist('h5') };

let plain: TestApi; // defaults: no CORS origin, no proxy trusted
let configured: TestApi; // CORS_ORIGINS=PARTNER, behind a trusted proxy
let token: string;
beforeAll(async () => {
  plain = await createTestApi(dists);
  configured = await createTestApi({ ...dists, CORS_ORIGINS: PARTNER, TRUST_PROXY: '1' });
  token = await plain.login('city');
});
afterAll(async () => {
  await plain?.close();
  await configured?.close();
});

type Call = [family: string, method: 'get' | 'post' | 'delete' | 'put', url: string, status: number, auth?: boolean, body?: object];
const ROUTES: Call[] = [
  ['API', 'get', '/api/health', 200],
  ['API list', 'get', '/api/households?range=[0,4]', 200, true],
  ['API write', 'post', '/api/auth/login', 200, false, { username: 'city', password: 'baotou2024' }],
  ['public API', 'get', '/api/public/compounds/by-code/BT0001', 200],
  ['console', 'get', '/admin/', 200],
  ['console asset', 'get', '/admin/assets/app.js', 200],
  ['console client route', 'get', '/admin/households', 200],
  ['H5', 'get', '/h5/', 200],
  ['root redirect', 'get', '/', 302],
  ['API 404', 'get', '/api/no-such-thing', 404],
  ['API 405', 'delete', '/api/health', 405],
  ['API 401', 'get', '/api/households', 401],
  ['API 400', 'post', '/api/auth/login', 400, false, { username: 'city' }],
  ['page 404', 'get', '/no-such-page', 404],
];

const send = (t: TestApi, [, method, url, , auth, body]: Call, headers: Record<string, string> = {}) => {
  let req = t.api[method](url).set(headers);
  if (auth) req = req.set('Authorization', `Bearer ${token}`);
  return body ? req.send(body) : req;
};

describe('security headers on every route family', () => {
  test.each(ROUTES)('%s: %s %s → %i with CSP, frame protection, nosniff, referrer policy, no HSTS over http', async (...call) => {
    const res = await send(plain, call, { Origin: 'https://attacker.example' });
    expect(res.status).toBe(call[3]);
    const csp = res.headers['content-security-policy'];
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d: string) => d.trim().split(/\s+/))
        .map(([k, ...v]: string[]) => [k, v]),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['img-src']).toEqual(expect.arrayContaining(['data:', 'blob:']));
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    // CORS is off by default: an answer to another origin's page carries no permission to read it.
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('HSTS only over TLS: behind a trusted proxy that says https, not when it says http', async () => {
    const secure = await configured.api.get('/api/health').set('X-Forwarded-Proto', 'https');
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const insecure = await configured.api.get('/api/health').set('X-Forwarded-Proto', 'http');
    expect(insecure.headers['strict-transport-security']).toBeUndefined();
    // Without TRUST_PROXY anyone could send the header: it is not believed.
    const spoofed = await plain.api.get('/api/health').set('X-Forwarded-Proto', 'https');
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('CORS only for configured origins (CORS_ORIGINS)', () => {
  const preflight = (t: TestApi, origin: string) =>
    t.api.options('/api/households').set({ Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' });

  test('by default no origin is allowed, not even for a preflight', async () => {
    const res = await preflight(plain, PARTNER);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-headers']).toBeUndefined();
  });

  test('the configured origin gets CORS on reads, preflights and errors, with Content-Range exposed', async () => {
    const token2 = await configured.login('city');
    const list = await configured.api.get('/api/households?range=[0,4]').set({ Origin: PARTNER, Authorization: `Bearer ${token2}` });
    expect(list.status).toBe(200);
    expect(list.headers['access-control-allow-origin']).toBe(PARTNER);
    expect(list.headers['access-control-expose-headers']).toMatch(/Content-Range/);
    expect(list.headers.vary).toMatch(/Origin/);
    const pre = await preflight(configured, PARTNER);
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe(PARTNER);
    expect(pre.headers['access-control-allow-headers']).toMatch(/Authorization/);
    const missing = await configured.api.get('/api/no-such-thing').set('Origin', PARTNER);
    expect(missing.status).toBe(404);
    expect(missing.headers['access-control-allow-origin']).toBe(PARTNER);
  });

  test.each(['https://attacker.example', 'https://partner.example.gov.cn.attacker.example', 'http://partner.example.gov.cn', 'null'])(
    'another origin (%s) gets no CORS headers from the same server',
    async (origin) => {
      const res = await configured.api.get('/api/health').set('Origin', origin);
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const pre = await preflight(configured, origin);
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    },
  );
});
