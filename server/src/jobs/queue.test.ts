import fs from 'node:fs';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { pgliteDataDir } from '../../../test/support/pglite';
import { testConfig } from '../../../test/support/testConfig';
import type { Actor } from '../auth/actor';
import { migrateDatabase, openDatabase } from '../db/client';
import { attachJobQueue, defineJob, enqueueJob } from './queue';

// Issue 15: background jobs on pg-boss — progress, result, retries, single runs, scoping.
let t: TestApi;
const FAST = { JOBS_POLL_INTERVAL_SECONDS: '0.5', JOBS_RETRY_DELAY_SECONDS: '0', JOBS_RETRY_LIMIT: '2' };

async function actorOf(username: string): Promise<Actor> {
  const [u] = await t.query<{ id: number; name: string; role: Actor['role']; region_code: string | null }>(
    'SELECT id, name, role, region_code FROM users WHERE username = $1',
    [username],
  );
  return { id: u.id, name: u.name, role: u.role, regionCode: u.region_code ?? undefined };
}

async function waitFor(username: string, id: string, states = ['completed', 'failed']) {
  const token = await t.login(username);
  for (let i = 0; i < 120; i++) {
    const res = await t.api.get(`/api/jobs/${id}`).set('Authorization', `Bearer ${token}`);
    if (res.status === 200 && states.includes(res.body.state)) return res.body;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`job ${id} did not finish`);
}

beforeAll(async () => {
  t = await createTestApi(FAST);
});
afterAll(async () => {
  await t.close();
});

test('a job runs with progress and result; GET /api/jobs/:id shows it to its owner and the city, not to others', async () => {
  defineJob<{ n: number }>(
    'test.count',
    async ({ n }, ctx) => {
      for (let i = 1; i <= n; i++) await ctx.progress(i, n, `第${i}步`);
      return { counted: n };
    },
    { title: '测试计数' },
  );
  const district = await actorOf('d150203');
  const { jobId } = await enqueueJob('test.count', { n: 3 }, district);
  const done = await waitFor('d150203', jobId);
  expect(done).toMatchObject({
    id: jobId,
    name: 'test.count',
    title: '测试计数',
    state: 'completed',
    progress: { done: 3, total: 3, note: '第3步' },
    result: { counted: 3 },
    error: null,
    attempts: 1,
  });
  expect(done.startedAt).toEqual(expect.any(String));
  expect(new Date(done.finishedAt).getTime()).toBeGreaterThanOrEqual(new Date(done.startedAt).getTime());
  const city = await t.login('city');
  expect((await t.api.get(`/api/jobs/${jobId}`).set('Authorization', `Bearer ${city}`)).status).toBe(200);
  const street = await t.login('street');
  expect((await t.api.get(`/api/jobs/${jobId}`).set('Authorization', `Bearer ${street}`)).status).toBe(404);
  const streetList = await t.api.get('/api/jobs').set('Authorization', `Bearer ${street}`);
  expect(streetList.body.map((j: { id: string }) => j.id)).not.toContain(jobId);
  const cityList = await t.api
    .get('/api/jobs')
    .query({ filter: JSON.stringify({ state: 'completed', q: '测试' }) })
    .set('Authorization', `Bearer ${city}`);
  expect(cityList.body.map((j: { id: string }) => j.id)).toContain(jobId);
  expect(cityList.headers['content-range']).toMatch(/^jobs 0-\d+\/\d+$/);
  expect(
    (
      await t.api
        .get('/api/jobs')
        .query({ filter: JSON.stringify({ state: 'lost' }) })
        .set('Authorization', `Bearer ${city}`)
    ).status,
  ).toBe(400);
});

test('a job that throws is retried and then completes; one that keeps throwing ends failed with its error', async () => {
  let calls = 0;
  defineJob('test.flaky', async () => {
    calls++;
    if (calls === 1) throw new Error('第一次失败');
    return { calls };
  });
  defineJob(
    'test.broken',
    async () => {
      throw new Error('总是失败');
    },
    { retryLimit: 1 },
  );
  const city = await actorOf('city');
  const flaky = await enqueueJob('test.flaky', {}, city);
  const broken = await enqueueJob('test.broken', {}, city);
  expect(await waitFor('city', flaky.jobId)).toMatchObject({ state: 'completed', attempts: 2, result: { calls: 2 }, error: null });
  expect(await waitFor('city', broken.jobId)).toMatchObject({ state: 'failed', attempts: 2, error: '总是失败' });
});

test('a singleton job runs once at a time however many ask for it at once (20-way)', async () => {
  let running = 0;
  let most = 0;
  let runs = 0;
  defineJob<{ key: string }>(
    'test.single',
    async () => {
      running++;
      runs++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 600));
      running--;
      return null;
    },
    { singletonKey: (d) => d.key },
  );
  const city = await actorOf('city');
  const ids = await Promise.all(Array.from({ length: 20 }, () => enqueueJob('test.single', { key: 'k1' }, city)));
  const distinct = [...new Set(ids.map((r) => r.jobId))];
  // One runs and at most one more waits: every other request joins a waiting run.
  expect(distinct.length).toBeLessThanOrEqual(2);
  for (const id of distinct) await waitFor('city', id);
  expect(most).toBe(1);
  expect(runs).toBe(distinct.length);
});

test('an unknown job name is refused before anything is stored', async () => {
  await expect(enqueueJob('test.nothing', {}, null)).rejects.toThrow(/not defined/);
  expect(() => defineJob('Bad Name', async () => null)).toThrow(/lowercase/);
});

// `npm start`'s embedded PGlite: the same queue, on the same single connection as the platform.
test('PGlite: pg-boss runs on the embedded database through the same interface', async () => {
  const dir = await pgliteDataDir('migrated');
  const database = await openDatabase({ dataDir: dir });
  const previous = t.database;
  try {
    await migrateDatabase(database);
    attachJobQueue(database, testConfig(FAST), () => undefined);
    defineJob<{ n: number }>('test.lite', async ({ n }, ctx) => {
      await ctx.progress(n, n);
      return { n };
    });
    const { jobId } = await enqueueJob('test.lite', { n: 2 }, null);
    let row: { state: string; result: unknown } | undefined;
    for (let i = 0; i < 120 && row?.state !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const client = (database.db as unknown as { $client: { query(q: string, v: unknown[]): Promise<{ rows: { state: string; result: unknown }[] }> } })
        .$client;
      [row] = (await client.query('SELECT state, result FROM job_runs WHERE id = $1', [jobId])).rows;
    }
    expect(row).toEqual({ state: 'completed', result: { n: 2 } });
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
    // The test app's queue again, for anything after this test.
    attachJobQueue(previous, t.config, () => undefined);
  }
}, 240000);
