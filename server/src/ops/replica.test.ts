import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Server } from 'node:http';
import ExcelJS from 'exceljs';
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
let home: { id: number; room: string };
const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-replica-exports-'));
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
  // …and one home's room is written differently there, so an export shows which copy it read.
  [home] = await onReplica<{ id: number; room: string }>(
    `UPDATE households SET room = 'R-REPLICA' WHERE id = (SELECT min(id) FROM households) RETURNING id, room`,
  );
  database = await openDatabase({ databaseUrl: t.databaseUrl, dataDir: '', replicaUrl: replicaDb.url, replicaPoolSize: 2 });
  // Exports above 5,000 rows run as a job (the demo city has ~6,700 homes), polled quickly.
  const config = {
    ...t.config,
    exports: { ...t.config.exports, jobThresholdRows: 5000, dir: exportDir },
    jobs: { ...t.config.jobs, pollIntervalSeconds: 0.5, retryDelaySeconds: 0 },
  };
  const app = createApp({ database, config, log: () => undefined });
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
  fs.rmSync(exportDir, { recursive: true, force: true });
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
    ['/api/compounds.xlsx', city],
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

const PURPOSE = JSON.stringify({ kind: 'statistics', detail: '年度统计核对' });
const exportAudits = (q: (text: string) => Promise<{ n: number }[]>) =>
  q("SELECT count(*)::int AS n FROM audit_logs WHERE action = 'export_personal' AND entity = 'households'").then((r) => r[0].n);

function binary(res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

/** The room column of an exported households sheet, by the home's ID. */
async function roomsById(body: Buffer): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const ws = wb.worksheets[0];
  const header = (ws.getRow(1).values as unknown[]).map(String);
  const id = header.indexOf('ID');
  const room = header.indexOf('房号');
  const rooms = new Map<string, string>();
  ws.eachRow((row, n) => {
    if (n > 1) rooms.set(String(row.getCell(id).value), String(row.getCell(room).value));
  });
  return rooms;
}

describe('exports read the replica, their audit rows are on the primary', () => {
  const one = () => ({ filter: JSON.stringify({ id: [home.id] }), purpose: PURPOSE });

  test('without DATABASE_REPLICA_URL the export reads the primary', async () => {
    const res = await t.api
      .get('/api/households.xlsx')
      .query(one())
      .set(bearer(await t.login('city')))
      .buffer(true)
      .parse(binary as never);
    expect(res.status).toBe(200);
    expect((await roomsById(res.body)).get(String(home.id))).not.toBe('R-REPLICA');
  });

  test('a streamed export’s rows are the replica’s; its audit row is committed on the primary (the replica has none)', async () => {
    const city = await login(api, 'city');
    const [onPrimary, onStandby] = [await exportAudits((q) => t.query(q)), await exportAudits((q) => onReplica(q))];
    const res = await api
      .get('/api/households.xlsx')
      .query(one())
      .set(bearer(city))
      .buffer(true)
      .parse(binary as never);
    expect(res.status).toBe(200);
    expect((await roomsById(res.body)).get(String(home.id))).toBe('R-REPLICA');
    expect(await exportAudits((q) => t.query(q))).toBe(onPrimary + 1);
    expect(await exportAudits((q) => onReplica(q))).toBe(onStandby);
    const [audit] = await t.query<{ after: { rowCount: number; server: boolean } }>(
      "SELECT after FROM audit_logs WHERE action = 'export_personal' AND entity = 'households' ORDER BY id DESC LIMIT 1",
    );
    expect(audit.after).toMatchObject({ rowCount: 1, server: true });
  });

  test('an export job (above the threshold) writes the replica’s rows too, and is audited on the primary', async () => {
    const city = await login(api, 'city');
    const onPrimary = await exportAudits((q) => t.query(q));
    const started = await api.get('/api/households.xlsx').query({ purpose: PURPOSE }).set(bearer(city));
    expect(started.status).toBe(202);
    let job: { state: string; result?: { downloadUrl: string; rowCount: number } } | undefined;
    for (let i = 0; i < 480 && job?.state !== 'completed' && job?.state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      job = (await api.get(`/api/jobs/${started.body.jobId}`).set(bearer(city))).body;
    }
    expect(job).toMatchObject({ state: 'completed', result: { rowCount: started.body.rowCount } });
    const file = await api
      .get(job!.result!.downloadUrl)
      .set(bearer(city))
      .buffer(true)
      .parse(binary as never);
    expect(file.status).toBe(200);
    const rooms = await roomsById(file.body);
    expect(rooms.size).toBe(started.body.rowCount);
    expect(rooms.get(String(home.id))).toBe('R-REPLICA');
    expect(await exportAudits((q) => t.query(q))).toBe(onPrimary + 1);
  }, 150_000);
});

test('GET /api/metrics shows the replica pool beside the primary’s (pool="replica": total, idle, waiting)', async () => {
  await api.get('/api/home').set(bearer(await login(api, 'city')));
  const res = await api.get('/api/metrics');
  expect(res.status).toBe(200);
  for (const pool of ['primary', 'replica'])
    for (const state of ['total', 'idle', 'waiting']) expect(res.text).toMatch(new RegExp(`db_pool_connections\\{pool="${pool}",state="${state}"\\} \\d+`));
  // the replica's pool has been used (its size is 2 here)
  expect(res.text).toMatch(/db_pool_connections\{pool="replica",state="total"\} [12]\b/);
});
