/**
 * Issue 15's target "failover loses 0 acknowledged deposits": the failover drill (test/failover/drill.ts)
 * at bench size — a primary with a synchronous hot standby (scripts/pg-standby.sh) holding the demo
 * city, BENCH_FAILOVER_CLIENTS clients depositing through the API until BENCH_FAILOVER_DEPOSITS are
 * acknowledged, the primary killed, the standby promoted. Prints acknowledged, lost, reconciliation
 * breaks, deposits/s under synchronous commit and the time from the kill to a writable standby.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase, openDatabase } from '../../server/src/db/client';
import { seedDemo } from '../../server/src/seed/demo';
import { runFailoverDrill } from '../failover/drill';
import { testConfig } from '../support/testConfig';

const CLIENTS = Number(process.env.BENCH_FAILOVER_CLIENTS ?? 8);
const DEPOSITS = Number(process.env.BENCH_FAILOVER_DEPOSITS ?? 2000);

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-bench-standby-'));
  const config = testConfig();
  try {
    console.log(`failover drill: ${CLIENTS} clients, kill the primary after ${DEPOSITS} acknowledged deposits`);
    const r = await runFailoverDrill({
      dir,
      config,
      clients: CLIENTS,
      minAcknowledged: DEPOSITS,
      load: async (primaryUrl) => {
        const database = await openDatabase({ databaseUrl: primaryUrl, dataDir: '' });
        try {
          await migrateDatabase(database);
          await seedDemo(database.db, { demoPassword: config.demoPassword, encryptionKey: config.encryptionKey, highTechZoneCode: config.highTechZoneCode });
        } finally {
          await database.close();
        }
      },
    });
    console.log(`  standby ${r.syncState}, synchronous_commit=${r.synchronousCommit}, replica read saw a commit: ${r.replicaSawCommit}`);
    console.log(`  acknowledged deposits: ${r.acknowledged} (${r.depositsPerSecond}/s with synchronous commit)`);
    console.log(`  lost after failover: ${r.lost.length} (target 0) · fund accounts not reconciling: ${r.breaks.length}`);
    console.log(`  kill → promoted standby writable: ${r.promoteMs} ms · deposit on the promoted standby: ${r.depositAfterPromotion}`);
    if (r.lost.length || r.breaks.length || r.syncState !== 'sync') process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
