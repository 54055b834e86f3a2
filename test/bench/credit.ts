/**
 * `npm run bench` (part): credit (issue 10, S3), measured (printed, not asserted).
 * 1,500 companies, 10,000 projects and 1,000,000 credit items (half valid through last year, half this
 * year; a third company-level, the rest on projects weighted by floor area):
 *  - the yearly evaluation (POST /api/credit-ratings/evaluate, a background job) ≤ 30 s, with its progress;
 *  - the public credit page (GET /api/public/credit/companies?q=) p95 ≤ 30 ms at 10 connections;
 *  - one company's live score (GET /api/credit-ratings/live?companyId=) ≤ 20 ms.
 * Runs in a throwaway PostgreSQL (or BENCH_DATABASE_URL's server). BENCH_CREDIT_COMPANIES,
 * BENCH_CREDIT_PROJECTS and BENCH_CREDIT_ITEMS shrink it for a quick check.
 */
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { loadConfig } from '@baotou/config';
import { createApp } from '../../server/src/app';
import { openDatabase } from '../../server/src/db/client';
import { refreshStaleScores } from '../../server/src/credit/ratings';
import { freshDemoDatabase, pct, withPostgres } from './postgres';
import { runLoad } from './load';
import { countQueries, printRequestCosts, requestCosts } from './requestCosts';

const COMPANIES = Number(process.env.BENCH_CREDIT_COMPANIES ?? 1500);
const PROJECTS = Number(process.env.BENCH_CREDIT_PROJECTS ?? 10000);
const ITEMS = Number(process.env.BENCH_CREDIT_ITEMS ?? 1_000_000);
const log = (s: string) => console.log(s);
const verdict = (v: number, target: number, unit = 'ms') => `(target ≤ ${target} ${unit}) ${v <= target ? 'MET' : 'NOT MET'}`;

