/**
 * `npm run bench` (part): issue 13's notification target, measured (printed, not asserted):
 * WeChat Pay notification handling p95 ≤ 30 ms at 20 connections. Each notification is signed and
 * encrypted exactly as WeChat does (server/src/pay/protocol.ts) for an open order of one bill, so
 * each is a full verify → decrypt → read → post (payment, bill, receipt, order, audit rows); then the same notifications
 * again (already processed: answered 200 without posting). Runs in a throwaway PostgreSQL (or
 * BENCH_DATABASE_URL's server). BENCH_PAY_NOTIFICATIONS (default 2000) sets how many.
 *
 * The server is warmed first, as a running server is (the other benches warm up too): the first
 * notifications of BENCH_PAY_WARMUP (default 1000) other orders, printed apart — a just-started
 * process spends its first thousand or so compiling (V8's optimising compiler runs on other threads,
 * counted in the process's CPU) and opening the pool's connections, about twice the CPU each.
 *
 * The server runs in its own process (this file forked with `serve`), so the node CPU printed per
 * notification is the server's alone, the client's beside it: figures the machine's load inflates
 * far less than latency. While a round runs, PostgreSQL's sessions are sampled for what they are
 * doing (running, waiting on a lock, idle waiting for node), which tells a lock queue from a busy CPU.
 * BENCH_REQUEST_COSTS=1: the server prints SQL round trips per notification (BENCH_REQUEST_STATEMENTS=1
 * each statement's); BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there as it ends.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '@baotou/config';
import { createApp } from '../../server/src/app';
import { openDatabase } from '../../server/src/db/client';
import { encryptResource, signedHeaders } from '../../server/src/pay/protocol';
import { freshDemoDatabase, pct, withPostgres } from './postgres';
import { yardstickLine } from './yardstick';
import { countQueries, printRequestCosts, requestCosts } from './requestCosts';
import { benchExecArgv } from './execArgv';

const COUNT = Number(process.env.BENCH_PAY_NOTIFICATIONS ?? 2000);
const WARMUP = Number(process.env.BENCH_PAY_WARMUP ?? 1000);
const CONNECTIONS = 20;
const TARGET_MS = 30;
const NOTIFY_PATH = '/api/pay/wechat/notify';
const MCH_ID = '1900000109';
const APP_ID = 'wxbench0000000001';
const PUBLIC_KEY_ID = 'PUB_KEY_ID_0114BENCH';
const log = (s: string) => console.log(s);
const keys = () =>
  generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

/** What the parent hands the server process: the database and the keys of both sides. */
interface ServeEnv {
  url: string;
  merchantPrivateKey: string;
  platformPublicKey: string;
  apiV3Key: string;
}

/** The server process: the platform's app on the bench database, answering the parent's 'cpu' and 'stop'. */
async function serve(): Promise<void> {
  const env = JSON.parse(process.env.BENCH_PAY_SERVE!) as ServeEnv;
  const costs = process.env.BENCH_REQUEST_COSTS === '1';
  if (costs) countQueries();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: env.url,
    SEED_DEMO: '0',
    DEV_LOGIN: '0',
    JWT_SECRET: 'bench-secret-0123456789abcdef',
    ENCRYPTION_KEY: 'bench-key-0123456789abcdef',
    PAY_MCHID: MCH_ID,
    PAY_APPID: APP_ID,
    PAY_MERCHANT_PRIVATE_KEY: env.merchantPrivateKey,
    PAY_APIV3_KEY: env.apiV3Key,
    PAY_PLATFORM_PUBLIC_KEY: env.platformPublicKey,
    PAY_PLATFORM_PUBLIC_KEY_ID: PUBLIC_KEY_ID,
    PAY_STAND_IN: '0',
  });
  // The pool main.ts opens (openDatabase's default of 10), not one connection per client connection.
  const database = await openDatabase({ databaseUrl: env.url, dataDir: '' });
  const app = createApp({ database, config, log: (e) => console.error(e) });
  if (costs) app.middleware.unshift(requestCosts);
  const server = app.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
  process.on('message', async (m) => {
    if (m === 'cpu') process.send!({ cpu: process.cpuUsage() });
    if (m === 'stop') {
      if (costs) printRequestCosts();
      server.close();
      await database.close();
      process.exit(0); // exits normally, so --cpu-prof writes the profile
    }
  });
}

function startServer(env: ServeEnv): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(__filename, ['serve'], {
    execArgv: benchExecArgv(),
    env: { ...process.env, BENCH_PAY_SERVE: JSON.stringify(env) },
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ child, port: m.port }));
    child.once('exit', (code) => reject(new Error(`pay bench server exited ${code}`)));
  });
}

/** The server process's CPU time so far (µs). */
function serverCpu(child: ChildProcess): Promise<NodeJS.CpuUsage> {
  return new Promise((resolve) => {
    const on = (m: { cpu?: NodeJS.CpuUsage }) => {
      if (!m.cpu) return;
      child.off('message', on);
      resolve(m.cpu);
    };
    child.on('message', on);
    child.send('cpu');
  });
}

