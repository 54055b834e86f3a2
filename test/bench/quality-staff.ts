/**
 * `npm run bench` (part): the workforce targets of issue 12, measured (printed, not asserted).
 *  1. Training rates for the city by district (GET /api/quality/training-rates?groupBy=district) over
 *     20,000 staff and 200,000 training records (≤ 300 ms).
 *  2. Import of 20,000 staff rows over HTTP: upload + checks + preview (≤ 10 s), then commit (≤ 10 s),
 *     progress polled as the console does for both steps.
 * Runs in a throwaway PostgreSQL (or BENCH_DATABASE_URL's server). BENCH_STAFF (default 20000) scales
 * both the generated staff (× 10 trainings each) and the imported sheet.
 */
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { loadConfig } from '@baotou/config';
import { createApp } from '../../server/src/app';
import { openDatabase } from '../../server/src/db/client';
import { xlsxFromRows } from '../../server/src/party/xlsxFixtures';
import { freshDemoDatabase, pct, withPostgres } from './postgres';

const STAFF = Number(process.env.BENCH_STAFF ?? 20000);
const RATE_RUNS = 30;
const YEAR = 2024;
const log = (s: string) => console.log(s);

/** The demo city plus STAFF generated staff spread over every project (a third specialists) and 10 trainings each. */
async function prepare(adminUrl: string): Promise<string> {
  const t0 = Date.now();
  const url = await freshDemoDatabase(adminUrl, 'bt_bench_staff');
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query(
    `WITH ps AS (SELECT (row_number() OVER (ORDER BY id) - 1)::int AS i, id, company_id, region_code FROM projects), n AS (SELECT count(*)::int AS c FROM ps)
     INSERT INTO staff (company_id, project_id, region_code, staff_no, name, post, specialist, hired_on, left_on, certificates, certificate_expires_on)
     SELECT ps.company_id, ps.id, ps.region_code, 'B' || g, '员工' || g, (enum_range(NULL::staff_post))[1 + g % 13], (g % 13) < 6,
            date '2021-01-01' + (g % 1400), CASE WHEN g % 20 = 0 THEN date '2021-01-01' + (g % 1400) + 200 END, '[]'::jsonb,
            CASE WHEN (g % 13) < 6 THEN date '2025-01-01' + (g % 900) END
       FROM generate_series(1, $1::int) g, n, ps WHERE ps.i = g % n.c`,
    [STAFF],
  );
  await c.query(
    `INSERT INTO trainings (staff_id, company_id, region_code, kind, course, provider, hours_tenths, trained_on)
     SELECT s.id, s.company_id, s.region_code, CASE WHEN k = 0 THEN 'pre_job'::training_kind WHEN k = 9 THEN 'skills_contest'::training_kind ELSE 'continuing'::training_kind END,
            '课程' || k, '协会', CASE WHEN k = 0 THEN 80 ELSE 30 + (s.id % 3) * 5 END, s.hired_on + CASE WHEN k = 0 THEN (s.id % 3) ELSE k * 41 END
       FROM staff s CROSS JOIN generate_series(0, 9) k WHERE s.staff_no LIKE 'B%'`,
  );
  await c.query('ANALYZE staff; ANALYZE trainings');
  const [{ staff, trainings }] = (await c.query(`SELECT (SELECT count(*)::int FROM staff) AS staff, (SELECT count(*)::int FROM trainings) AS trainings`)).rows;
  await c.end();
  log(
    `  data: ${staff.toLocaleString('en-US')} staff, ${trainings.toLocaleString('en-US')} training records (prepared in ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
  return url;
}

async function main() {
  log(
    `\n== Workforce (issue 12): training rates over ${STAFF.toLocaleString('en-US')} staff × 10 trainings, import of ${STAFF.toLocaleString('en-US')} staff rows`,
  );
  await withPostgres('staff', async (adminUrl) => {
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
    const login = async (username: string) => {
      const { token } = (await (
        await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: 'baotou2024' }),
        })
      ).json()) as { token: string };
      return { authorization: `Bearer ${token}` };
    };
    try {
      const city = await login('city');
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < RATE_RUNS + 3; i++) {
        const s = performance.now();
        const res = await fetch(`${base}/api/quality/training-rates?year=${YEAR}&groupBy=district`, { headers: city });
        const body = (await res.json()) as { rows: unknown[]; total: { preJob: { trained: number; hired: number } } };
        if (i >= 3) times.push(performance.now() - s);
        rows = body.rows.length;
        if (i === 0) log(`  ${YEAR} city by district: ${rows} districts, pre-job ${body.total.preJob.trained}/${body.total.preJob.hired}`);
      }
      log(
        `  training rates, city by district: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms over ${RATE_RUNS} calls (target ≤ 300 ms) ${pct(times, 95) <= 300 ? 'MET' : 'NOT MET'}`,
      );

      const company = await login('company');
      const c = new Client({ connectionString: url });
      await c.connect();
      const codes = (
        await c.query(
          `SELECT c.code FROM projects p JOIN compounds c ON c.id = p.compound_id WHERE p.company_id = (SELECT company_id FROM users WHERE username = 'company') AND p.end_date >= CURRENT_DATE`,
        )
      ).rows.map((r) => r.code as string);
      await c.end();
      const posts = ['电工', '保洁', '秩序维护（保安）', '客服', '电梯管理员', '绿化'];
      const sheet: unknown[][] = [
        ['工号', '姓名', '岗位', '专业岗位', '项目小区编码', '入职日期', '离职日期', '手机号', '证书名称', '证书编号', '证书有效期至'],
      ];
      for (let i = 0; i < STAFF; i++) {
        const cert = i % 4 === 0;
        sheet.push([
          `IMP${i}`,
          `导入员工${i}`,
          posts[i % posts.length],
          '',
          codes.length ? codes[i % codes.length] : '',
          `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
          '',
          `13${String(800000000 + i).padStart(9, '0')}`,
          cert ? '特种作业操作证' : '',
          cert ? `Z${i}` : '',
          cert ? '2027-06-30' : '',
        ]);
      }
      const file = await xlsxFromRows(sheet, { sheetName: '员工花名册' });
      log(`  sheet: ${(file.length / 1024 / 1024).toFixed(2)} MB .xlsx`);
      type Report = {
        id: string;
        status: string;
        progress: { done: number; total: number };
        counts: { valid: number; invalid: number };
        committed: number;
        failure?: string;
      };
      const poll = async (id: string, busy: string, t0: number) => {
        let p: Report;
        let lastShown = -1;
        for (;;) {
          p = (await (await fetch(`${base}/api/staff-imports/${id}`, { headers: company })).json()) as Report;
          if (p.status !== busy) return p;
          const shown = p.progress.total ? Math.floor((p.progress.done * 10) / p.progress.total) : 0;
          if (shown !== lastShown)
            log(
              `    ${busy} ${p.progress.done.toLocaleString('en-US').padStart(6)} / ${p.progress.total.toLocaleString('en-US')} at ${(performance.now() - t0).toFixed(0)} ms`,
            );
          lastShown = shown;
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      const t0 = performance.now();
      const form = new FormData();
      form.append('kind', 'staff');
      form.append('file', new Blob([new Uint8Array(file)]), `staff-${STAFF}.xlsx`);
      const up = await fetch(`${base}/api/staff-imports`, { method: 'POST', headers: company, body: form });
      const job = (await up.json()) as Report;
      log(`  upload + file checks + parse: ${(performance.now() - t0).toFixed(0)} ms (HTTP ${up.status}); rows checked in the background:`);
      const preview = await poll(job.id, 'validating', t0);
      const tPreview = performance.now() - t0;
      log(
        `  validated and previewed: ${(tPreview / 1000).toFixed(2)} s, ${preview.status}, ${preview.counts.valid} valid, ${preview.counts.invalid} invalid (target ≤ 10 s) ${tPreview <= 10000 ? 'MET' : 'NOT MET'}`,
      );

      const t1 = performance.now();
      const commit = await fetch(`${base}/api/staff-imports/${job.id}/commit`, {
        method: 'POST',
        headers: { ...company, 'content-type': 'application/json' },
        body: '{"confirmValidOnly":true}',
      });
      if (commit.status !== 202) throw new Error(`commit: ${commit.status} ${await commit.text()}`);
      const done = await poll(job.id, 'committing', t1);
      const tCommit = performance.now() - t1;
      log(
        `  committed ${done.committed} rows (+ one audit row each) in one transaction: ${(tCommit / 1000).toFixed(2)} s, ${done.status}${done.failure ? ` (${done.failure})` : ''} (target ≤ 10 s) ${tCommit <= 10000 && done.status === 'committed' ? 'MET' : 'NOT MET'}`,
      );
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
