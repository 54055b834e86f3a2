/**
 * Issue 4's targets: a disbursement apportioned over 2,000 households, posted and committed
 * (p95 ≤ 300 ms); earnings allocated over 500,000 household ledgers (≤ 30 s, one transaction per
 * compound, progress printed); a household's ledger page with 10 years of entries (p95 ≤ 20 ms).
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '@baotou/config';
import { migrateDatabase, openDatabase } from '../../server/src/db/client';
import { seedDemo } from '../../server/src/seed/demo';
import { applicationService } from '../../server/src/fund/applicationService';
import { ledgerService } from '../../server/src/fund/ledgerService';
import { createTokenService } from '../../server/src/auth/tokens';
import { generateCity } from './generateCity';
import { runLoad } from './load';

const ROOT = path.resolve(__dirname, '../..');
const COMPOUNDS = Number(process.env.BENCH_COMPOUNDS ?? 2000);
const PER_UNIT = Number(process.env.BENCH_PER_UNIT ?? 25);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const log = (s: string) => console.log(s);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function withPostgres<T>(fn: (adminUrl: string) => Promise<T>): Promise<T> {
  if (process.env.BENCH_DATABASE_URL) return fn(process.env.BENCH_DATABASE_URL);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-bench-pg-'));
  const port = String(40000 + Math.floor(Math.random() * 20000));
  const url = execFileSync('bash', [path.join(ROOT, 'scripts/pg-temp.sh'), 'start', dir, port])
    .toString()
    .trim();
  try {
    return await fn(url);
  } finally {
    execFileSync('bash', [path.join(ROOT, 'scripts/pg-temp.sh'), 'stop', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Accounts, ledgers and a first-deposit batch for every generated compound, consistent to the fen. */
async function fundCity(c: Client) {
  await c.query(`INSERT INTO fund_accounts (compound_id, region_code, bank_name, account_no)
                 SELECT id, region_code, '中国建设银行包头分行', 'BK' || id FROM compounds WHERE code LIKE 'BK%' OR code = 'FUND2000'`);
  await c.query(`INSERT INTO fund_ledgers (account_id, household_id, compound_id, region_code, first_deposit_fen, deposited_fen, balance_fen)
                 SELECT a.id, h.id, h.compound_id, h.region_code, round(h.area * 5000)::bigint, round(h.area * 5000)::bigint, round(h.area * 5000)::bigint
                   FROM households h JOIN fund_accounts a ON a.compound_id = h.compound_id WHERE a.account_no LIKE 'BK%'`);
  await c.query(`INSERT INTO fund_batches (account_id, kind, total_fen, entry_count, reference)
                 SELECT l.account_id, 'first_deposit', sum(l.balance_fen), count(*), 'bench' FROM fund_ledgers l
                   JOIN fund_accounts a ON a.id = l.account_id WHERE a.account_no LIKE 'BK%' GROUP BY l.account_id`);
  await c.query(`INSERT INTO fund_entries (account_id, ledger_id, household_id, batch_id, region_code, kind, amount_fen, balance_after_fen, posted_at)
                 SELECT l.account_id, l.id, l.household_id, b.id, l.region_code, 'first_deposit', l.balance_fen, l.balance_fen, now() - interval '10 years'
                   FROM fund_ledgers l JOIN fund_batches b ON b.account_id = l.account_id AND b.reference = 'bench'`);
  await c.query(`UPDATE fund_accounts a SET balance_fen = s.total FROM (SELECT account_id, sum(balance_fen) AS total FROM fund_ledgers GROUP BY account_id) s
                  WHERE s.account_id = a.id AND a.account_no LIKE 'BK%'`);
  await c.query('ANALYZE');
}

