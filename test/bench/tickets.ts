/**
 * `npm run bench` (issue 5 targets, tightened by issue 15 "Thin margins" so they hold under load),
 * on 1,000,000 tickets generated in PostgreSQL:
 *  1. filing (POST /api/tickets by residents) p95 ≤ 25 ms on a quiet machine (≤ 50 ms under load);
 *  2. a level's queue (filtered, sorted by time left, paged) p95 ≤ 15 ms on a quiet machine (≤ 30 ms under load);
 *  3. city statistics for a year ≤ 300 ms.
 * Figures are printed, not asserted. BENCH_TICKETS_ONLY=filing|queues|stats runs one part (to profile it alone).
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { migrateDatabase, openDatabase } from '../../server/src/db/client';
import { seedDemo } from '../../server/src/seed/demo';
import { startWechatStandIn } from '../support/wechatStandIn';
import { generateCity } from './generateCity';
import { generateTickets } from './generateTickets';
import { runLoad, type LoadResult } from './load';
import { yardstickLine } from './yardstick';
import { benchExecArgv } from './execArgv';

const ROOT = path.resolve(__dirname, '../..');
const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const PORT = Number(process.env.BENCH_TICKETS_PORT ?? 3911);
const ONLY = process.env.BENCH_TICKETS_ONLY;
const runs = (part: 'filing' | 'queues' | 'stats') => !ONLY || ONLY === part;
const log = (s: string) => console.log(s);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');

async function withPostgres<T>(fn: (adminUrl: string) => Promise<T>): Promise<T> {
  if (process.env.BENCH_DATABASE_URL) return fn(process.env.BENCH_DATABASE_URL);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-bench-tickets-pg-'));
  const port = String(40000 + Math.floor(Math.random() * 20000));
  const url = execFileSync('bash', [path.join(ROOT, 'scripts/pg-temp.sh'), 'start', dir, port])
    .toString()
    .trim();
  try {
    return await fn(url);
  } finally {
    execFileSync('bash', [path.join(ROOT, 'scripts/pg-temp.sh'), 'stop', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function withDb(adminUrl: string, name: string) {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

function startChild(env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'platformServer.ts'), {
      execArgv: benchExecArgv(),
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`platformServer exited ${code}`)));
  });
}

/** Keeps `connections` POSTs in flight for `seconds`; exact percentiles. */
async function runPostLoad(opts: {
  port: number;
  connections: number;
  seconds: number;
  path: string;
  body: (i: number) => string;
  headers: (i: number) => Record<string, string>;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const deadline = Date.now() + opts.seconds * 1000;
  const started = process.hrtime.bigint();
  const one = () =>
    new Promise<void>((resolve) => {
      const i = n++;
      const body = opts.body(i);
      const t0 = process.hrtime.bigint();
      const req = http.request(
        {
          host: '127.0.0.1',
          port: opts.port,
          path: opts.path,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...opts.headers(i) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 201) errors++;
            latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (Date.now() < deadline) await one();
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { requests: latencies.length, errors, seconds, rps: latencies.length / seconds, p50: pct(50), p95: pct(95), p99: pct(99) };
}

const fmt = (r: LoadResult) =>
  `p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, ${r.rps.toFixed(0)} req/s, ${r.requests} requests, ${r.errors} errors`;

async function bench(adminUrl: string) {
  log(`\n== Tickets on PostgreSQL (${TICKETS.toLocaleString('en')} generated tickets)`);
  log(
    `  load average: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.cpus().length} cores (latencies on a loaded machine are mostly waiting; compare ratios)`,
  );
  log(await yardstickLine(adminUrl));
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS bt_bench_tickets WITH (FORCE)');
  await admin.query('CREATE DATABASE bt_bench_tickets');
  await admin.end();
  const url = withDb(adminUrl, 'bt_bench_tickets');
  const database = await openDatabase({ databaseUrl: url, dataDir: '' });
  await migrateDatabase(database);
  await seedDemo(database.db, { demoPassword: 'baotou2024', encryptionKey: 'bench-key-0123456789abcdef', highTechZoneCode: '150271' });
  await database.close();
  // Households to file against: the demo city plus generated compounds.
  await generateCity(url, { compounds: 500, perUnit: 4 }, log);
  const size = await generateTickets(url, TICKETS, log);
  log(`  tickets: ${size.total.toLocaleString('en')} (${size.open.toLocaleString('en')} open)`);

  const wechatCreds = { appId: 'wxbench00000000001', secret: 'bench-secret' };
  const wechat = await startWechatStandIn(wechatCreds);
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-bench-uploads-'));
  const server = await startChild({
    DATABASE_URL: url,
    PORT: String(PORT),
    SEED_DEMO: '0',
    WECHAT_API_BASE: wechat.baseUrl,
    WECHAT_APPID: wechatCreds.appId,
    WECHAT_SECRET: wechatCreds.secret,
    UPLOAD_DIR: uploadDir,
    FUND_PAYMENT_SECRET: process.env.FUND_PAYMENT_SECRET ?? 'bench-fund-secret-0123456789abcdef',
  });
  const base = `http://127.0.0.1:${PORT}`;
  const post = async (p: string, body: unknown, token?: string) => {
    const res = await fetch(base + p, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  try {
    // 20 residents, each with a verified home in a managed compound.
    const c = new Client({ connectionString: url });
    await c.connect();
    const homes = (
      await c.query(`SELECT h.id, h.compound_id, h.region_code FROM households h JOIN projects p ON p.compound_id = h.compound_id ORDER BY h.id LIMIT 20`)
    ).rows;
    const residents: { token: string; householdId: number }[] = [];
    for (const [i, h] of homes.entries()) {
      const login = await post('/api/auth/wechat', { code: `code-bench${i}` });
      const [{ id: userId }] = (await c.query(`SELECT id FROM users WHERE openid = $1`, [`obench${i}`])).rows;
      await c.query(
        `INSERT INTO household_claims (user_id, household_id, compound_id, region_code, name, phone_enc, phone_masked, status) VALUES ($1, $2, $3, $4, '基准住户', 'x', '139****0000', 'verified')`,
        [userId, h.id, h.compound_id, h.region_code],
      );
      residents.push({ token: login.body.token, householdId: h.id });
    }
    const staff: Record<string, string> = {};
    for (const u of ['city', 'd150203', 'street', 'community', 'company'])
      staff[u] = (await post('/api/auth/login', { username: u, password: 'baotou2024' })).body.token;
    await c.end();

    // 1. Filing
    const kinds = [
      { kind: 'repair', category: 'plumbing', description: '卫生间地漏返水，请尽快处理', preferredTime: '今天下午' },
      { kind: 'complaint', category: 'sanitation', against: 'company', description: '楼道垃圾三天没有清运' },
      { kind: 'dispute', category: 'parking', description: '车位被长期占用，协商未果' },
    ];
    const check = await post('/api/tickets', { ...kinds[0], householdId: residents[0].householdId }, residents[0].token);
    log(`  sanity: filing answers ${check.status}, level ${check.body.level}`);
    const fileOpts = {
      port: PORT,
      connections: 10,
      path: '/api/tickets',
      body: (i: number) => JSON.stringify({ ...kinds[i % 3], householdId: residents[i % residents.length].householdId }),
      headers: (i: number) => ({ authorization: `Bearer ${residents[i % residents.length].token}` }),
    };
    if (runs('filing')) {
      await runPostLoad({ ...fileOpts, seconds: 2 });
      const filing = await runPostLoad({ ...fileOpts, seconds: SECONDS });
      log(`\n  1. filing, 10 connections, ${SECONDS} s: ${fmt(filing)}`);
      log(`     p95 ${filing.p95.toFixed(2)} ms (target ≤ 25 ms on a quiet machine, ≤ 50 ms under load) ${verdict(filing.p95 <= 25)}`);
    }

    // 2. Queues: each role's level, open, sorted by time left, a random page of the first ten
    // As autovacuum keeps a live table: the visibility map set, so counts over a queue are index-only.
    {
      const v = new Client({ connectionString: url });
      await v.connect();
      await v.query('VACUUM ANALYZE tickets');
      await v.end();
    }
    const sort = encodeURIComponent(JSON.stringify(['dueAt', 'ASC']));
    const queues: [string, string, string][] = [
      ['city, district level', 'city', 'district'],
      ['district 150203, street level', 'd150203', 'street'],
      ['street 150203001, street level', 'street', 'street'],
      ['community, community level', 'community', 'community'],
      ['company, company level', 'company', 'company'],
    ];
    log(`\n  2. a level's queue (filter level + open, sort dueAt ASC, 25 a page), 10 connections, ${SECONDS} s each:`);
    const p95s: number[] = [];
    for (const [label, user, level] of runs('queues') ? queues : []) {
      const filter = encodeURIComponent(JSON.stringify({ level, open: true }));
      const qpath = () => {
        const page = Math.floor(Math.random() * 10);
        return `/api/tickets?filter=${filter}&sort=${sort}&range=${encodeURIComponent(JSON.stringify([page * 25, page * 25 + 24]))}`;
      };
      const probe = await fetch(base + qpath(), { headers: { authorization: `Bearer ${staff[user]}` } });
      const rows = (await probe.json()) as unknown[];
      await runLoad({ port: PORT, connections: 10, seconds: 1, path: qpath, headers: { authorization: `Bearer ${staff[user]}` } });
      const r = await runLoad({ port: PORT, connections: 10, seconds: SECONDS, path: qpath, headers: { authorization: `Bearer ${staff[user]}` } });
      p95s.push(r.p95);
      log(`     ${label.padEnd(32)} ${probe.headers.get('content-range')?.padEnd(24)} ${rows.length} rows; ${fmt(r)}`);
    }
    const worst = Math.max(...p95s);
    if (p95s.length) log(`     worst p95 ${worst.toFixed(2)} ms (target ≤ 15 ms on a quiet machine, ≤ 30 ms under load) ${verdict(worst <= 15)}`);

    // 3. City statistics for a year
    const to = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const from = new Date(Date.now() + 8 * 3600_000 - 364 * 86_400_000).toISOString().slice(0, 10);
    log(`\n  3. city statistics ${from} … ${to}, one request at a time:`);
    for (const groupBy of runs('stats') ? ['district', 'street', 'compound', 'company'] : []) {
      const times: number[] = [];
      let received = 0;
      for (let i = 0; i < 7; i++) {
        const t0 = process.hrtime.bigint();
        const res = await fetch(`${base}/api/tickets/stats?from=${from}&to=${to}&groupBy=${groupBy}`, { headers: { authorization: `Bearer ${staff.city}` } });
        const rows = (await res.json()) as { received: number }[];
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        received = rows.reduce((s, r) => s + r.received, 0);
      }
      const rest = times.slice(2);
      log(
        `     by ${groupBy.padEnd(9)} ${received.toLocaleString('en')} tickets: median ${median(rest).toFixed(1)} ms, max ${Math.max(...rest).toFixed(1)} ms (target ≤ 300 ms) ${verdict(Math.max(...rest) <= 300)}`,
      );
    }
  } finally {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill();
    await exited; // BENCH_REQUEST_COSTS=1: the server prints its per-route costs as it ends
    await wechat.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  }
}

withPostgres(bench).catch((err) => {
  console.error(err);
  process.exit(1);
});
