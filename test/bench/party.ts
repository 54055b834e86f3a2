/**
 * `npm run bench` (part): the Red Property registry's targets, measured (printed, not asserted).
 *  1. Import of 20,000 member rows over HTTP: upload + validate + preview (≤ 10 s), progress as
 *     the client polls it, then commit in one transaction (≤ 10 s).
 *  2. City-wide stats (GET /api/party/stats) on a city of ≥ 2,000 compounds (≤ 200 ms).
 * Runs in a throwaway PostgreSQL (or BENCH_DATABASE_URL's server).
 */
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { loadConfig } from '@baotou/config';
import { createApp } from '../../server/src/app';
import { openDatabase } from '../../server/src/db/client';
import { xlsxFromRows } from '../../server/src/party/xlsxFixtures';
import { generateCity } from './generateCity';
import { freshDemoDatabase, pct, withPostgres } from './postgres';

const ROWS = Number(process.env.BENCH_PARTY_ROWS ?? 20000);
const COMPOUNDS = Number(process.env.BENCH_COMPOUNDS ?? 2000);
const STATS_RUNS = 30;
const log = (s: string) => console.log(s);

async function prepare(adminUrl: string): Promise<string> {
  const t0 = Date.now();
  const url = await freshDemoDatabase(adminUrl, 'bt_bench_party');
  await generateCity(url, { compounds: COMPOUNDS, perUnit: 1 }, () => undefined);
  // A city's worth of registry rows beside the generated compounds: service projects, committee
  // members who are party members in every third compound, cross-appointments in every seventh.
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query(`INSERT INTO projects (company_id, compound_id, region_code, start_date, end_date, fee_fen_per_m_2_month, service_level, manager_name)
    SELECT (SELECT id FROM companies ORDER BY id OFFSET (cp.id % 15) LIMIT 1), cp.id, cp.region_code, '2024-01-01', '2029-12-31', 100, 3, '经理' || cp.id
      FROM compounds cp WHERE cp.code LIKE 'BK%' AND cp.management_mode IN ('professional', 'quasi')`);
  await c.query(`INSERT INTO party_members (name, gender, joined_on, org_id, role, compound_id, region_code)
    SELECT '委员' || cp.id, 'male', '2015-07-01', (SELECT id FROM party_orgs WHERE setting = 'industry'), 'committee_member', cp.id, cp.region_code
      FROM compounds cp WHERE cp.code LIKE 'BK%' AND cp.id % 3 = 0`);
  await c.query(`INSERT INTO cross_appointments (member_id, kind, region_code, compound_id, start_date)
    SELECT m.id, 'community_party_part_time', m.region_code, m.compound_id, '2024-01-01' FROM party_members m WHERE m.name LIKE '委员%' AND m.compound_id % 7 = 0`);
  const [{ compounds }] = (await c.query(`SELECT count(*)::int AS compounds FROM compounds`)).rows;
  const [{ members }] = (await c.query(`SELECT count(*)::int AS members FROM party_members`)).rows;
  await c.end();
  log(`  data: ${compounds} compounds, ${members} party members before the import (prepared in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return url;
}

function memberSheet(orgs: { name: string; company: string }[]): Promise<Buffer> {
  const headers = ['姓名', '性别', '入党日期', '所在党组织', '身份', '工作单位', '小区编码', '社区代码', '手机号'];
  const rows: unknown[][] = [headers];
  for (let i = 0; i < ROWS; i++) {
    const o = orgs[i % orgs.length];
    rows.push([
      `基准党员${i}`,
      i % 2 ? '男' : '女',
      `${1990 + (i % 30)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      o.name,
      '企业员工',
      o.company,
      '',
      '',
      `13${String(900000000 + i).padStart(9, '0')}`,
    ]);
  }
  return xlsxFromRows(rows, { sheetName: '党员' });
}

async function main() {
  log(`\n== Red Property registry: import of ${ROWS.toLocaleString('en-US')} member rows, city-wide stats`);
  await withPostgres('party', async (adminUrl) => {
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
          body: JSON.stringify({ username: 'party', password: 'baotou2024' }),
        })
      ).json()) as { token: string };
      const auth = { authorization: `Bearer ${token}` };
      const c = new Client({ connectionString: url });
      await c.connect();
      const orgs = (await c.query(`SELECT o.name, co.name AS company FROM party_orgs o JOIN companies co ON co.id = o.company_id WHERE o.setting = 'company'`))
        .rows;
      await c.end();
      const file = await memberSheet(orgs);
      log(`  sheet: ${(file.length / 1024 / 1024).toFixed(2)} MB .xlsx`);

      const t0 = performance.now();
      const form = new FormData();
      form.append('kind', 'members');
      form.append('file', new Blob([new Uint8Array(file)]), 'members-20000.xlsx');
      const up = await fetch(`${base}/api/party-imports`, { method: 'POST', headers: auth, body: form });
      const job = (await up.json()) as { id: string; status: string; progress: { done: number; total: number } };
      const tUpload = performance.now() - t0;
      log(`  upload + file checks + parse: ${tUpload.toFixed(0)} ms (HTTP ${up.status}); then the rows are checked in the background:`);
      let p = job;
      let lastShown = -1;
      while (p.status === 'validating') {
        const shown = Math.floor((p.progress.done * 10) / p.progress.total);
        if (shown !== lastShown)
          log(
            `    progress ${p.progress.done.toLocaleString('en-US').padStart(6)} / ${p.progress.total.toLocaleString('en-US')} at ${(performance.now() - t0).toFixed(0)} ms`,
          );
        lastShown = shown;
        await new Promise((r) => setTimeout(r, 50));
        p = (await (await fetch(`${base}/api/party-imports/${job.id}`, { headers: auth })).json()) as typeof job;
      }
      const preview = p as typeof p & { counts: { valid: number; invalid: number } };
      const tPreview = performance.now() - t0;
      log(
        `    progress ${preview.progress.done.toLocaleString('en-US').padStart(6)} / ${preview.progress.total.toLocaleString('en-US')} at ${tPreview.toFixed(0)} ms: ${preview.status}, ${preview.counts.valid} valid, ${preview.counts.invalid} invalid`,
      );
      log(`  validated and previewed: ${(tPreview / 1000).toFixed(2)} s (target ≤ 10 s) ${tPreview <= 10000 ? 'MET' : 'NOT MET'}`);

      const t1 = performance.now();
      const commit = await fetch(`${base}/api/party-imports/${job.id}/commit`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: '{}',
      });
      const committed = (await commit.json()) as { committed: number };
      const tCommit = performance.now() - t1;
      log(
        `  committed ${committed.committed} rows (+ one audit row each) in one transaction: ${(tCommit / 1000).toFixed(2)} s (target ≤ 10 s) ${tCommit <= 10000 ? 'MET' : 'NOT MET'}`,
      );

      for (const groupBy of ['district', 'street']) {
        const times: number[] = [];
        for (let i = 0; i < STATS_RUNS + 3; i++) {
          const s = performance.now();
          const res = await fetch(`${base}/api/party/stats?groupBy=${groupBy}`, { headers: auth });
          await res.json();
          if (i >= 3) times.push(performance.now() - s);
        }
        log(
          `  city-wide stats groupBy=${groupBy}: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms over ${STATS_RUNS} calls (target ≤ 200 ms) ${pct(times, 95) <= 200 ? 'MET' : 'NOT MET'}`,
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
