/**
 * `npm run bench` (part): issue 11's management-area and subsidy targets, measured (printed, not asserted).
 *  - A yearly subsidy batch for a district (POST /api/subsidy-batches) when every compound of 昆都仑区 in a
 *    city of 3,000 compounds is enrolled and assessed (≤ 2 s).
 *  - Merging a 500-home building (with its fund ledgers and entries) into its neighbour (≤ 2 s).
 * Runs in a throwaway PostgreSQL (or BENCH_DATABASE_URL's server). BENCH_RENEWAL_COMPOUNDS and
 * BENCH_RENEWAL_PER_UNIT shrink it for a quick check.
 */
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { loadConfig } from '@baotou/config';
import { createApp } from '../../server/src/app';
import { openDatabase } from '../../server/src/db/client';
import { generateCity } from './generateCity';
import { freshDemoDatabase, withPostgres } from './postgres';

const COMPOUNDS = Number(process.env.BENCH_RENEWAL_COMPOUNDS ?? 3000);
const PER_UNIT = Number(process.env.BENCH_RENEWAL_PER_UNIT ?? 17);
const HOMES = 500;
const RUNS = 5;
const log = (s: string) => console.log(s);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function prepare(adminUrl: string): Promise<string> {
  const t0 = Date.now();
  const url = await freshDemoDatabase(adminUrl, 'bt_bench_subsidy');
  const city = await generateCity(url, { compounds: COMPOUNDS, perUnit: PER_UNIT }, () => undefined);
  const c = new Client({ connectionString: url });
  await c.connect();
  // Every compound of 昆都仑区 enrolled (start dates spread over four years) and assessed pass for 2025.
  await c.query(`INSERT INTO quasi_enrolments (compound_id, region_code, company_id, start_date)
    SELECT c.id, c.region_code, (SELECT min(id) FROM companies), make_date(2022 + c.id % 4, 1 + c.id % 12, 1 + c.id % 2)
      FROM compounds c WHERE c.region_code LIKE '150203%' AND NOT EXISTS (SELECT 1 FROM quasi_enrolments e WHERE e.compound_id = c.id)`);
  await c.query(`INSERT INTO quasi_assessments (enrolment_id, compound_id, region_code, year, result, items)
    SELECT e.id, e.compound_id, e.region_code, 2025, 'pass', '[]'::jsonb FROM quasi_enrolments e
     WHERE NOT EXISTS (SELECT 1 FROM quasi_assessments a WHERE a.enrolment_id = e.id AND a.year = 2025)`);
  await c.query(`DELETE FROM subsidy_lines; DELETE FROM subsidy_batches`);
  await c.query('ANALYZE');
  const { rows } = await c.query(`SELECT count(*)::int AS n FROM quasi_enrolments WHERE region_code LIKE '150203%'`);
  await c.end();
  log(
    `  data: ${city.compounds} compounds, ${city.households} households, ${rows[0].n} enrolled in 昆都仑区 (prepared in ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
  return url;
}

/** A single-building compound of `HOMES` homes with a deposited fund ledger each, beside a neighbour of the same community. */
async function buildingToMerge(url: string, n: number): Promise<{ source: number; target: number }> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('BEGIN');
    const {
      rows: [nb],
    } = await c.query(
      `SELECT id, region_code FROM compounds WHERE region_code LIKE '150203%' AND retired_at IS NULL AND code LIKE 'BK%' ORDER BY id OFFSET $1 LIMIT 1`,
      [n],
    );
    const {
      rows: [src],
    } = await c.query(
      `INSERT INTO compounds (code, name, region_code, address, total_area, type, management_mode) VALUES ($1, $2, $3, '单栋楼', '45000.00', 'single_building', 'none') RETURNING id`,
      [`BM${n}`, `待合并单栋楼${n}`, nb.region_code],
    );
    const {
      rows: [acct],
    } = await c.query(`INSERT INTO fund_accounts (compound_id, region_code) VALUES ($1, $2) RETURNING id`, [src.id, nb.region_code]);
    const {
      rows: [b],
    } = await c.query(`INSERT INTO buildings (compound_id, region_code, name, floors) VALUES ($1, $2, '1号楼', 25) RETURNING id`, [src.id, nb.region_code]);
    const {
      rows: [un],
    } = await c.query(`INSERT INTO units (building_id, compound_id, region_code, name) VALUES ($1, $2, $3, '1单元') RETURNING id`, [
      b.id,
      src.id,
      nb.region_code,
    ]);
    await c.query(
      `INSERT INTO households (compound_id, building_id, unit_id, region_code, room, area, area_basis)
       SELECT $1, $2, $3, $4, lpad(g::text, 4, '0'), '90.00', 'registered' FROM generate_series(1, ${HOMES}) g`,
      [src.id, b.id, un.id, nb.region_code],
    );
    await c.query(
      `INSERT INTO fund_ledgers (account_id, household_id, compound_id, region_code, first_deposit_fen, deposited_fen, balance_fen)
       SELECT $1, h.id, h.compound_id, h.region_code, 450000, 450000, 450000 FROM households h WHERE h.compound_id = $2`,
      [acct.id, src.id],
    );
    const {
      rows: [batch],
    } = await c.query(
      `INSERT INTO fund_batches (account_id, kind, total_fen, entry_count) VALUES ($1, 'first_deposit', ${450000 * HOMES}, ${HOMES}) RETURNING id`,
      [acct.id],
    );
    await c.query(
      `INSERT INTO fund_entries (account_id, ledger_id, household_id, batch_id, region_code, kind, amount_fen, balance_after_fen)
       SELECT l.account_id, l.id, l.household_id, $2, l.region_code, 'first_deposit', 450000, 450000 FROM fund_ledgers l WHERE l.account_id = $1`,
      [acct.id, batch.id],
    );
    await c.query(`UPDATE fund_accounts SET balance_fen = ${450000 * HOMES} WHERE id = $1`, [acct.id]);
    await c.query('COMMIT');
    return { source: src.id, target: nb.id };
  } finally {
    await c.end();
  }
}

async function main() {
  log(`\n== Old-compound renewal: subsidy batch and merge over ${COMPOUNDS.toLocaleString('en-US')} generated compounds`);
  await withPostgres('subsidy', async (adminUrl) => {
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
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      const login = async (username: string) =>
        (
          (await (
            await fetch(`${base}/api/auth/login`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ username, password: 'baotou2024' }),
            })
          ).json()) as { token: string }
        ).token;
      const district = { authorization: `Bearer ${await login('d150203')}`, 'content-type': 'application/json' };

      const batchTimes: number[] = [];
      let lines = 0;
      for (let i = 0; i < RUNS; i++) {
        await c.query(`DELETE FROM subsidy_lines; DELETE FROM subsidy_batches`);
        const s = performance.now();
        const res = await fetch(`${base}/api/subsidy-batches`, {
          method: 'POST',
          headers: district,
          body: JSON.stringify({ districtCode: '150203', year: 2025 }),
        });
        const body = (await res.json()) as { lineCount: number };
        batchTimes.push(performance.now() - s);
        if (res.status !== 201) throw new Error(`batch: HTTP ${res.status} ${JSON.stringify(body)}`);
        lines = body.lineCount;
      }
      const b = median(batchTimes);
      log(
        `  yearly subsidy batch for 昆都仑区 (${lines} lines): median ${b.toFixed(0)} ms, max ${Math.max(...batchTimes).toFixed(0)} ms over ${RUNS} drafts (target ≤ 2000 ms) ${b <= 2000 ? 'MET' : 'NOT MET'}`,
      );

      const mergeTimes: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const { source, target } = await buildingToMerge(url, i);
        const s = performance.now();
        const res = await fetch(`${base}/api/compounds/${source}/merge-into`, {
          method: 'POST',
          headers: district,
          body: JSON.stringify({ targetCompoundId: target }),
        });
        const body = (await res.json()) as { rows?: Record<string, number>; fund?: { beforeFen: number; afterFen: number } };
        mergeTimes.push(performance.now() - s);
        if (res.status !== 200 || body.rows?.households !== HOMES || body.fund?.beforeFen !== body.fund?.afterFen)
          throw new Error(`merge: HTTP ${res.status} ${JSON.stringify(body)}`);
      }
      const m = median(mergeTimes);
      log(
        `  merging a ${HOMES}-home building with its fund ledgers: median ${m.toFixed(0)} ms, max ${Math.max(...mergeTimes).toFixed(0)} ms over ${RUNS} merges (target ≤ 2000 ms) ${m <= 2000 ? 'MET' : 'NOT MET'}`,
      );
    } finally {
      await c.end();
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
