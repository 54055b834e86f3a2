import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
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

const dialect = new PgDialect({ casing: 'snake_case' });
/** Statement names by text, so a repeated shape is not hashed again (bounded: shapes are few). */
const names = new Map<string, string>();

/**
 * Runs a statement built with drizzle whose text repeats from call to call (the same shape, other
 * values) as a named prepared statement (runNamed), named after its text: PostgreSQL parses and
 * plans each shape once per connection. Only for statements whose shapes are few (no values
 * rendered into the text, no lists of varying length).
 */
export async function runShaped<Row = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<Row[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  let name = names.get(text);
  if (!name) {
    name = `bt_s_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (names.size >= 1000) names.clear();
    names.set(text, name);
  }
  return runNamed<Row>(db, name, text, params);
}
