import type { Database } from '../db/client';

interface Result {
  rows: any[];
}

/**
 * pg-boss' `db` option over the platform's own connection, so the queue runs wherever the platform
 * does: a pg Pool (PostgreSQL) or the embedded PGlite of `npm start`. pg-boss sends parameterised
 * statements one at a time, and its schema and locked blocks (BEGIN; …; COMMIT) as one text
 * without parameters: on PGlite those go through exec (the simple protocol), which runs several
 * statements; PGlite's query and exec wait for any open transaction, so they never interleave.
 * pg-boss uses polling and transaction-level advisory locks only (no LISTEN), which PGlite has.
 */
export function pgBossDb(database: Database): { executeSql(text: string, values?: unknown[]): Promise<Result> } {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === 'postgresql') {
    const pool = client as { query(text: string, values?: unknown[]): Promise<Result> };
    return { executeSql: (text, values) => pool.query(text, values) };
  }
  const lite = client as {
    query(text: string, values?: unknown[]): Promise<Result>;
    exec(text: string): Promise<Result[]>;
  };
  return {
    async executeSql(text, values) {
      if (values && values.length) return lite.query(text, values);
      const results = await lite.exec(text);
      // The last statement that returned rows is the block's answer (e.g. a SELECT before COMMIT).
      const withRows = results.filter((r) => r.rows.length);
      return { rows: withRows.length ? withRows[withRows.length - 1].rows : [] };
    },
  };
}
