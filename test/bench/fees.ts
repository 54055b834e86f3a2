/**
 * `npm run bench` (part): property fees (issue 13), measured (printed against each target, not asserted).
 *  - Billing one month for 1,000,000 homes (≤ 60 s), one transaction per project, with progress.
 *  - A home's bill list, GET /api/bills?filter={"householdId":…} (p95 ≤ 20 ms): as the resident
 *    whose verified claim the query checks (the mini-program's list), and as the company's staff.
 * The notification target (p95 ≤ 30 ms at 20 connections) is test/bench/pay.ts.
 * Runs in a throwaway PostgreSQL (or BENCH_DATABASE_URL's server); the homes are generated in SQL
 * (generate_series), 200 to a compound (5 buildings × 2 units × 20), one project each.
 * Full size without arguments; BENCH_FEES_HOMES (or the first argument) shrinks it for a check.
 */
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { DEFAULT_FEES_SETTINGS, loadConfig } from '@baotou/config';
import { createApp } from '../../server/src/app';
import { openDatabase } from '../../server/src/db/client';
import { createBillingRun, runBilling } from '../../server/src/fees/billingRuns';
import { generateCity } from './generateCity';
import { freshDemoDatabase, pct, withPostgres } from './postgres';

const HOMES = Number(process.argv[2] ?? process.env.BENCH_FEES_HOMES ?? 1_000_000);
const PER_UNIT = 20;
const COMPOUNDS = Math.max(1, Math.ceil(HOMES / (10 * PER_UNIT)));
const RUNS = 200;
const PERIOD = '2025-06';
const log = (s: string) => console.log(s);
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
const verdict = (value: number, target: number) => (value <= target ? 'MET' : 'NOT MET');

async function prepare(adminUrl: string) {
  const t0 = Date.now();
  const url = await freshDemoDatabase(adminUrl, 'bt_bench_fees');
  const city = await generateCity(url, { compounds: COMPOUNDS, perUnit: PER_UNIT }, () => undefined);
  const c = new Client({ connectionString: url });
  await c.connect();
  const {
    rows: [user],
  } = await c.query<{ id: number; company_id: number }>(`SELECT id, company_id FROM users WHERE username = 'company'`);
  // Every generated compound is one of the demo company's projects, with its property fee.
  await c.query(
    `
    INSERT INTO projects (company_id, compound_id, region_code, start_date, end_date, fee_fen_per_m_2_month, service_level, manager_name)
    SELECT $1, id, region_code, '2024-01-01', '2030-12-31', 120, 3, '基准经理' FROM compounds WHERE code LIKE 'BK%'`,
    [user.company_id],
  );
  await c.query(`
    INSERT INTO fee_items (project_id, company_id, compound_id, region_code, kind, name, fee_milli_fen_per_m2_month, billing_cycle, starts_on)
    SELECT p.id, p.company_id, p.compound_id, p.region_code, 'property_fee', '物业服务费', 120000, 'monthly', '2024-01-01'
      FROM projects p JOIN compounds c ON c.id = p.compound_id WHERE c.code LIKE 'BK%'`);
  const { rows: ids } = await c.query<{ id: number }>(`SELECT id FROM compounds WHERE code LIKE 'BK%' ORDER BY id`);
  await c.query('ANALYZE');
  await c.end();
  log(`  data: ${city.compounds} compounds, ${city.households} households (prepared in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return { url, user, compoundIds: ids.map((r) => r.id) };
}

async function main() {
  log(`\n== Property fees: billing one month for ${HOMES.toLocaleString('en-US')} homes; a home's bill list`);
  await withPostgres('fees', async (adminUrl) => {
    const { url, user, compoundIds } = await prepare(adminUrl);
    const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 10 });
    try {
      const actor = { id: user.id, name: 'bench', role: 'company_staff' as const, companyId: user.company_id };
      const runId = await createBillingRun(database.db, actor, { compoundIds, period: PERIOD });
      const t0 = performance.now();
      let lastTenth = -1;
      const result = await runBilling(database.db, DEFAULT_FEES_SETTINGS, runId, async (done, total) => {
        const tenth = Math.floor((done * 10) / total);
        if (tenth !== lastTenth) {
          lastTenth = tenth;
          log(`  progress: ${done}/${total} projects (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
        }
      });
      const seconds = (performance.now() - t0) / 1000;
      const perMillion = (seconds * 1_000_000) / Math.max(1, result.billsCreated);
      log(
        `  billing run: ${result.billsCreated.toLocaleString('en-US')} bills, ${compoundIds.length} projects (one transaction each, ${DEFAULT_FEES_SETTINGS.billingConcurrency} at a time) in ${seconds.toFixed(1)} s` +
          ` (${perMillion.toFixed(1)} s per 1,000,000); target ≤ 60 s for 1,000,000 homes: ${verdict(perMillion, 60)}${HOMES < 1_000_000 ? ' (extrapolated)' : ''}; ${load()}`,
      );
    } finally {
      await database.close();
    }

    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: url,
      SEED_DEMO: '0',
      DEV_LOGIN: '1',
      JOBS_WORKER: '0',
      JWT_SECRET: 'bench-secret-0123456789abcdef',
      ENCRYPTION_KEY: 'bench-key-0123456789abcdef',
    });
    const db2 = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 10 });
    const server = createApp({ database: db2, config, log: () => undefined }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const login = async (path: string, body: object) =>
        (await (await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as {
          token: string;
          user: { id: number };
        };
      const company = await login('/api/auth/login', { username: 'company', password: 'baotou2024' });
      const resident = await login('/api/auth/dev-login', { openid: 'bench-fees-resident', name: '基准住户' });
      const c = new Client({ connectionString: url });
      await c.connect();
      const { rows: homes } = await c.query<{ household_id: number }>(
        `SELECT household_id FROM bills WHERE billing_run_id IS NOT NULL ORDER BY random() LIMIT ${RUNS}`,
      );
      // The resident holds a verified claim on every sampled home (the list checks it in the same query).
      await c.query(
        `INSERT INTO household_claims (user_id, household_id, compound_id, region_code, name, phone_enc, phone_masked, status)
         SELECT $1, h.id, h.compound_id, h.region_code, '基准住户', 'bench', '138****0000', 'verified' FROM households h WHERE h.id = ANY($2::int[]) ON CONFLICT DO NOTHING`,
        [resident.user.id, homes.map((h) => h.household_id)],
      );
      await c.query('ANALYZE bills; ANALYZE household_claims');
      await c.end();
      for (const [who, token] of [
        ['resident (verified claim)', resident.token],
        ['company staff', company.token],
      ] as const) {
        const times: number[] = [];
        let status = 0;
        let count = 0;
        for (let i = 0; i < RUNS + 3; i++) {
          const id = homes[i % homes.length].household_id;
          const s = performance.now();
          const res = await fetch(
            `${base}/api/bills?filter=${encodeURIComponent(JSON.stringify({ householdId: id }))}&sort=${encodeURIComponent('["periodStart","DESC"]')}&range=[0,24]`,
            { headers: { authorization: `Bearer ${token}` } },
          );
          status = res.status;
          count = ((await res.json()) as unknown[]).length;
          if (i >= 3) times.push(performance.now() - s);
        }
        const p95 = pct(times, 95);
        log(
          `  a home's bill list as ${who} (HTTP ${status}, ${count} bills a page): p50 ${pct(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${RUNS} requests; target p95 ≤ 20 ms: ${verdict(p95, 20)}; ${load()}`,
        );
      }
    } finally {
      await new Promise((r) => server.close(r));
      await db2.close();
    }
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
