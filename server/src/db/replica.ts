import type { Db, Tx } from './client';

/**
 * Replica reads (issue 15, "A standby database"; docs/OPERATIONS.md § Standby). openDatabase
 * registers the read-only handle of DATABASE_REPLICA_URL here against its primary handle, so route
 * code that holds only `db` can ask for it without another parameter threaded through every register*.
 */
const replicas = new WeakMap<Db, Db>();

/** Called by openDatabase: reads through `readDb(primary)` go to `replica` from now on. */
export function attachReplica(primary: Db, replica: Db): void {
  replicas.set(primary, replica);
}

/**
 * The handle for a read that may lag the primary by the standby's replay (normally milliseconds):
 * the replica's when DATABASE_REPLICA_URL is set, else `db` itself. Use it for dashboards,
 * statistics, home-page counts and export counts. A read that must see the caller's own write just
 * made (after a POST, inside a transaction, a lock, a check before a write) uses `db`, never this.
 * A transaction handle is returned unchanged (it is already on the primary).
 */
export function readDb(db: Db): Db {
  return replicas.get(db) ?? db;
}

/**
 * Runs `read` in one REPEATABLE READ READ ONLY transaction on the replica (the primary without
 * one): every statement sees the same snapshot, so a long read (an export's cursor, chunk after
 * chunk) is consistent, and it can never write. A hot standby allows this isolation level (not
 * SERIALIZABLE). Writes that must accompany the read (its audit row) go to the primary before.
 */
export function readSnapshot<T>(db: Db, read: (tx: Tx) => Promise<T>): Promise<T> {
  return readDb(db).transaction(read, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}