/** A process's state, parent and CPU (user + system, clock ticks) from /proc/<pid>/stat; undefined when gone. */
function procStat(pid: number): { ppid: number; ticks: number } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: fields are counted after it.
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
}

/**
 * The PostgreSQL cluster's CPU time so far (ms): every child of the postmaster whose backend `pid`
 * is (backends, WAL writer, checkpointer, autovacuum), read from /proc — so only when the server runs
 * on this machine (else undefined). A process that ends between two readings is missed.
 */
function postgresCpuMs(backendPid: number): number | undefined {
  const postmaster = procStat(backendPid)?.ppid;
  if (!postmaster) return undefined;
  let ticks = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const st = procStat(Number(name));
    if (st?.ppid === postmaster) ticks += st.ticks;
  }
  return (ticks * 1000) / 100; // USER_HZ: 100 on Linux
}

/**
 * Samples the bench database's client sessions every 100 ms until stopped: what each is doing
 * (active on CPU, waiting on a lock or I/O, idle waiting for node), as shares of all samples.
 */
async function sampleSessions(url: string): Promise<{ pid: number; stop: () => Promise<string> }> {
  const c = new Client({ connectionString: url });
  const counts = new Map<string, number>();
  let total = 0;
  let running = true;
  await c.connect();
  const [{ pid }] = (await c.query('SELECT pg_backend_pid() AS pid')).rows;
  const loop = (async () => {
    while (running) {
      const { rows } = await c.query(
        `SELECT state || coalesce(' ' || wait_event_type || ':' || wait_event, '') AS what, count(*)::int AS n
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' GROUP BY 1`,
      );
      for (const r of rows) {
        counts.set(r.what, (counts.get(r.what) ?? 0) + r.n);
        total += r.n;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await c.end();
  })();
  return {
    pid,
    stop: async () => {
      running = false;
      await loop;
      return [...counts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([what, n]) => `${what} ${((100 * n) / Math.max(total, 1)).toFixed(0)}%`)
        .join(', ');
    },
  };
}

/** `count` open orders, each of one unpaid bill of a demo home. */
async function prepare(url: string, count: number): Promise<{ outTradeNo: string; amountFen: number }[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const [p] = (await c.query(`SELECT id, company_id, compound_id, region_code FROM projects ORDER BY id LIMIT 1`)).rows;
  const [{ id: item }] = (
    await c.query(
      `INSERT INTO fee_items (project_id, company_id, compound_id, region_code, kind, name, fee_milli_fen_per_m2_month, billing_cycle, starts_on)
       VALUES ($1, $2, $3, $4, 'property_fee', '物业服务费', 139000, 'monthly', '2020-01-01') RETURNING id`,
      [p.id, p.company_id, p.compound_id, p.region_code],
    )
  ).rows;
  const [{ id: user }] = (await c.query(`SELECT id FROM users ORDER BY id LIMIT 1`)).rows;
  // Homes of every compound, a month each as needed, so orders do not all queue on one home.
  await c.query(
    `WITH hs AS (SELECT h.id, h.compound_id, h.building_id, h.region_code, row_number() OVER (ORDER BY h.id) - 1 AS i, count(*) OVER () AS n FROM households h)
     INSERT INTO bills (household_id, compound_id, building_id, project_id, company_id, region_code, fee_item_id, period_start, period_end, months, amount_fen, due_on)
     SELECT hs.id, hs.compound_id, hs.building_id, $1, $2, hs.region_code, $3, (date '2030-01-01' + make_interval(months => (g / hs.n)::int))::date,
            (date '2030-01-01' + make_interval(months => (g / hs.n)::int + 1) - interval '1 day')::date, 1, 10000 + g % 5000, date '2030-01-01'
       FROM generate_series(0, $4::int - 1) g JOIN hs ON hs.i = g % hs.n`,
    [p.id, p.company_id, item, count],
  );
  await c.query(
    `INSERT INTO pay_orders (purpose, household_id, compound_id, region_code, user_id, bill_ids, amount_fen, out_trade_no, openid, expires_at)
     SELECT 'fees', b.household_id, b.compound_id, b.region_code, $1, ARRAY[b.id], b.amount_fen, 'B' || b.id || 'X' || substr(md5(b.id::text), 1, 8), 'oBench', now() + interval '1 hour'
       FROM bills b WHERE b.fee_item_id = $2`,
    [user, item],
  );
  await c.query('ANALYZE bills; ANALYZE pay_orders');
  const rows = (await c.query(`SELECT out_trade_no AS "outTradeNo", amount_fen::int AS "amountFen" FROM pay_orders ORDER BY id`)).rows;
  await c.end();
  return rows;
}

async function main() {
  log(`\n== WeChat Pay notifications (issue 13): ${COUNT.toLocaleString('en-US')} signed notifications at ${CONNECTIONS} connections`);
  await withPostgres('pay', async (adminUrl) => {
    log(await yardstickLine(adminUrl));
    const url = await freshDemoDatabase(adminUrl, 'bt_bench_pay');
    const orders = await prepare(url, WARMUP + COUNT);
    const merchant = keys();
    const platform = keys();
    const apiV3Key = randomBytes(16).toString('hex');
    const { child, port } = await startServer({ url, merchantPrivateKey: merchant.privateKey, platformPublicKey: platform.publicKey, apiV3Key });
    const notification = (o: { outTradeNo: string; amountFen: number }) => {
      const body = JSON.stringify({
        id: randomBytes(18).toString('hex'),
        create_time: new Date().toISOString(),
        resource_type: 'encrypt-resource',
        event_type: 'TRANSACTION.SUCCESS',
        summary: '支付成功',
        resource: encryptResource(
          apiV3Key,
          JSON.stringify({
            appid: APP_ID,
            mchid: MCH_ID,
            out_trade_no: o.outTradeNo,
            transaction_id: `4200${randomBytes(8).toString('hex')}`,
            trade_type: 'JSAPI',
            trade_state: 'SUCCESS',
            success_time: new Date().toISOString(),
            payer: { openid: 'oBench' },
            amount: { total: o.amountFen, payer_total: o.amountFen, currency: 'CNY', payer_currency: 'CNY' },
          }),
        ),
      });
      return {
        body,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(body)),
          ...signedHeaders(platform.privateKey, PUBLIC_KEY_ID, body),
        },
      };
    };
    async function round(label: string, list: ReturnType<typeof notification>[], target = true) {
      const times: number[] = [];
      const statuses = new Map<number, number>();
      let next = 0;
      // WeChat's stand-in should cost little CPU on the server's two cores: node:http on kept-alive sockets, not fetch.
      const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
      const post = (n: (typeof list)[number]) =>
        new Promise<number>((resolve, reject) => {
          const req = http.request({ host: '127.0.0.1', port, path: NOTIFY_PATH, method: 'POST', agent, headers: n.headers }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode!));
          });
          req.on('error', reject);
          req.end(n.body);
        });
      const sessions = await sampleSessions(url);
      const pg0 = postgresCpuMs(sessions.pid);
      const server0 = await serverCpu(child);
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (next < list.length) {
            const n = list[next++];
            const s = performance.now();
            const status = await post(n);
            times.push(performance.now() - s);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          }
        }),
      );
      const secs = (performance.now() - t0) / 1000;
      // CPU per notification: a figure the machine's load does not inflate the way it does latency.
      const ms = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000 / list.length;
      const client = ms(process.cpuUsage(cpu0));
      const s1 = await serverCpu(child);
      const pg1 = postgresCpuMs(sessions.pid);
      agent.destroy();
      const server = ms({ user: s1.user - server0.user, system: s1.system - server0.system });
      const pg = pg0 === undefined || pg1 === undefined ? 'not local' : `${((pg1 - pg0) / list.length).toFixed(2)} ms`;
      const waits = await sessions.stop();
      log(
        `  ${label}: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms, ${(list.length / secs).toFixed(0)}/s, statuses ${JSON.stringify(Object.fromEntries(statuses))}, load average ${loadavg()[0].toFixed(1)}${target ? ` (target p95 ≤ ${TARGET_MS} ms) ${pct(times, 95) <= TARGET_MS ? 'MET' : 'NOT MET'}` : ''}`,
      );
      const serverSystem = (s1.system - server0.system) / 1000 / list.length;
      log(
        `    CPU each: server node ${server.toFixed(2)} ms (system ${serverSystem.toFixed(2)}), client node ${client.toFixed(2)} ms, PostgreSQL ${pg}; PostgreSQL sessions: ${waits}`,
      );
    }
    try {
      // Every round signed up front, so they run back to back (each on its own agent's sockets).
      const warm = orders.slice(0, WARMUP).map(notification);
      const first = orders.slice(WARMUP).map(notification);
      const repeated = orders.slice(WARMUP).map(notification);
      if (warm.length) await round(`warm-up: ${warm.length} other orders' first notifications on the just-started server`, warm, false);
      await round('first notification (posts the payment)', first);
      await round('repeated notification (already processed)', repeated);
      const c = new Client({ connectionString: url });
      await c.connect();
      const [{ posted, paid }] = (
        await c.query(
          `SELECT (SELECT count(*)::int FROM fee_payments WHERE pay_order_id IS NOT NULL) AS posted, (SELECT count(*)::int FROM pay_orders WHERE status = 'paid') AS paid`,
        )
      ).rows;
      await c.end();
      log(`  fee payments posted: ${posted} for ${paid} paid orders of ${orders.length}`);
    } finally {
      child.send('stop');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
}

(process.argv[2] === 'serve' ? serve() : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
