/**
 * `npm run bench` (part): property fees (issue 13), measured (printed, not asserted).
 *  - Billing one month for 1,000,000 homes (≤ 60 s), one transaction per project, with progress.
 *  - A home's bill list, GET /api/bills?filter={"householdId":…} (p95 ≤ 20 ms).
 * Runs in a throwaway PostgreSQL (or BENCH_DATABASE_URL's server). BENCH_FEES_HOMES shrinks it
 * (homes are generated 200 to a compound: 5 buildings × 2 units × 20).
 */
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { DEFAULT_FEES_SETTINGS, loadConfig } from '@baotou/config';
import { createApp } from '../../server/src/app';
import { openDatabase } from '../../server/src/db/client';
import { createBillingRun, runBilling } from '../../server/src/fees/billingRuns';
import { generateCity } from './generateCity';
import { freshDemoDatabase, pct, withPostgres } from './postgres';

const HOMES = Number(process.env.BENCH_FEES_HOMES ?? 1_000_000);
const PER_UNIT = 20;
const COMPOUNDS = Math.max(1, Math.ceil(HOMES / (10 * PER_UNIT)));
const RUNS = 200;
const PERIOD = '2025-06';
const log = (s: string) => console.log(s);

async function prepare(adminUrl: string) {
  const t0 = Date.now();
  const url = await freshDemoDatabase(adminUrl, 'bt_bench_fees');
  const city = await generateCity(url, { compounds: COMPOUNDS, perUnit: PER_UNIT }, () => undefined);
  const c = new Client({ connectionString: url });
  await c.connect();
  const { rows: [user] } = await c.query<{ id: number; company_id: number }>(`SELECT id, company_id FROM users WHERE username = 'company'`);
  // Every generated compound is one of the demo company's projects, with its property fee.
  await c.query(`
    INSERT INTO projects (company_id, compound_id, region_code, start_date, end_date, fee_fen_per_m_2_month, service_level, manager_name)
    SELECT $1, id, region_code, '2024-01-01', '2030-12-31', 120, 3, '基准经理' FROM compounds WHERE code LIKE 'BK%'`, [user.company_id]);
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
      log(`  billing run: ${result.billsCreated.toLocaleString('en-US')} bills, ${compoundIds.length} projects (one transaction each) in ${seconds.toFixed(1)} s; target ≤ 60 s for 1,000,000 homes`);
    } finally {
      await database.close();
    }

    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, SEED_DEMO: '0', DEV_LOGIN: '0', JOBS_WORKER: '0', JWT_SECRET: 'bench-secret-0123456789abcdef', ENCRYPTION_KEY: 'bench-key-0123456789abcdef' });
    const db2 = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 10 });
    const server = createApp({ database: db2, config, log: () => undefined }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { token } = (await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'company', password: 'baotou2024' }) })).json()) as { token: string };
      const c = new Client({ connectionString: url });
      await c.connect();
      const { rows: homes } = await c.query<{ household_id: number }>(`SELECT household_id FROM bills WHERE billing_run_id IS NOT NULL ORDER BY random() LIMIT ${RUNS}`);
      await c.end();
      const times: number[] = [];
      let status = 0;
      for (let i = 0; i < RUNS + 3; i++) {
        const id = homes[i % homes.length].household_id;
        const s = performance.now();
        const res = await fetch(`${base}/api/bills?filter=${encodeURIComponent(JSON.stringify({ householdId: id }))}&sort=${encodeURIComponent('["periodStart","DESC"]')}&range=[0,24]`, { headers: { authorization: `Bearer ${token}` } });
        status = res.status;
        await res.arrayBuffer();
        if (i >= 3) times.push(performance.now() - s);
      }
      log(`  a home's bill list (HTTP ${status}): p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms over ${RUNS} requests; target p95 ≤ 20 ms`);
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
