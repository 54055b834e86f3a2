import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Server } from 'node:http';
import request from 'supertest';
import { sql } from 'drizzle-orm';
import { createApp } from '../app';
import { openDatabase, type Database } from '../db/client';
import { readDb } from '../db/replica';
import { backupDatabase, restoreDatabase } from './backup';
import { createTestDatabase } from '../../../test/support/pg';
import { DEMO_PASSWORD, testConfig } from '../../../test/support/testConfig';
import { fundInvariantBreaks } from '../../../test/support/fundInvariant';
import type { TestApi } from '../../../test/support/api';

/**
 * Issue 15, "A standby database": a primary with a synchronous streaming hot standby
 * (scripts/pg-standby.sh, Debian's PostgreSQL). Under a stream of fund deposits from several
 * clients the primary is killed as in a crash, the standby promoted and the platform pointed at it:
 * every deposit the API acknowledged is there, and every fund account reconciles.
 */
const run = promisify(execFile);
const SCRIPT = path.resolve(__dirname, '../../../scripts/pg-standby.sh');
const CLIENTS = 6;
const config = testConfig();
let dir: string;
const opened: { database: Database; server: Server }[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function standby(...args: string[]): Promise<string> {
  return (await run('bash', [SCRIPT, ...args], { timeout: 60_000 })).stdout.trim();
}

/** The real platform over `databaseUrl` (reads of dashboards from `replicaUrl` when given), listening on 127.0.0.1. */
async function platform(databaseUrl: string, replicaUrl?: string) {
  const database = await openDatabase({ databaseUrl, dataDir: '', poolSize: CLIENTS + 2, replicaUrl });
  const app = createApp({ database, config, log: () => undefined });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  opened.push({ database, server });
  const api = request(server);
  const res = await api.post('/api/auth/login').send({ username: 'city', password: DEMO_PASSWORD });
  expect(res.status).toBe(200);
  return { database, api, auth: { Authorization: `Bearer ${res.body.token}` } };
}

async function queryOn<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const { Client } = await import('pg');
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

async function closeAll(): Promise<void> {
  for (const { database, server } of opened.splice(0)) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close().catch(() => undefined);
  }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-standby-'));
});
afterAll(async () => {
  await closeAll();
  await standby('stop', dir).catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('primary killed under a stream of deposits, standby promoted: 0 acknowledged deposits lost, every account reconciles', async () => {
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  // The primary holds the demo city (a copy of the tests' seeded template), then the standby is cloned from it.
  const primaryUrl = await standby('primary', dir, String(primaryPort));
  const source = await createTestDatabase();
  const dump = path.join(dir, 'demo.dump');
  try {
    await backupDatabase({ databaseUrl: source.url, dataDir: dir }, dump);
  } finally {
    await source.drop();
  }
  await restoreDatabase({ databaseUrl: primaryUrl, dataDir: dir }, dump);
  const standbyUrl = await standby('standby', dir, String(primaryPort), String(standbyPort));
  const [{ sync_state: syncState }] = await queryOn<{ sync_state: string }>(primaryUrl, `SELECT sync_state FROM pg_stat_replication`);
  expect(syncState).toBe('sync');
  const [{ setting }] = await queryOn<{ setting: string }>(primaryUrl, `SELECT setting FROM pg_settings WHERE name = 'synchronous_commit'`);
  expect(setting).toBe('on');

  // The platform on the primary, its dashboards reading the hot standby.
  const before = await platform(primaryUrl, standbyUrl);
  const homes = await queryOn<{ account_id: number; household_id: number }>(
    primaryUrl,
    `SELECT DISTINCT ON (account_id) account_id, household_id FROM fund_ledgers ORDER BY account_id, id LIMIT ${CLIENTS}`,
  );
  expect(homes).toHaveLength(CLIENTS);
  const deposit = (p: typeof before, home: (typeof homes)[number], amountFen: number) =>
    p.api.post(`/api/fund-accounts/${home.account_id}/deposits`).set(p.auth).send({ householdId: home.household_id, kind: 'top_up', amountFen });

  // A read on the standby under the running primary sees what was committed.
  const first = await deposit(before, homes[0], 10_000);
  expect(first.status).toBe(201);
  const seen = async () => (await readDb(before.database.db).execute(sql`SELECT count(*)::int AS n FROM fund_batches WHERE id = ${first.body.batchId}`)).rows[0] as { n: number };
  for (let i = 0; i < 50 && (await seen()).n === 0; i++) await new Promise((r) => setTimeout(r, 100));
  expect(await seen()).toEqual({ n: 1 });
  expect(readDb(before.database.db)).not.toBe(before.database.db);

  // Several clients deposit without pause; each 201 is an acknowledged deposit.
  const acknowledged: { batchId: number; ledgerId: number; amountFen: number }[] = [first.body];
  let killed = false;
  let failedAfterKill = 0;
  const client = async (home: (typeof homes)[number], n: number) => {
    for (let i = 1; !killed || failedAfterKill < 3 * CLIENTS; i++) {
      const res = await deposit(before, home, 100 * n + i).catch(() => undefined);
      if (res?.status === 201) acknowledged.push(res.body);
      else if (killed) failedAfterKill++;
      else throw new Error(`deposit refused before the primary was killed: ${res?.status} ${JSON.stringify(res?.body)}`);
      if (killed && res?.status !== 201) await new Promise((r) => setTimeout(r, 20));
    }
  };
  const stream = Promise.all(homes.map((h, n) => client(h, n + 1)));
  while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 50));
  killed = true; // from here a refused deposit is expected (it was never acknowledged)
  await standby('kill-primary', dir); // as in a crash: no checkpoint, no goodbye to the standby
  await stream;
  expect(acknowledged.length).toBeGreaterThanOrEqual(60);

  await standby('promote', dir);
  const after = await platform(standbyUrl);
  const found = await queryOn<{ id: number; amount: string; ledger_id: number }>(
    standbyUrl,
    `SELECT b.id, sum(e.amount_fen)::text AS amount, min(e.ledger_id) AS ledger_id FROM fund_batches b JOIN fund_entries e ON e.batch_id = b.id
      WHERE b.id = ANY($1::int[]) GROUP BY b.id`,
    [acknowledged.map((a) => a.batchId)],
  );
  const byId = new Map(found.map((f) => [Number(f.id), f]));
  const lost = acknowledged.filter((a) => {
    const f = byId.get(a.batchId);
    return !f || Number(f.amount) !== a.amountFen || Number(f.ledger_id) !== a.ledgerId;
  });
  expect({ acknowledged: acknowledged.length, lost }).toEqual({ acknowledged: acknowledged.length, lost: [] });
  expect(await fundInvariantBreaks({ config, query: (text: string, params?: unknown[]) => queryOn(standbyUrl, text, params) } as unknown as TestApi)).toEqual([]);

  // The platform on the promoted standby takes deposits again.
  expect((await deposit(after, homes[0], 777)).status).toBe(201);
  expect(await fundInvariantBreaks({ config, query: (text: string, params?: unknown[]) => queryOn(standbyUrl, text, params) } as unknown as TestApi)).toEqual([]);
}, 150_000);
