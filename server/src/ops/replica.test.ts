import request from 'supertest';
import type { Server } from 'node:http';
import { sql } from 'drizzle-orm';
import { createApp } from '../app';
import { openDatabase, REPLICA_APPLICATION_NAME, type Database } from '../db/client';
import { readDb } from '../db/replica';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { createTestDatabase } from '../../../test/support/pg';
import { DEMO_PASSWORD } from '../../../test/support/testConfig';

/**
 * Issue 15, "A standby database": with DATABASE_REPLICA_URL set, dashboards, statistics, home
 * counts and export counts read the replica; writes (and audit rows) stay on the primary. The
 * replica here is a second database holding different data, so where a figure came from shows.
 */
let t: TestApi; // the primary, and the platform as before (no replica)
let replicaDb: { url: string; drop(): Promise<void> };
let database: Database;
let server: Server;
let api: ReturnType<typeof request>;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
const STATS = `/api/tickets/stats?from=${yearAgo}&to=${today}&groupBy=district`;

async function onReplica<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const { Client } = await import('pg');
  const c = new Client({ connectionString: replicaDb.url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  t = await createTestApi();
  replicaDb = await createTestDatabase();
  // The replica's copy differs: its tickets are five years old, so this year's statistics are empty there.
  await onReplica(`UPDATE tickets SET created_at = created_at - interval '5 years'`);
  database = await openDatabase({ databaseUrl: t.databaseUrl, dataDir: '', replicaUrl: replicaDb.url, replicaPoolSize: 2 });
  const app = createApp({ database, config: t.config, log: () => undefined });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  api = request(server);
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.close();
  await replicaDb.drop();
  await t.close();
});

async function login(a: ReturnType<typeof request>, username: string): Promise<string> {
  const res = await a.post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
  expect(res.status).toBe(200);
  return res.body.token;
}

test('without DATABASE_REPLICA_URL, readDb is the primary and statistics count the primary’s tickets', async () => {
  expect(readDb(t.database.db)).toBe(t.database.db);
  expect(t.database.replica).toBeUndefined();
  const res = await t.api.get(STATS).set(bearer(await t.login('city')));
  expect(res.status).toBe(200);
  expect(res.body.reduce((n: number, r: { received: number }) => n + r.received, 0)).toBeGreaterThan(0);
});

test('with it set, ticket statistics come from the replica (its copy has none this year) and its sessions show in pg_stat_activity', async () => {
  expect(readDb(database.db)).toBe(database.replica);
  const city = await login(api, 'city');
  const res = await api.get(STATS).set(bearer(city));
  expect(res.status).toBe(200);
  expect(res.body).toEqual([]);
  const sessions = await onReplica<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = '${REPLICA_APPLICATION_NAME}' AND datname = current_database()`,
  );
  expect(sessions[0].n).toBeGreaterThanOrEqual(1);
});

test('every dashboard, statistics and export-count endpoint reads the replica, and works on its read-only sessions', async () => {
  const city = await login(api, 'city');
  const party = await login(api, 'party');
  for (const [path, token] of [
    ['/api/home', city],
    ['/api/kpi?year=2023&asOf=2023-12-31', city],
    ['/api/party/stats', party],
    ['/api/quality/stats?year=2024', city],
    ['/api/public/price-stats?year=2024', city],
    ['/api/renewal/coverage', city],
    [`/api/households.xlsx?purpose=${encodeURIComponent(JSON.stringify({ kind: 'statistics', detail: '年度统计核对' }))}`, city],
  ] as const) {
    const [{ before }] = await onReplica<{ before: Date }>('SELECT clock_timestamp() AS before');
    const res = await api.get(path).set(bearer(token));
    expect([path, res.status, res.status === 200 ? '' : JSON.stringify(res.body)]).toEqual([path, 200, '']);
    // a replica session was used by this request: it went busy and back to idle since `before`
    const [used] = await onReplica<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database() AND state_change > $2`,
      [REPLICA_APPLICATION_NAME, before],
    );
    expect([path, used.n > 0]).toEqual([path, true]);
  }
});

test('writes stay on the primary: the replica session refuses one, and a report download’s audit row lands on the primary', async () => {
  // 25006 read_only_sql_transaction
  await expect(database.replica!.execute(sql`UPDATE tickets SET rating = rating`)).rejects.toMatchObject({ cause: { code: '25006' } });
  const city = await login(api, 'city');
  const before = await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'download_report'`);
  const res = await api.get('/api/kpi/report?format=xlsx&year=2023&asOf=2023-12-31').set(bearer(city)).buffer(true);
  expect(res.status).toBe(200);
  const after = await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'download_report'`);
  expect(after[0].n).toBe(before[0].n + 1);
  expect((await onReplica<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'download_report'`))[0].n).toBe(before[0].n);
});
