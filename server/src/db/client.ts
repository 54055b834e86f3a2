import fs from 'node:fs';
import path from 'node:path';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import * as schema from './schema';
import { attachReplica } from './replica';

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;
export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** The connection pool's use (a server database only), for the metrics endpoint. */
  poolStats?: () => { total: number; idle: number; waiting: number };
  /** The read-only replica's handle when DATABASE_REPLICA_URL is set (use readDb(db), server/src/db/replica.ts). */
  replica?: Db;
  /** The replica pool's use when DATABASE_REPLICA_URL is set, for the metrics endpoint (pool="replica"). */
  replicaPoolStats?: () => { total: number; idle: number; waiting: number };
}

/** The application_name of replica-read sessions (pg_stat_activity on the standby). */
export const REPLICA_APPLICATION_NAME = 'baotou-replica-reads';

export const MIGRATIONS_FOLDER = path.join(__dirname, 'migrations');

/**
 * A real PostgreSQL server when `databaseUrl` is set, else an embedded PGlite database in
 * `dataDir` (zero set-up). Both speak the same schema; drizzle's query API is identical.
 */
export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  replicaUrl?: string | null;
  replicaPoolSize?: number;
  /** Where a pool's connection errors go (main.ts: the structured logger); default stderr. */
  log?: (message: string, err: Error) => void;
}): Promise<Database> {
  const log = opts.log ?? ((message: string, err: Error) => console.error(message, err.message));
  if (opts.databaseUrl) {
    // ReleasingPool: a client whose connection is lost comes back even when drizzle's transaction() drops it (pool.ts).
    const { ReleasingPool: Pool } = await import('./pool');
    const pool = new Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover) must not take the process down;
    // the pool replaces it on the next checkout.
    pool.on('error', (err) => log('PostgreSQL idle connection error', err));
    // Nor may one lost while checked out between two statements (the primary killed mid-transaction,
    // a failover): its next query fails and the request gets a 500, instead of an unhandled 'error' event.
    pool.on('connect', (client) => client.on('error', (err) => log('PostgreSQL connection lost', err)));
    const db = drizzlePg(pool, { schema, casing: 'snake_case' });
    const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    if (!opts.replicaUrl) return { db, kind: 'postgresql', close: () => pool.end(), poolStats };
    // The replica's sessions are read-only even if the URL names a writable server (a mistaken setting
    // then fails the write, never splits the books), and are named so pg_stat_activity shows them.
    const replicaPool = new Pool({
      connectionString: opts.replicaUrl,
      max: opts.replicaPoolSize ?? 10,
      application_name: REPLICA_APPLICATION_NAME,
      options: '-c default_transaction_read_only=on',
    });
    replicaPool.on('error', (err) => log('PostgreSQL replica idle connection error', err));
    replicaPool.on('connect', (client) => client.on('error', (err) => log('PostgreSQL replica connection lost', err)));
    const replica = drizzlePg(replicaPool, { schema, casing: 'snake_case' });
    attachReplica(db, replica);
    const replicaPoolStats = () => ({ total: replicaPool.totalCount, idle: replicaPool.idleCount, waiting: replicaPool.waitingCount });
    return {
      db,
      kind: 'postgresql',
      replica,
      close: () => Promise.all([pool.end(), replicaPool.end()]).then(() => undefined),
      poolStats,
      replicaPoolStats,
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle: drizzleLite } = await import('drizzle-orm/pglite');
  const dir = path.resolve(opts.dataDir, 'pglite');
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const client = await PGlite.create(dir);
  const db = drizzleLite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return { db, kind: 'pglite', close: () => client.close() };
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'postgresql') {
    await migratePg(database.db, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}
