import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Server } from 'node:http';
import request from 'supertest';
import type { Pool } from 'pg';
import type { Config } from '@baotou/config';
import { createApp } from '../../server/src/app';
import { openDatabase, type Database } from '../../server/src/db/client';
import { readDb } from '../../server/src/db/replica';
import { fundInvariantBreaks } from '../support/fundInvariant';
import type { TestApi } from '../support/api';
import { freePort } from '../support/freePort';

/**
 * The failover drill of issue 15 ("A standby database"), shared by the test
 * (server/src/ops/failover.test.ts) and the bench (test/bench/failover.ts): a primary with a
 * synchronous hot standby (scripts/pg-standby.sh), the real platform on the primary, `clients`
 * concurrent clients posting fund deposits (POST /api/fund-accounts/:id/deposits, top-ups) and
 * recording each 201; once `minAcknowledged` are in, the primary is killed as in a crash, the
 * standby promoted and a new platform pointed at it; then what the promoted standby holds.
 */
const run = promisify(execFile);
const SCRIPT = path.resolve(__dirname, '../../scripts/pg-standby.sh');

export interface Acknowledged {
  batchId: number;
  ledgerId: number;
  amountFen: number;
}

export interface DrillResult {
  /** The primary's view of its standby and its commit setting, before the kill. */
  syncState: string;
  synchronousCommit: string;
  /** A deposit committed on the primary was read through the platform's replica pool (the hot standby). */
  replicaSawCommit: boolean;
  acknowledged: number;
  /** Acknowledged deposits missing on the promoted standby, or there with another amount or ledger. */
  lost: Acknowledged[];
  /** fundInvariantBreaks on the promoted standby (test/support/fundInvariant.ts). */
  breaks: unknown[];
  depositsPerSecond: number;
  /** From the kill to the promoted standby accepting writes. */
  promoteMs: number;
  /** The status of a deposit through a platform on the promoted standby. */
  depositAfterPromotion: number;
  breaksAfterDeposit: unknown[];
}

export async function standbyScript(...args: string[]): Promise<string> {
  return (await run('bash', [SCRIPT, ...args], { timeout: 120_000 })).stdout.trim();
}

async function queryOn<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const { Client } = await import('pg');
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs the drill in `dir` (an empty folder; the caller removes it). `load(primaryUrl)` fills the
 * primary with a demo city before the standby is cloned from it. Stops both servers at the end.
 */