async function prepare(adminUrl: string): Promise<{ url: string; year: number }> {
  const t0 = Date.now();
  const url = await freshDemoDatabase(adminUrl, 'bt_bench_credit');
  const c = new Client({ connectionString: url });
  await c.connect();
  const year = Number((await c.query(`SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') AS y`)).rows[0].y) - 1;
  await c.query(
    `INSERT INTO companies (name, credit_code, legal_representative, region_code)
     SELECT '基准信用物业' || g, 'BC' || lpad(g::text, 16, '0'), '法人' || g, (SELECT code FROM regions WHERE level = 'district' ORDER BY code OFFSET (g % 10) LIMIT 1)
       FROM generate_series(0, $1::int - 1) g`,
    [COMPANIES],
  );
  // project j belongs to benchmark company j % COMPANIES, on the demo's compounds in turn
  await c.query(
    `WITH co AS (SELECT (row_number() OVER (ORDER BY id) - 1)::int AS i, id FROM companies WHERE credit_code LIKE 'BC%'),
          cp AS (SELECT (row_number() OVER (ORDER BY id) - 1)::int AS i, id, region_code FROM compounds), n AS (SELECT count(*)::int AS c FROM cp)
     INSERT INTO projects (company_id, compound_id, region_code, start_date, end_date, fee_fen_per_m_2_month, service_level, manager_name)
     SELECT co.id, cp.id, cp.region_code, date '2020-01-01', date '2035-12-31', 150 + j % 100, 1 + j % 5, '经理' || j
       FROM generate_series(0, $1::int - 1) j JOIN co ON co.i = j % $2::int, n JOIN cp ON true WHERE cp.i = j % n.c`,
    [PROJECTS, COMPANIES],
  );
  const perCompany = Math.max(1, Math.floor(PROJECTS / COMPANIES));
  await c.query(
    `CREATE TEMP TABLE bp AS SELECT (row_number() OVER (ORDER BY p.id) - 1)::int AS j, p.id, p.company_id, p.region_code FROM projects p JOIN companies co ON co.id = p.company_id WHERE co.credit_code LIKE 'BC%'`,
  );
  await c.query(`CREATE INDEX ON bp (j)`);
  // item g: company g % C; on its project (g / C) % perCompany unless g % 3 = 0 (company-level); base, good or bad by g % 5
  await c.query(
    `INSERT INTO credit_items (company_id, project_id, region_code, type, category, points_tenths, authority, document, occurred_on, valid_from, valid_until, public_until, status)
     SELECT bp.company_id, CASE WHEN g % 3 = 0 THEN NULL ELSE bp.id END, bp.region_code,
            (ARRAY['basic_filing', 'award', 'street_opinion_good', 'penalty', 'inspection_finding'])[1 + g % 5],
            (ARRAY['base', 'good', 'good', 'bad', 'bad'])[1 + g % 5]::credit_category,
            (ARRAY[5, 10, 5, -10, -5])[1 + g % 5],
            '基准住建局', '基准〔' || g || '〕号', v.from_on, v.from_on, v.until_on, v.from_on + 7,
            CASE WHEN g % 97 = 0 THEN 'objected' ELSE 'published' END::credit_item_status
       FROM generate_series(0, $1::int - 1) g
       JOIN bp ON bp.j = (g % $2::int) + $2::int * ((g / $2::int) % $3::int)
       CROSS JOIN LATERAL (SELECT CASE WHEN g % 2 = 0 THEN make_date($4::int, 2, 1) ELSE make_date($4::int + 1, 1, 1) END AS from_on,
                                  CASE WHEN g % 2 = 0 THEN make_date($4::int + 1, 1, 31) ELSE make_date($4::int + 1, 12, 31) END AS until_on) v`,
    [ITEMS, COMPANIES, perCompany, year],
  );
  // the demo evaluated last year already: the benchmark evaluates it afresh, over every company
  await c.query(`DELETE FROM credit_ratings WHERE year = $1`, [year]);
  await c.query(`DELETE FROM credit_evaluations WHERE year = $1`, [year]);
  await c.query('ANALYZE');
  const [n] = (
    await c.query(
      `SELECT (SELECT count(*)::int FROM companies) AS companies, (SELECT count(*)::int FROM projects) AS projects, (SELECT count(*)::int FROM credit_items) AS items`,
    )
  ).rows;
  await c.end();
  log(
    `  data: ${n.companies} companies, ${n.projects} projects, ${n.items.toLocaleString('en-US')} credit items (prepared in ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
  return { url, year };
}

async function main() {
  log(
    `\n== Credit (issue 10): ${COMPANIES.toLocaleString('en-US')} companies, ${PROJECTS.toLocaleString('en-US')} projects, ${ITEMS.toLocaleString('en-US')} items`,
  );
  log(
    `  load average: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.cpus().length} cores (latencies on a loaded machine are mostly waiting; compare ratios)`,
  );
  await withPostgres('credit', async (adminUrl) => {
    const { url, year } = await prepare(adminUrl);
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: url,
      SEED_DEMO: '0',
      DEV_LOGIN: '0',
      JWT_SECRET: 'bench-secret-0123456789abcdef',
      ENCRYPTION_KEY: 'bench-key-0123456789abcdef',
      JOBS_POLL_INTERVAL_SECONDS: '0.5',
    });
    const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 10 });
    if (process.env.BENCH_REQUEST_COSTS === '1') countQueries();
    const app = createApp({ database, config, log: () => undefined });
    if (process.env.BENCH_REQUEST_COSTS === '1') app.middleware.unshift(requestCosts);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as AddressInfo).port;
    const base = `http://127.0.0.1:${port}`;
    const { token } = (await (
      await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'city', password: 'baotou2024' }),
      })
    ).json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    try {
      // 1. the yearly evaluation, with its progress
      const evalYear = year;
      const t0 = performance.now();
      const started = await fetch(`${base}/api/credit-ratings/evaluate`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ year: evalYear }),
      });
      if (started.status !== 202) throw new Error(`evaluate: ${started.status} ${await started.text()}`);
      let last = '';
      for (;;) {
        const e = (await (await fetch(`${base}/api/credit-ratings/evaluations/${evalYear}`, { headers: auth })).json()) as {
          status: string;
          progress: { done: number; total: number };
        };
        const line = `    progress ${e.progress.done}/${e.progress.total} at ${((performance.now() - t0) / 1000).toFixed(1)} s`;
        if (line.split(' at ')[0] !== last) log(line);
        last = line.split(' at ')[0];
        if (e.status === 'completed') break;
        if (e.status === 'failed') throw new Error('evaluation failed');
        await new Promise((r) => setTimeout(r, 1000));
      }
      const evalSeconds = (performance.now() - t0) / 1000;
      log(`  yearly evaluation ${evalYear}: ${evalSeconds.toFixed(1)} s ${verdict(evalSeconds, 30, 's')}`);

      // 2. the public page: live scores cached once (as the sweep keeps them), then searched under load
      const w0 = Date.now();
      while ((await refreshStaleScores(database.db, undefined, 500)) > 0);
      log(`  live scores of every company computed in ${((Date.now() - w0) / 1000).toFixed(1)} s (the sweep's work)`);
      const load = await runLoad({
        port,
        connections: 10,
        seconds: 15,
        path: () => `/api/public/credit/companies?q=${encodeURIComponent(`基准信用物业${Math.floor(Math.random() * COMPANIES)}`)}`,
      });
      log(
        `  public credit page: ${load.requests} requests, ${load.errors} errors, p50 ${load.p50.toFixed(1)} ms, p95 ${load.p95.toFixed(1)} ms ${verdict(load.p95, 30)}`,
      );
      const all = await runLoad({ port, connections: 10, seconds: 10, path: () => `/api/public/credit/companies?q=` });
      log(`  public credit page, no search (best 50): p95 ${all.p95.toFixed(1)} ms, ${all.errors} errors`);

      // 3. one company's live score, computed afresh each time
      const ids = (await (await fetch(`${base}/api/credit-scores?range=[0,49]&sort=["id","DESC"]`, { headers: auth })).json()) as { id: number }[];
      const times: number[] = [];
      for (let i = 0; i < 60; i++) {
        const s = performance.now();
        const res = await fetch(`${base}/api/credit-ratings/live?companyId=${ids[i % ids.length].id}`, { headers: auth });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`live: ${res.status}`);
        if (i >= 10) times.push(performance.now() - s);
      }
      log(`  one company's live score: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms ${verdict(pct(times, 95), 20)}`);
    } finally {
      if (process.env.BENCH_REQUEST_COSTS === '1') printRequestCosts();
      await new Promise((r) => server.close(r));
      await database.close();
    }
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
