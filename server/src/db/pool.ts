import pg from 'pg';

/** How long a borrower may keep a client whose connection was lost before the pool takes it back (ms). */
export const LOST_CLIENT_RETURN_MS = 1_000;

type Release = (err?: Error | boolean) => void;

/**
 * pg's Pool, except that a client lent out (`await pool.connect()`) whose connection is lost is
 * given back — and so destroyed — when its borrower has not given it back within
 * LOST_CLIENT_RETURN_MS; a borrower's own release after that does nothing.
 *
 * Why: drizzle-orm 0.45.4's node-postgres `transaction()` runs BEGIN before the try/finally that
 * releases its client (drizzle-team/drizzle-orm#6241 and #6023, open, no fixed release). When
 * PostgreSQL drops a connection as a transaction starts (a restart, a failover, an administrator's
 * pg_terminate_backend), BEGIN fails and the client is never released: one pool slot lost for the
 * life of the process — ten and every request waits forever — and the pool's end() never resolves,
 * so the process cannot stop. pool.query() (drizzle's statements outside a transaction) releases on
 * its own and is left as pg has it.
 */
export class ReleasingPool extends pg.Pool {
  connect(): Promise<pg.PoolClient>;
  connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: Release) => void): void;
  connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: Release) => void): Promise<pg.PoolClient> | void {
    if (callback) return super.connect(callback);
    return super.connect().then(returnedWhenLost);
  }
}

function returnedWhenLost(client: pg.PoolClient): pg.PoolClient {
  const release: Release = client.release;
  let released = false;
  let timer: NodeJS.Timeout | undefined;
  const onLost = (err: Error) => {
    timer ??= setTimeout(() => client.release(err), LOST_CLIENT_RETURN_MS);
  };
  client.on('error', onLost);
  client.release = (err?: Error | boolean) => {
    if (released) return;
    released = true;
    clearTimeout(timer);
    client.removeListener('error', onLost);
    release(err);
  };
  return client;
}
