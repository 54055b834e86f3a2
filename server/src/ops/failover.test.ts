import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupDatabase, restoreDatabase } from './backup';
import { createTestDatabase } from '../../../test/support/pg';
import { testConfig } from '../../../test/support/testConfig';
import { runFailoverDrill } from '../../../test/failover/drill';

/**
 * Issue 15, "A standby database": a primary with a synchronous streaming hot standby
 * (scripts/pg-standby.sh, Debian's PostgreSQL). Under a stream of fund deposits from several
 * clients the primary is killed as in a crash, the standby promoted and the platform pointed at it:
 * every deposit the API acknowledged is there, and every fund account reconciles.
 */
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-standby-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('primary killed under a stream of deposits, standby promoted: 0 acknowledged deposits lost, every account reconciles', async () => {
  const result = await runFailoverDrill({
    dir,
    config: testConfig(),
    clients: 6,
    minAcknowledged: 60,
    // The primary holds the demo city: a copy of the tests' seeded template, dumped and restored.
    load: async (primaryUrl) => {
      const source = await createTestDatabase();
      const dump = path.join(dir, 'demo.dump');
      try {
        await backupDatabase({ databaseUrl: source.url, dataDir: dir }, dump);
      } finally {
        await source.drop();
      }
      await restoreDatabase({ databaseUrl: primaryUrl, dataDir: dir }, dump);
    },
  });
  // the standby was synchronous, and a read through the replica pool saw a committed deposit
  expect({ syncState: result.syncState, synchronousCommit: result.synchronousCommit, replicaSawCommit: result.replicaSawCommit }).toEqual({
    syncState: 'sync',
    synchronousCommit: 'on',
    replicaSawCommit: true,
  });
  expect(result.acknowledged).toBeGreaterThanOrEqual(60);
  expect(result.lost).toEqual([]);
  expect(result.breaks).toEqual([]);
  // the platform on the promoted standby takes a deposit, and the books still reconcile
  expect(result.depositAfterPromotion).toBe(201);
  expect(result.breaksAfterDeposit).toEqual([]);
}, 150_000);