export async function runFailoverDrill(o: {
  dir: string;
  config: Config;
  clients: number;
  minAcknowledged: number;
  load: (primaryUrl: string) => Promise<void>;
}): Promise<DrillResult> {
  const opened: { database: Database; server: Server }[] = [];
  const platform = async (databaseUrl: string, replicaUrl?: string) => {
    const database = await openDatabase({ databaseUrl, dataDir: '', poolSize: o.clients + 2, replicaUrl });
    const app = createApp({ database, config: o.config, log: () => undefined });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    opened.push({ database, server });
    const api = request(server);
    const res = await api.post('/api/auth/login').send({ username: 'city', password: o.config.demoPassword });
    if (res.status !== 200) throw new Error(`login: ${res.status} ${JSON.stringify(res.body)}`);
    return { database, api, auth: { Authorization: `Bearer ${res.body.token}` } };
  };
  try {
    const [primaryPort, standbyPort] = [await freePort(), await freePort()];
    const primaryUrl = await standbyScript('primary', o.dir, String(primaryPort));
    await o.load(primaryUrl);
    const standbyUrl = await standbyScript('standby', o.dir, String(primaryPort), String(standbyPort));
    const [{ sync_state: syncState }] = await queryOn<{ sync_state: string }>(primaryUrl, `SELECT sync_state FROM pg_stat_replication`);
    const [{ setting: synchronousCommit }] = await queryOn<{ setting: string }>(
      primaryUrl,
      `SELECT setting FROM pg_settings WHERE name = 'synchronous_commit'`,
    );

    // The platform on the primary, its dashboards reading the hot standby.
    const before = await platform(primaryUrl, standbyUrl);
    const homes = await queryOn<{ account_id: number; household_id: number }>(
      primaryUrl,
      `SELECT DISTINCT ON (account_id) account_id, household_id FROM fund_ledgers ORDER BY account_id, id LIMIT ${o.clients}`,
    );
    if (homes.length < o.clients) throw new Error(`only ${homes.length} fund accounts for ${o.clients} clients`);
    const deposit = (p: typeof before, home: (typeof homes)[number], amountFen: number) =>
      p.api.post(`/api/fund-accounts/${home.account_id}/deposits`).set(p.auth).send({ householdId: home.household_id, kind: 'top_up', amountFen });

    // A read on the standby under the running primary sees what was committed.
    const first = await deposit(before, homes[0], 10_000);
    if (first.status !== 201) throw new Error(`first deposit: ${first.status} ${JSON.stringify(first.body)}`);
    // through the platform's own read handle (readDb), i.e. the replica pool's read-only sessions
    const seen = async () =>
      (
        (
          await (readDb(before.database.db) as unknown as { $client: Pool }).$client.query('SELECT count(*)::int AS n FROM fund_batches WHERE id = $1', [
            first.body.batchId,
          ])
        ).rows[0] as { n: number }
      ).n;
    let replicaSawCommit = false;
    for (let i = 0; i < 50 && !(replicaSawCommit = (await seen()) === 1); i++) await sleep(100);
    replicaSawCommit &&= readDb(before.database.db) !== before.database.db;

    // Several clients deposit without pause; each 201 is an acknowledged deposit.
    const acknowledged: Acknowledged[] = [first.body];
    let killed = false;
    let failedAfterKill = 0;
    const started = Date.now();
    const client = async (home: (typeof homes)[number], n: number) => {
      for (let i = 1; !killed || failedAfterKill < 3 * o.clients; i++) {
        const res = await deposit(before, home, 100 * n + i).catch(() => undefined);
        if (res?.status === 201) acknowledged.push(res.body);
        else if (killed) failedAfterKill++;
        else throw new Error(`deposit refused before the primary was killed: ${res?.status} ${JSON.stringify(res?.body)}`);
        if (killed && res?.status !== 201) await sleep(20);
      }
    };
    const stream = Promise.all(homes.map((h, n) => client(h, n + 1)));
    while (acknowledged.length < o.minAcknowledged) await sleep(20);
    const depositsPerSecond = Math.round((acknowledged.length * 1000) / (Date.now() - started));
    killed = true; // from here a refused deposit is expected (it was never acknowledged)
    const killedAt = Date.now();
    await standbyScript('kill-primary', o.dir); // as in a crash: no checkpoint, no goodbye to the standby
    await stream;

    await standbyScript('promote', o.dir);
    const promoteMs = Date.now() - killedAt;
    const after = await platform(standbyUrl);
    const found = await queryOn<{ id: number; amount: string; ledger_id: number }>(
      standbyUrl,
      `SELECT b.id, sum(e.amount_fen)::text AS amount, min(e.ledger_id) AS ledger_id FROM fund_batches b JOIN fund_entries e ON e.batch_id = b.id
        WHERE b.id = ANY($1::int[]) GROUP BY b.id`,
      [acknowledged.map((a) => a.batchId)],
    );
    const byId = new Map(found.map((f) => [Number(f.id), f]));
    const lost = acknowledged.filter((a) => {
      const f = byId.get(a.batchId);
      return !f || Number(f.amount) !== a.amountFen || Number(f.ledger_id) !== a.ledgerId;
    });
    const books = { config: o.config, query: (text: string, params?: unknown[]) => queryOn(standbyUrl, text, params) } as unknown as TestApi;
    const breaks = await fundInvariantBreaks(books);
    // The platform on the promoted standby takes deposits again.
    const depositAfterPromotion = (await deposit(after, homes[0], 777)).status;
    return {
      syncState,
      synchronousCommit,
      replicaSawCommit,
      acknowledged: acknowledged.length,
      lost,
      breaks,
      depositsPerSecond,
      promoteMs,
      depositAfterPromotion,
      breaksAfterDeposit: await fundInvariantBreaks(books),
    };
  } finally {
    // The platform on the killed primary may hold requests and pool clients that never finish: close
    // each with a time limit rather than wait on them.
    const within = (p: Promise<unknown>) => Promise.race([p, sleep(5000)]);
    for (const { database, server } of opened) {
      server.closeAllConnections();
      await within(new Promise<void>((resolve) => server.close(() => resolve())));
      await within(database.close().catch(() => undefined));
    }
    await standbyScript('stop', o.dir).catch(() => undefined);
  }
}
