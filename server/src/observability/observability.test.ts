import http from 'node:http';
import Koa from 'koa';
import request from 'supertest';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { errorMiddleware } from '../http/errors';
import { defineJob, enqueueJob } from '../jobs/queue';
import { isLocalNetwork } from './metrics';
import { requestId } from './requestId';

/**
 * Issue 15, metrics and logs: a request id on every response (and in a 500's body and log line);
 * `GET /api/metrics` in Prometheus format for the local network or a token holder only.
 */
const TOKEN = 'metrics-token-0123456789abcdefghijklmnop';
let t: TestApi;
beforeAll(async () => {
  // behind a proxy, so the tests can present an outside address
  t = await createTestApi({ TRUST_PROXY: 'true', METRICS_TOKEN: TOKEN, JOBS_POLL_INTERVAL_SECONDS: '0.5', JOBS_RETRY_DELAY_SECONDS: '0' });
});
afterAll(() => t.close());

describe('request id', () => {
  test('every response carries one; a well-formed id from the proxy is kept, anything else replaced', async () => {
    const plain = await t.api.get('/api/health');
    expect(plain.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await t.api.get('/api/health').set('X-Request-Id', 'lb-7f3a9c2e11');
    expect(given.headers['x-request-id']).toBe('lb-7f3a9c2e11');
    const forged = await t.api.get('/api/health').set('X-Request-Id', 'x<script>alert(1)</script>');
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await t.api.get('/api/votes/1/result');
    expect(refused.status).toBe(401);
    expect(refused.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('an unexpected error is logged with the id, and the 500 tells the person the same id', async () => {
    const logged: { err: unknown; requestId?: string }[] = [];
    const app = new Koa();
    app.use(requestId());
    app.use(errorMiddleware((err, context) => logged.push({ err, requestId: context?.requestId })));
    app.use(() => {
      throw new Error('boom');
    });
    const server = http.createServer(app.callback());
    try {
      const res = await request(server).get('/api/anything');
      expect(res.status).toBe(500);
      const id = res.headers['x-request-id'];
      expect(res.body.error).toEqual({ code: 'INTERNAL', message: `服务器内部错误（错误编号 ${id}）`, requestId: id });
      expect(logged).toEqual([{ err: expect.any(Error), requestId: id }]);
    } finally {
      server.close();
    }
  });
});

describe('GET /api/metrics', () => {
  test('from the local network: requests by route pattern and status, latency histograms, process metrics', async () => {
    await t.api.get('/api/health');
    await t.api.get('/api/votes/123456/result');
    const res = await t.api.get('/api/metrics').set('X-Forwarded-For', '10.1.2.3');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+/);
    // the route's pattern, never the id: labels stay few
    expect(res.text).toMatch(/http_requests_total\{method="GET",route="\/api\/votes\/:id\/result",status="401"\} \d+/);
    expect(res.text).not.toContain('123456');
    expect(res.text).toMatch(/http_request_duration_seconds_bucket\{le="0\.025",method="GET",route="\/api\/health"\} \d+/);
    expect(res.text).toMatch(/db_pool_connections\{pool="primary",state="total"\} [1-9]\d*/);
    expect(res.text).toMatch(/db_pool_connections\{pool="primary",state="waiting"\} \d+/);
    // no replica configured: no replica pool (server/src/ops/replica.test.ts has one)
    expect(res.text).not.toContain('pool="replica"');
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  test('/api/metrics is counted under its own route, not "unmatched"', async () => {
    await t.api.get('/api/metrics').set('X-Forwarded-For', '10.1.2.3');
    const res = await t.api.get('/api/metrics').set('X-Forwarded-For', '10.1.2.3');
    expect(res.text).toMatch(/http_requests_total\{method="GET",route="\/api\/metrics",status="200"\} [1-9]/);
    expect(res.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/metrics"\} [1-9]/);
    expect(res.text).not.toMatch(/route="unmatched",status="200"/);
  });

  test("job counts: the queue's jobs by name and state, every state given, read at scrape time", async () => {
    // worked or not by the time of the scrape, each run is in exactly one state (completed ones stay until archived)
    defineJob('test.metrics-probe', async () => undefined);
    await enqueueJob('test.metrics-probe', {}, null);
    await enqueueJob('test.metrics-probe', {}, null);
    const res = await t.api.get('/api/metrics').set('X-Forwarded-For', '10.1.2.3');
    expect(res.status).toBe(200);
    const probe = [...res.text.matchAll(/^jobs\{name="test\.metrics-probe",state="(\w+)"\} (\d+)$/gm)].map((m) => [m[1], Number(m[2])] as const);
    expect(probe.map(([state]) => state).sort()).toEqual(['completed', 'failed', 'queued', 'running']);
    expect(probe.reduce((sum, [, n]) => sum + n, 0)).toBe(2);
    expect(res.text).toContain('# TYPE jobs gauge');
  });

  test('jobs_finished_total: runs this process finished, by name and outcome (completed, retried, failed)', async () => {
    defineJob('test.metrics-done', async () => undefined);
    defineJob(
      'test.metrics-broken',
      async () => {
        throw new Error('坏了');
      },
      { retryLimit: 1 },
    );
    const scrape = async () => (await t.api.get('/api/metrics').set('X-Forwarded-For', '10.1.2.3')).text;
    const count = (text: string, name: string, outcome: string) =>
      Number(new RegExp(`^jobs_finished_total\\{name="${name.replace('.', '\\.')}",outcome="${outcome}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    await enqueueJob('test.metrics-done', {}, null);
    await enqueueJob('test.metrics-broken', {}, null);
    let text = '';
    for (let i = 0; i < 120; i++) {
      text = await scrape();
      if (count(text, 'test.metrics-done', 'completed') === 1 && count(text, 'test.metrics-broken', 'failed') === 1) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(count(text, 'test.metrics-done', 'completed')).toBe(1);
    expect(count(text, 'test.metrics-broken', 'retried')).toBe(1);
    expect(count(text, 'test.metrics-broken', 'failed')).toBe(1);
    expect(text).toContain('# TYPE jobs_finished_total counter');
  });

  test('from outside: 404 without the token or with a wrong one, 200 with it', async () => {
    const outside = '203.0.113.7';
    expect((await t.api.get('/api/metrics').set('X-Forwarded-For', outside)).status).toBe(404);
    expect(
      (
        await t.api
          .get('/api/metrics')
          .set('X-Forwarded-For', outside)
          .set('Authorization', `Bearer ${TOKEN.slice(1)}x`)
      ).status,
    ).toBe(404);
    const staff = await t.login('city');
    expect((await t.api.get('/api/metrics').set('X-Forwarded-For', outside).set('Authorization', `Bearer ${staff}`)).status).toBe(404);
    const ok = await t.api.get('/api/metrics').set('X-Forwarded-For', outside).set('Authorization', `Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('http_requests_total');
  });

  test.each([
    ['127.0.0.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.8', true],
    ['172.16.0.1', true],
    ['172.31.255.1', true],
    ['172.32.0.1', false],
    ['192.168.1.20', true],
    ['fd12:3456::1', true],
    ['203.0.113.7', false],
    ['8.8.8.8', false],
    ['::ffff:8.8.8.8', false],
  ])('%s is local: %s', (ip, local) => expect(isLocalNetwork(ip)).toBe(local));
});
