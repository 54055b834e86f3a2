import pg from 'pg';

/** Advisory lock key held while a server migrates and seeds (a constant no other lock uses). */
export const STARTUP_LOCK = 0x62740015;

/**
 * Runs start-up's schema work (migrations, key check, backfills, demo seed) under a session advisory
 * lock on a PostgreSQL server, so several server processes started together on one database
 * (docs/OPERATIONS.md, "Running several servers") migrate one at a time and seed once: the others
 * wait, then find the work done. Without `databaseUrl` (PGlite, one process by design) it just runs.
 * The lock ends with its connection, also when `work` throws.
 */
export async function oneAtATime<T>(databaseUrl: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!databaseUrl) return work();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await work();
  } finally {
    await client.end();
  }
}