/** One compound of 2,000 homes (10 buildings × 2 units × 100). */
async function bigCompound(c: Client) {
  await c.query(`INSERT INTO compounds (code, name, region_code, address, total_area, type, management_mode)
                 VALUES ('FUND2000', '资金基准小区', '150203001001', '基准路2号', 200000, 'commodity', 'professional')`);
  const {
    rows: [{ id }],
  } = await c.query(`SELECT id FROM compounds WHERE code = 'FUND2000'`);
  await c.query(`INSERT INTO buildings (compound_id, region_code, name, floors) SELECT $1, '150203001001', b || '号楼', 18 FROM generate_series(1, 10) b`, [
    id,
  ]);
  await c.query(
    `INSERT INTO units (building_id, compound_id, region_code, name) SELECT b.id, b.compound_id, b.region_code, u || '单元' FROM buildings b, generate_series(1, 2) u WHERE b.compound_id = $1`,
    [id],
  );
  await c.query(
    `INSERT INTO households (compound_id, building_id, unit_id, region_code, room, area, area_basis, developer_unsold)
                 SELECT $1, u.building_id, u.id, '150203001001', (r / 2 + 1)::text || lpad((r % 2 + 1)::text, 2, '0'), 60 + (u.id * 31 + r * 17) % 9000 / 100.0, 'registered', r % 50 = 0
                   FROM units u, generate_series(0, 99) r WHERE u.compound_id = $1`,
    [id],
  );
  return id as number;
}

