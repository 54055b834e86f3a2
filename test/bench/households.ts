/**
 * `npm run bench`: the foundation issue's targets, measured.
 *  1. Household list, filtered by compound and sorted, on ≥ 500,000 households in PostgreSQL:
 *     p50/p95 and req/s at 10 connections, ours vs a bare node:http + pg handler.
 *  2. Start-up: first `npm start` (migrate + seed on PGlite) and a later start, to /api/health.
 *  3. Front-end budgets: console initial JS (gzip) and weapp main package, when built.
 */
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { migrateDatabase, openDatabase } from '../../server/src/db/client';
import { seedDemo } from '../../server/src/seed/demo';
import { generateCity } from './generateCity';
import { runLoad, type LoadResult } from './load';
import { benchExecArgv } from './execArgv';

const ROOT = path.resolve(__dirname, '../..');
const COMPOUNDS = Number(process.env.BENCH_COMPOUNDS ?? 2000);
const PER_UNIT = Number(process.env.BENCH_PER_UNIT ?? 25); // 2000 × 5 buildings × 2 units × 25 = 500,000
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = 3;

const log = (s: string) => console.log(s);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function withPostgres<T>(fn: (adminUrl: string) => Promise<T>): Promise<T> {
  if (process.env.BENCH_DATABASE_URL) return fn(process.env.BENCH_DATABASE_URL);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-bench-pg-'));
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

function startChild(script: string, env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, script), { execArgv: benchExecArgv(), env: { ...process.env, ...env }, stdio: 'inherit' });
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}`)));
  });
}

async function householdList(adminUrl: string) {
  log(`\n== 1. Household list on PostgreSQL (${COMPOUNDS} generated compounds × ${10 * PER_UNIT} households)`);
  log(
    `  load average: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.cpus().length} cores (latencies on a loaded machine are mostly waiting; compare ratios)`,
  );
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS bt_bench WITH (FORCE)');
  await admin.query('CREATE DATABASE bt_bench');
  await admin.end();
  const url = withDb(adminUrl, 'bt_bench');
  const t0 = Date.now();
  const database = await openDatabase({ databaseUrl: url, dataDir: '' });
  await migrateDatabase(database);
  await seedDemo(database.db, { demoPassword: 'baotou2024', encryptionKey: 'bench-key-0123456789abcdef', highTechZoneCode: '150271' });
  await database.close();
  const size = await generateCity(url, { compounds: COMPOUNDS, perUnit: PER_UNIT }, log);
  log(`  generated ${size.compounds} compounds, ${size.households} households in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const c = new Client({ connectionString: url });
  await c.connect();
  const ids = (await c.query(`SELECT id FROM compounds WHERE code LIKE 'BK%'`)).rows.map((r) => r.id as number);
  await c.end();

  const ours = await startChild('platformServer.ts', { DATABASE_URL: url, PORT: '3901', SEED_DEMO: '0' });
  const bare = await startChild('bareServer.ts', { DATABASE_URL: url, PORT: '3902' });
  try {
    const login = await fetch('http://127.0.0.1:3901/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'city', password: 'baotou2024' }),
    });
    const { token } = (await login.json()) as { token: string };
    const sort = encodeURIComponent(JSON.stringify(['room', 'ASC']));
    const range = encodeURIComponent(JSON.stringify([0, 24]));
    const listPath = () =>
      `/api/households?filter=${encodeURIComponent(JSON.stringify({ compoundId: ids[Math.floor(Math.random() * ids.length)] }))}&sort=${sort}&range=${range}`;
    const check = await fetch(`http://127.0.0.1:3901${listPath()}`, { headers: { authorization: `Bearer ${token}` } });
    const checkRows = (await check.json()) as unknown[];
    log(`  sanity: ours answers ${check.status}, ${checkRows.length} rows, Content-Range ${check.headers.get('content-range')}`);

    const results: { ours: LoadResult[]; bare: LoadResult[] } = { ours: [], bare: [] };
    for (const [name, port, headers] of [
      ['ours', 3901, { authorization: `Bearer ${token}` }],
      ['bare', 3902, {}],
    ] as const) {
      await runLoad({ port, connections: 10, seconds: 2, path: listPath, headers }); // warm-up
      void name;
    }
    for (let round = 0; round < ROUNDS; round++) {
      results.bare.push(await runLoad({ port: 3902, connections: 10, seconds: SECONDS, path: listPath }));
      results.ours.push(await runLoad({ port: 3901, connections: 10, seconds: SECONDS, path: listPath, headers: { authorization: `Bearer ${token}` } }));
    }
    const row = (name: string, rs: LoadResult[]) =>
      `  ${name.padEnd(28)} ${median(rs.map((r) => r.p50))
        .toFixed(2)
        .padStart(8)} ${median(rs.map((r) => r.p95))
        .toFixed(2)
        .padStart(8)} ${median(rs.map((r) => r.p99))
        .toFixed(2)
        .padStart(8)} ${median(rs.map((r) => r.rps))
        .toFixed(0)
        .padStart(8)} ${String(rs.reduce((s, r) => s + r.errors, 0)).padStart(7)}`;
    log(`  medians of ${ROUNDS} rounds × ${SECONDS} s, 10 connections, a random compound per request`);
    log(`  ${'handler'.padEnd(28)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'req/s'.padStart(8)} ${'errors'.padStart(7)}`);
    log(row('ours (Koa+JWT+jurisdiction)', results.ours));
    log(row('bare node:http + pg', results.bare));
    const ratio = median(results.ours.map((r) => r.rps)) / median(results.bare.map((r) => r.rps));
    const p95 = median(results.ours.map((r) => r.p95));
    log(`  throughput ratio ours/bare: ${ratio.toFixed(2)} (target ≥ 0.75) ${ratio >= 0.75 ? 'MET' : 'NOT MET'}`);
    log(`  ours p95: ${p95.toFixed(2)} ms (target ≤ 25 ms) ${p95 <= 25 ? 'MET' : 'NOT MET'}`);
  } finally {
    ours.kill();
    bare.kill();
  }
}

