import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase } from '../../../test/support/pg';
import { DEMO_PASSWORD } from '../../../test/support/testConfig';
import { freePort } from '../../../test/support/freePort';

/**
 * Issue 15, logs: the platform started as `npm start` starts it (tsx server/src/main.ts) writes
 * nothing but JSON lines — the start-up banner, each request (with its request id), and the
 * database pool's errors when PostgreSQL drops its connections (as a restart or failover does).
 */
jest.setTimeout(120_000);

const root = path.resolve(__dirname, '../../..');
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let dataDir: string;
let proc: ChildProcess | undefined;
const output: string[] = [];

const lines = () =>
  output
    .join('')
    .split('\n')
    .filter((l) => l.trim() !== '');

async function until(what: string, ok: () => boolean | Promise<boolean>) {
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    if (proc?.exitCode !== null && proc?.exitCode !== undefined) throw new Error(`server exited ${proc.exitCode}:\n${lines().join('\n')}`);
    if (await ok()) return;
  }
  throw new Error(`${what} did not happen:\n${lines().join('\n')}`);
}

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-logs-'));
});

afterAll(async () => {
  if (proc && proc.exitCode === null) {
    const exited = new Promise((r) => proc!.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  }
  await db?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('every line the server writes is JSON: banner, requests with their id, pool errors; the pool keeps to DATABASE_POOL_SIZE', async () => {
  const port = await freePort();
  proc = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'server/src/main.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      SEED_DEMO: '0',
      DEMO_PASSWORD,
      ENCRYPTION_KEY: 'test-only-encryption-key-0123456789abcdef',
      AUDIT_SEAL_INTERVAL_MS: '200',
      DATABASE_POOL_SIZE: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => output.push(String(d)));
  proc.stderr!.on('data', (d) => output.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  await until('start', () =>
    fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.ok,
      () => false,
    ),
  );

  const missing = await fetch(`${base}/api/no-such-thing`);
  expect(missing.status).toBe(404);
  const reqId = missing.headers.get('x-request-id');
  // DATABASE_POOL_SIZE: twenty requests at once share the two connections it allows (ten by default).
  const burst = await Promise.all(Array.from({ length: 20 }, () => fetch(`${base}/api/health`)));
  expect(burst.map((r) => r.status)).toEqual(Array(20).fill(200));
  const metrics = await fetch(`${base}/api/metrics`);
  expect(metrics.status).toBe(200);
  expect(await metrics.text()).toMatch(/db_pool_connections\{pool="primary",state="total"\} 2\n/);

  // PostgreSQL drops every connection of the platform's (an administrator, a restart): the pool says so.
  const admin = new Client({ connectionString: db.url });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  } finally {
    await admin.end();
  }
  await until('pool error logged', () => lines().some((l) => l.includes('PostgreSQL')));
  // and the platform carries on
  await until('healthy again', () =>
    fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.ok,
      () => false,
    ),
  );

  const exited = new Promise((r) => proc!.once('exit', r));
  proc.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    exited,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`did not stop:\n${lines().join('\n')}`)), 30_000))),
  ]).finally(() => clearTimeout(timer));

  const parsed = lines().map((line) => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`not a JSON line: ${line}`);
    }
  });
  expect(parsed.find((l) => String(l.msg).includes('已启动'))).toMatchObject({ level: 30, service: 'baotou-property' });
  expect(parsed.find((l) => l.reqId === reqId)).toMatchObject({ route: 'unmatched', status: 404 });
  expect(parsed.find((l) => l.route === '/api/metrics')).toMatchObject({ status: 200, reqId: expect.any(String) });
  expect(parsed.find((l) => String(l.msg).startsWith('PostgreSQL'))).toMatchObject({ level: 50, err: { message: expect.stringContaining('terminat') } });
});
