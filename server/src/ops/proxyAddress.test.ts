import { createTestApi, type TestApi } from '../../../test/support/api';

/**
 * Issue 15 behind a load balancer (docs/OPERATIONS.md § Running several servers): with TRUST_PROXY on, the
 * client's address is the one the proxy itself saw — the LAST X-Forwarded-For entry, the one nginx's
 * `$proxy_add_x_forwarded_for` appends — never an entry the client wrote before it. Taking the first let
 * anyone on the internet read /api/metrics as "127.0.0.1" and pick the address the sign-in throttle counts.
 */
const TOKEN = 'metrics-token-0123456789abcdefghijklmnop';
let t: TestApi;
beforeAll(async () => {
  t = await createTestApi({ TRUST_PROXY: 'true', METRICS_TOKEN: TOKEN });
});
afterAll(() => t.close());

test('a client that writes a local address before its own is still outside: /api/metrics is 404 without the token', async () => {
  for (const forged of ['127.0.0.1, 203.0.113.9', '10.0.0.1, 203.0.113.9', '::1,203.0.113.9']) {
    const res = await t.api.get('/api/metrics').set('X-Forwarded-For', forged);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
  }
  // the proxy's own entry decides: a scraper on the local network through the proxy, or the token
  expect((await t.api.get('/api/metrics').set('X-Forwarded-For', '203.0.113.9, 10.1.2.3')).status).toBe(200);
  expect((await t.api.get('/api/metrics').set('X-Forwarded-For', '127.0.0.1, 203.0.113.9').set('Authorization', `Bearer ${TOKEN}`)).status).toBe(200);
});

test('a failed sign-in is recorded at the address the proxy saw, not the one the client wrote', async () => {
  const res = await t.api
    .post('/api/auth/login')
    .set('X-Forwarded-For', '198.51.100.77, 203.0.113.41')
    .send({ username: 'street', password: 'wrong-password-1' });
  expect(res.status).toBe(401);
  const rows = await t.query<{ ip: string }>(`SELECT ip FROM audit_logs WHERE action = 'sign_in_failed' AND actor_name = 'street' ORDER BY id DESC LIMIT 1`);
  expect(rows).toEqual([{ ip: '203.0.113.41' }]);
});
