import pg from 'pg';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { adminDatabaseUrl, withAdminClient } from '../../../test/support/pg';
import { ReleasingPool } from './pool';

/**
 * A transaction whose BEGIN meets a connection PostgreSQL has dropped (server/src/db/pool.ts): on
 * real PostgreSQL, a pool of one connection, its backend terminated while the client sits idle (its
 * socket paused, so the pool has not heard yet and lends it out), then drizzle's transaction().
 */
async function beginOnADroppedConnection(pool: pg.Pool) {
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzle(pool);
  await db.execute(sql`SELECT 1`);
  const idle = await pool.connect();
  const { processID } = idle as unknown as { processID: number };
  const stream = (idle as unknown as { connection: { stream: NodeJS.ReadableStream } }).connection.stream;
  stream.pause();
  idle.release();
  await withAdminClient((c) => c.query('SELECT pg_terminate_backend($1)', [processID]));
  const first = db.transaction((tx) => tx.execute(sql`SELECT 1`));
  stream.resume();
  await expect(first).rejects.toThrow();
  return db;
}

const within = <T>(ms: number, p: Promise<T>) => Promise.race([p, new Promise<'timed out'>((resolve) => setTimeout(resolve, ms, 'timed out').unref())]);

test('ReleasingPool: the client of a failed BEGIN comes back, the next transaction runs and the pool ends', async () => {
  const pool = new ReleasingPool({ connectionString: adminDatabaseUrl(), max: 1 });
  const db = await beginOnADroppedConnection(pool);
  const next = await within(
    5_000,
    db.transaction((tx) => tx.execute<{ one: number }>(sql`SELECT 1 AS one`)),
  );
  expect(next).not.toBe('timed out');
  expect((next as { rows: { one: number }[] }).rows).toEqual([{ one: 1 }]);
  expect(await within(5_000, pool.end())).not.toBe('timed out');
});

test('ReleasingPool: a borrower that releases on its own keeps its client healthy, and a late second release does nothing', async () => {
  const pool = new ReleasingPool({ connectionString: adminDatabaseUrl(), max: 1 });
  const client = await pool.connect();
  const { processID } = client as unknown as { processID: number };
  client.release();
  expect(() => client.release()).not.toThrow();
  const again = await pool.connect();
  expect((again as unknown as { processID: number }).processID).toBe(processID);
  again.release();
  await pool.end();
});

// What ReleasingPool exists for: when this test fails, drizzle releases the client itself (#6241 fixed)
// and pool.ts can go.
test('plain pg.Pool under drizzle-orm 0.45.4: the client of a failed BEGIN stays lent out for good', async () => {
  const pool = new pg.Pool({ connectionString: adminDatabaseUrl(), max: 1 });
  await beginOnADroppedConnection(pool);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect({ total: pool.totalCount, idle: pool.idleCount }).toEqual({ total: 1, idle: 0 });
  expect(await within(1_000, pool.end())).toBe('timed out');
});
