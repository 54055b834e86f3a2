/**
 * `npm run bench` (part): old-compound renewal figures (issue 11), measured (printed, not asserted).
 *  - Coverage by district (GET /api/renewal/coverage?groupBy=district) on a city of 3,000 compounds
 *    with their households (≤ 200 ms); also by street, and survey progress by district.
 * Runs in a throwaway PostgreSQL (or BENCH_DATABASE_URL's server). BENCH_RENEWAL_COMPOUNDS and
 * BENCH_RENEWAL_PER_UNIT (households per unit ÷ 10 per compound) shrink it for a quick check.
 */
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { loadConfig } from '@baotou/config';
import { createApp } from '../../server/src/app';
import { openDatabase } from '../../server/src/db/client';
import { generateCity } from './generateCity';
import { freshDemoDatabase, pct, withPostgres } from './postgres';

const COMPOUNDS = Number(process.env.BENCH_RENEWAL_COMPOUNDS ?? 3000);
const PER_UNIT = Number(process.env.BENCH_RENEWAL_PER_UNIT ?? 17);
const RUNS = 30;
const log = (s: string) => console.log(s);

async function prepare(adminUrl: string): Promise<string> {
  const t0 = Date.now();
  const url = await freshDemoDatabase(adminUrl, 'bt_bench_renewal');
  const city = await generateCity(url, { compounds: COMPOUNDS, perUnit: PER_UNIT }, () => undefined);
  // every other old compound surveyed, a third of those classified
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query(`INSERT INTO renewal_surveys (compound_id, region_code, status, version, proposed_classification, classification)
    SELECT id, region_code, 'submitted', 2, (ARRAY['quasi','merge','committee','self'])[1 + id % 4]::renewal_classification,
           CASE WHEN id % 3 = 0 THEN (ARRAY['quasi','merge','committee','self'])[1 + id % 4]::renewal_classification END
      FROM compounds WHERE code LIKE 'BK%' AND type IN ('old', 'single_building') AND id % 2 = 0`);
  await c.query('ANALYZE');
  await c.end();
  log(`  data: ${city.compounds} compounds, ${city.households} households (prepared in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return url;
}

async function main() {
  log(`\n== Old-compound renewal: coverage and survey progress over ${COMPOUNDS.toLocaleString('en-US')} generated compounds`);
  await withPostgres('renewal', async (adminUrl) => {
    const url = await prepare(adminUrl);
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: url,
      SEED_DEMO: '0',
      DEV_LOGIN: '0',
      JWT_SECRET: 'bench-secret-0123456789abcdef',
      ENCRYPTION_KEY: 'bench-key-0123456789abcdef',
    });
    const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 10 });
    const server = createApp({ database, config, log: () => undefined }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { token } = (await (
        await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'city', password: 'baotou2024' }),
        })
      ).json()) as { token: string };
      const auth = { authorization: `Bearer ${token}` };
      for (const [label, pathname, target] of [
        ['coverage by district', '/api/renewal/coverage?groupBy=district&year=2024', 200],
        ['coverage by street', '/api/renewal/coverage?groupBy=street&year=2024', null],
        ['survey progress by district', '/api/renewal/progress?groupBy=district', null],
      ] as const) {
        const times: number[] = [];
        let status = 0;
        for (let i = 0; i < RUNS + 3; i++) {
          const s = performance.now();
          const res = await fetch(`${base}${pathname}`, { headers: auth });
          status = res.status;
          await res.json();
          if (i >= 3) times.push(performance.now() - s);
        }
        const verdict = target === null ? '' : ` (target ≤ ${target} ms) ${pct(times, 95) <= target ? 'MET' : 'NOT MET'}`;
        log(
          `  ${label} (HTTP ${status}): p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms over ${RUNS} calls${verdict}`,
        );
      }
    } finally {
      await new Promise((r) => server.close(r));
      await database.close();
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
