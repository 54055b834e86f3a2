/**
 * Issue 15, "more than one server": nginx (Debian's package) as the load balancer in front of 1 and
 * then 2 server processes on the same PostgreSQL (the demo city), a fixed mixed read workload — the
 * household list and the city's ticket queue, alternately, at 10 connections — and for each: req/s,
 * p50/p95 and failed requests. The figure to watch on these 2 cores: 2 instances are not slower,
 * and no request fails. nginx's configuration is generated into a temp folder (no system config).
 *
 * BENCH_SECONDS (default 8) per measurement, BENCH_ROUNDS (2) alternating rounds; BENCH_DATABASE_URL reuses a running PostgreSQL.
 */
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshDemoDatabase, withPostgres } from './postgres';
import { runLoad, type LoadResult } from './load';
import { freePort } from '../support/freePort';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = 10;
const log = (s: string) => console.log(s);

const NGINX_PATHS = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'];

/** Debian's nginx, installed by scripts/ensure-system-deps.sh when missing (as `npm test` installs PostgreSQL). */
function nginxBinary(): string {
  if (!NGINX_PATHS.some((p) => fs.existsSync(p))) execFileSync('bash', [path.resolve(__dirname, '../../scripts/ensure-system-deps.sh')], { stdio: 'inherit' });
  const found = NGINX_PATHS.find((p) => fs.existsSync(p));
  if (!found) throw new Error('nginx is not installed: apt-get install -y nginx-light (scripts/ensure-system-deps.sh)');
  return found;
}

/** Our platform in its own process (platformServer.ts: production settings, as `npm start` serves the API). */
function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'platformServer.ts'), {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), SEED_DEMO: '0' },
      stdio: 'inherit',
    });
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`platformServer exited ${code}`)));
  });
}

/** nginx in the foreground with a generated configuration: round robin over `upstreams`, keep-alive both sides. */
async function startNginx(dir: string, port: number, upstreams: number[]): Promise<ChildProcess> {
  fs.mkdirSync(dir, { recursive: true });
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream platform {
${upstreams.map((p) => `    server 127.0.0.1:${p};`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://platform;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Request-Id $request_id;
    }
  }
}
`,
  );
  const nginx = spawn(nginxBinary(), ['-p', dir, '-c', conf, '-e', path.join(dir, 'error.log')], { stdio: 'inherit' });
  for (let k = 0; k < 100; k++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited ${nginx.exitCode}: ${fs.readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return nginx;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('nginx did not answer');
}

const stop = (p: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') =>
  new Promise<void>((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) return resolve();
    p.once('exit', () => resolve());
    p.kill(signal);
  });

async function measure(port: number, token: string, compoundIds: number[]): Promise<LoadResult> {
  let n = 0;
  const headers = { authorization: `Bearer ${token}` };
  const request = () => {
    const k = n++;
    const page = k % 20;
    const range = encodeURIComponent(JSON.stringify([page * 25, page * 25 + 24]));
    // Half household lists (one compound's homes), half the city's ticket queue, newest first.
    return k % 2
      ? {
          path: `/api/households?filter=${encodeURIComponent(JSON.stringify({ compoundId: compoundIds[k % compoundIds.length] }))}&sort=${encodeURIComponent('["id","ASC"]')}&range=${range}`,
          headers,
        }
      : { path: `/api/tickets?sort=${encodeURIComponent('["createdAt","DESC"]')}&range=${range}`, headers };
  };
  await runLoad({ port, connections: CONNECTIONS, seconds: Math.min(2, SECONDS), request }); // warm-up
  return runLoad({ port, connections: CONNECTIONS, seconds: SECONDS, request });
}

async function main() {
  nginxBinary();
  await withPostgres('multi', async (adminUrl) => {
    log('== More than one server: nginx in front of 1 and 2 server processes on one PostgreSQL (issue 15)');
    const url = await freshDemoDatabase(adminUrl, 'bt_bench_multi');
    const [a, b, lb1, lb2] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const servers = [await startServer(url, a), await startServer(url, b)];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-bench-nginx-'));
    const nginx: ChildProcess[] = [];
    try {
      nginx.push(await startNginx(path.join(dir, 'one'), lb1, [a]));
      nginx.push(await startNginx(path.join(dir, 'two'), lb2, [a, b]));
      const login = await fetch(`http://127.0.0.1:${lb2}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'city', password: 'baotou2024' }),
      });
      if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
      const { token } = (await login.json()) as { token: string };
      const { Client } = await import('pg');
      const c = new Client({ connectionString: url });
      await c.connect();
      const compoundIds = (await c.query<{ id: number }>('SELECT id FROM compounds ORDER BY id')).rows.map((r) => r.id);
      await c.end();
      // Alternating rounds, so a swing in the machine's other load falls on both; the best round of each is reported.
      const ones: LoadResult[] = [];
      const twos: LoadResult[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        ones.push(await measure(lb1, token, compoundIds));
        twos.push(await measure(lb2, token, compoundIds));
      }
      const best = (rs: LoadResult[]) => ({ ...rs.reduce((a, b) => (b.rps > a.rps ? b : a)), errors: rs.reduce((n, x) => n + x.errors, 0) });
      const [one, two] = [best(ones), best(twos)];
      const line = (label: string, r: LoadResult) =>
        `  ${label}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ${r.requests} requests, ${r.errors} failed`;
      log(
        `  mixed reads (household list + ticket queue) through nginx, ${CONNECTIONS} connections, best of ${ROUNDS} rounds of ${SECONDS} s (failures: all rounds), cores: ${os.cpus().length}, load ${os.loadavg()[0].toFixed(1)}`,
      );
      log(line('1 instance ', one));
      log(line('2 instances', two));
      log(
        `  2 vs 1: ${(two.rps / one.rps).toFixed(2)}× throughput — target: not slower (≥ 1.00×) and 0 failed: ${two.rps >= one.rps && one.errors + two.errors === 0 ? 'met' : 'NOT met'}`,
      );
    } finally {
      for (const p of nginx) await stop(p, 'SIGQUIT');
      for (const s of servers) await stop(s, 'SIGINT');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