async function timeToHealth(dataDir: string, port: number): Promise<number> {
  const t0 = Date.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok) return Date.now() - t0;
      } catch {
        /* not up yet */
      }
      if (Date.now() - t0 > 120000) throw new Error('server did not start in 120 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function startup() {
  log('\n== 2. Start-up on the embedded database (server ready at /api/health)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-bench-start-'));
  try {
    const first = await timeToHealth(dir, 3903);
    const later = [await timeToHealth(dir, 3903), await timeToHealth(dir, 3903), await timeToHealth(dir, 3903)];
    log(`  first start (initdb + migrate + demo seed): ${(first / 1000).toFixed(1)} s (target ≤ 20 s) ${first <= 20000 ? 'MET' : 'NOT MET'}`);
    log(`  later starts, median of 3: ${(median(later) / 1000).toFixed(1)} s (target ≤ 5 s) ${median(later) <= 5000 ? 'MET' : 'NOT MET'}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function budgets() {
  log('\n== 3. Front-end budgets (from the current builds; `npm run build` first)');
  for (const [name, script] of [
    ['console initial JS', 'admin/scripts/size.mjs'],
    ['weapp main package', 'mini/scripts/size.mjs'],
  ]) {
    if (!fs.existsSync(path.join(ROOT, script))) continue;
    try {
      log(
        `  ${name}: ${execFileSync(process.execPath, [path.join(ROOT, script)], { cwd: ROOT })
          .toString()
          .trim()}`,
      );
    } catch (err) {
      log(`  ${name}: ${(err as { stdout?: Buffer }).stdout?.toString().trim() || 'not built'}`);
    }
  }
}

(async () => {
  await withPostgres(householdList);
  await startup();
  budgets();
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