(async () => {
  await withPostgres(async (adminUrl) => {
    log(`\n== Maintenance fund on PostgreSQL (${COMPOUNDS} compounds × ${10 * PER_UNIT} households + one 2,000-home compound)`);
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS bt_bench_fund WITH (FORCE)');
    await admin.query('CREATE DATABASE bt_bench_fund');
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = '/bt_bench_fund';
    const url = u.toString();
    const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 4 });
    await migrateDatabase(database);
    await seedDemo(database.db, { demoPassword: 'baotou2024', encryptionKey: 'bench-key-0123456789abcdef', highTechZoneCode: '150271' });
    const c = new Client({ connectionString: url });
    await c.connect();
    const t0 = Date.now();
    await generateCity(url, { compounds: COMPOUNDS, perUnit: PER_UNIT }, () => undefined);
    const bigId = await bigCompound(c);
    await fundCity(c);
    const {
      rows: [size],
    } = await c.query(`SELECT count(*)::int AS ledgers FROM fund_ledgers`);
    log(`  generated ${size.ledgers} household ledgers in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: '0' });
    const ledgers = ledgerService(database.db, config.fund);
    const apps = applicationService(database.db);
    const system = { id: 1, name: '基准', role: 'city_admin' as const, regionCode: '150200' };

    // 1. Disbursements over 2,000 households.
    const {
      rows: [acct],
    } = await c.query(`SELECT id FROM fund_accounts WHERE compound_id = $1`, [bigId]);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const {
        rows: [app],
      } = await c.query(
        `INSERT INTO fund_applications (compound_id, account_id, region_code, title, items, budget_fen, contractor, scope_type, status, actual_cost_fen, emergency, emergency_kind, approved_at)
         VALUES ($1, $2, '150203001001', '基准维修' || $3::int, '[{"name":"基准","budgetFen":1999999}]', 1999999, '基准施工', 'compound', 'accepted', 1999999 + $3::int, true, 'pump_failure', now()) RETURNING id`,
        [bigId, acct.id, i],
      );
      const start = process.hrtime.bigint();
      const r = await apps.disburse(system, app.id);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (r.households !== 2000) throw new Error(`expected 2000 shares, got ${r.households}`);
    }
    log(
      `  disbursement over 2,000 households, apportioned, posted and committed (15 runs): p50 ${pct(times, 50).toFixed(0)} ms, p95 ${pct(times, 95).toFixed(0)} ms (target p95 ≤ 300 ms) ${pct(times, 95) <= 300 ? 'MET' : 'NOT MET'}`,
    );

    // 2. Earnings over every ledger, one transaction per account, progress as it goes.
    const accounts = (await c.query(`SELECT id FROM fund_accounts WHERE account_no LIKE 'BK%' ORDER BY id`)).rows.map((r) => r.id as number);
    const today = new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
    const e0 = Date.now();
    let posted = 0;
    let done = 0;
    // One transaction per compound; four compounds at a time (the pool's connections).
    const queue = [...accounts];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          const { ledgers: n } = await ledgers.allocateEarnings(null, id, { periodEnd: today, amountFen: 250000 });
          posted += n;
          done++;
          if (done % Math.ceil(accounts.length / 10) === 0 || done === accounts.length) {
            log(`    earnings: ${done}/${accounts.length} compounds, ${posted} ledgers, ${((Date.now() - e0) / 1000).toFixed(1)} s`);
          }
        }
      }),
    );
    const earnSeconds = (Date.now() - e0) / 1000;
    log(`  earnings allocation over ${posted} ledgers: ${earnSeconds.toFixed(1)} s (target ≤ 30 s) ${earnSeconds <= 30 ? 'MET' : 'NOT MET'}`);
    const {
      rows: [rec],
    } = await c.query(
      `SELECT count(*)::int AS bad FROM fund_accounts a WHERE a.balance_fen <> (SELECT coalesce(sum(amount_fen), 0) FROM fund_entries e WHERE e.account_id = a.id)`,
    );
    log(`  reconciliation after all postings: ${rec.bad} accounts out of balance`);

    // 3. One household with 10 years of entries (ten a month), through the API.
    const {
      rows: [l],
    } = await c.query(
      `SELECT l.id, l.account_id, l.household_id FROM fund_ledgers l JOIN fund_accounts a ON a.id = l.account_id WHERE a.account_no LIKE 'BK%' ORDER BY l.id LIMIT 1`,
    );
    const {
      rows: [batch],
    } = await c.query(
      `INSERT INTO fund_batches (account_id, kind, total_fen, entry_count, reference) VALUES ($1, 'earnings', 12000, 1200, 'bench-history') RETURNING id`,
      [l.account_id],
    );
    await c.query(
      `INSERT INTO fund_entries (account_id, ledger_id, household_id, batch_id, region_code, kind, amount_fen, balance_after_fen, posted_at)
                   SELECT $1, $2, $3, $4, '150203001001', 'earnings', 10, (SELECT balance_fen FROM fund_ledgers WHERE id = $2) + 10 * g, now() - interval '10 years' + g * interval '3 days'
                     FROM generate_series(1, 1200) g`,
      [l.account_id, l.id, l.household_id, batch.id],
    );
    await c.query(`UPDATE fund_ledgers SET balance_fen = balance_fen + 12000, earned_fen = earned_fen + 12000 WHERE id = $1`, [l.id]);
    await c.query(`UPDATE fund_accounts SET balance_fen = balance_fen + 12000 WHERE id = $1`, [l.account_id]);
    await database.close();
    const server: ChildProcess = await new Promise((resolve, reject) => {
      const child = fork(path.join(__dirname, 'platformServer.ts'), {
        execArgv: ['--import', 'tsx'],
        env: { ...process.env, DATABASE_URL: url, PORT: '3931', SEED_DEMO: '0' },
        stdio: 'inherit',
      });
      child.once('message', () => resolve(child));
      child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    try {
      const token = createTokenService('bench-secret-0123456789abcdef', 3600).sign(system);
      const headers = { authorization: `Bearer ${token}` };
      const filter = encodeURIComponent(JSON.stringify({ ledgerId: l.id }));
      const page = () => {
        const start = Math.floor(Math.random() * 40) * 25;
        return `/api/fund-entries?filter=${filter}&sort=${encodeURIComponent('["id","DESC"]')}&range=${encodeURIComponent(`[${start},${start + 24}]`)}`;
      };
      await runLoad({ port: 3931, connections: 10, seconds: 2, path: page, headers });
      const r = await runLoad({ port: 3931, connections: 10, seconds: SECONDS, path: page, headers });
      const one = await runLoad({ port: 3931, connections: 10, seconds: SECONDS, path: () => `/api/fund-ledgers/${l.id}`, headers });
      log(
        `  ledger page (1,201 entries over 10 years, 25 per page, any page), 10 connections: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ${r.rps.toFixed(0)} req/s, ${r.errors} errors (target p95 ≤ 20 ms) ${r.p95 <= 20 ? 'MET' : 'NOT MET'}`,
      );
      log(`  ledger summary, 10 connections: p50 ${one.p50.toFixed(1)} ms, p95 ${one.p95.toFixed(1)} ms`);
    } finally {
      server.kill();
      await c.end();
    }
  });
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
