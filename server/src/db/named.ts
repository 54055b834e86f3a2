import type { DbOrTx } from './client';

/**
 * Runs a statement whose text never changes, by name, on `db` (the pool, or a transaction's
 * connection): on PostgreSQL a named prepared statement — parsed and planned once per connection,
 * then only bound and run, and nothing for drizzle to build — and on PGlite a parameterised query
 * (the name unused). `text` refers to `values` as $1…$n; a name must always come with the same text
 * (node-postgres refuses a second text under a name it has prepared on that connection). Rows as
 * drizzle's execute returns them (timestamps and dates as text, bigint as text).
 */
export async function runNamed<Row = Record<string, unknown>>(db: DbOrTx, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const result = (await db._.session.prepareQuery({ sql: text, params: values }, undefined, name, false).execute()) as { rows: Row[] };
  return result.rows;
}
