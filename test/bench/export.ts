/**
 * `npm run bench` — issue 15's export target: a 200,000-row household export (GET /api/households.xlsx,
 * streamed from the server with exceljs' WorkbookWriter over a cursor) in ≤ 30 s with the server's
 * memory under 300 MB. Prints the time, rows, file size and the process' peak RSS (sampled every
 * 50 ms). BENCH_EXPORT_ROWS sets the size (generated households; the demo city's come on top).
 */
import type { AddressInfo } from 'node:net';
import { fork } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import { loadConfig } from '@baotou/config';
import { createApp } from '../../server/src/app';
import { openDatabase } from '../../server/src/db/client';
import { generateCity } from './generateCity';
import { freshDemoDatabase, withPostgres } from './postgres';

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 200_000);
const PER_UNIT = 25; // 5 buildings × 2 units × 25 = 250 households a compound
const log = (s: string) => console.log(s);

function get(url: string, headers: Record<string, string>): Promise<{ status: number; bytes: number; rows: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, rows: res.headers['x-row-count'] as string | undefined }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

async function main() {
  await withPostgres('export', async (adminUrl) => {
    const url = await freshDemoDatabase(adminUrl, 'bt_bench_export');
    const compounds = Math.ceil(ROWS / (10 * PER_UNIT));
    log(`\n== Household export (.xlsx, streamed): ${compounds} generated compounds × ${10 * PER_UNIT} households + the demo city`);
    await generateCity(url, { compounds, perUnit: PER_UNIT }, log);
    // The server in its own process, so its peak RSS is the server's alone (not the seeding's or the client's).
    const child = fork(__filename, ['serve'], { env: { ...process.env, BENCH_EXPORT_DB: url }, execArgv: process.execArgv });
    const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
    const base = `http://127.0.0.1:${port}`;
    try {
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'city', password: 'baotou2024' }),
      });
      const { token } = (await login.json()) as { token: string };
      const purpose = encodeURIComponent(JSON.stringify({ kind: 'statistics', detail: '基准测试' }));
      const t0 = Date.now();
      const res = await get(`${base}/api/households.xlsx?sort=${encodeURIComponent('["id","ASC"]')}&purpose=${purpose}`, { Authorization: `Bearer ${token}` });
      const seconds = (Date.now() - t0) / 1000;
      if (res.status !== 200) throw new Error(`export answered ${res.status}`);
      child.send('peak');
      const { peak, idle, heap, external } = await new Promise<{ peak: number; idle: number; heap: number; external: number }>((resolve) =>
        child.once('message', resolve as never),
      );
      const rows = Number(res.rows);
      log(
        `  ${rows.toLocaleString('en')} rows, ${(res.bytes / 1048576).toFixed(1)} MB in ${seconds.toFixed(1)} s (${Math.round(rows / seconds).toLocaleString('en')} rows/s) — target ≤ 30 s for 200,000`,
      );
      log(
        `  server peak RSS ${(peak / 1048576).toFixed(0)} MB (idle before the export ${(idle / 1048576).toFixed(0)} MB; peak JS heap ${(heap / 1048576).toFixed(0)} MB, buffers ${(external / 1048576).toFixed(0)} MB) — target < 300 MB`,
      );
      log(
        `  load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
      );
    } finally {
      // Asked to exit rather than killed, so a --cpu-prof run writes the server's profile too.
      child.send('stop');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
}

/** The child: the platform on BENCH_EXPORT_DB, sampling its own RSS every 50 ms. */
async function serve() {
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'bench-only-jwt-secret-0123456789abcdef',
    ENCRYPTION_KEY: 'bench-key-0123456789abcdef',
    FUND_PAYMENT_SECRET: 'bench-only-payment-secret-0123456789',
    SEED_DEMO: '0',
    JOBS_WORKER: '0',
    // Streamed in the request (the job path writes the same bytes to a file).
    EXPORT_JOB_THRESHOLD_ROWS: '10000000',
  });
  const database = await openDatabase({ databaseUrl: process.env.BENCH_EXPORT_DB!, dataDir: '' });
  const server = createApp({ database, config, log: () => undefined }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const idle = process.memoryUsage().rss;
  let peak = idle;
  let heap = 0;
  let external = 0;
  setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    heap = Math.max(heap, m.heapUsed);
    external = Math.max(external, m.external);
  }, 50).unref();
  process.on('message', (m) => (m === 'stop' ? process.exit(0) : process.send!({ peak, idle, heap, external })));
  process.send!({ port: (server.address() as AddressInfo).port });
}

(process.argv[2] === 'serve' ? serve() : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
