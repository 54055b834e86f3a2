import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import { CasingCache } from 'drizzle-orm/casing';
import type { PgTable } from 'drizzle-orm/pg-core';

const casing = new CasingCache('snake_case');
/** Column names by table and set of keys (the shapes are few: each caller writes the same keys each time). */
const shapes = new Map<string, { names: string[]; list: string }>();

function columnsOf(table: PgTable, keys: string[]) {
  const tableName = getTableName(table);
  const key = `${tableName}\u0000${keys.join('\u0000')}`;
  let shape = shapes.get(key);
  if (!shape) {
    const byKey = getTableColumns(table);
    const names = keys.map((k) => {
      const column = byKey[k];
      if (!column) throw new Error(`${tableName} has no column ${k}`);
      return casing.getColumnCasing(column);
    });
    shape = { names, list: names.map((n) => `"${n}"`).join(', ') };
    if (shapes.size >= 500) shapes.clear();
    shapes.set(key, shape);
  }
  return shape;
}

/**
 * One row's INSERT with the row as ONE parameter:
 * `INSERT INTO t (c1, c2, …) SELECT c1, c2, … FROM json_populate_record(NULL::t, $1::json)`.
 * For rows written on every step of a hot path (a ticket's filing writes the case, its event and its
 * audit row): drizzle's insert builder renders every column as its own parameter, and rendering was
 * a quarter of a filing's CPU; here the column list is rendered once per set of keys and the values
 * travel as JSON. `row`: the table's insert type, as drizzle's insert takes it (camelCase keys) — Dates
 * (sent as ISO 8601, read back as timestamptz), arrays for array columns, objects for json/jsonb; an
 * undefined value leaves the column to its default, null writes NULL. Throws on a key the table has
 * no column for. `overridingSystemValue`: the row brings its identity column's value (as the filing
 * does, with the id it took from the sequence); `returning`: RETURNING * (every column, as the
 * builder's returning()).
 */
export function insertRowAsJson<T extends PgTable>(table: T, row: T['$inferInsert'], opts: { overridingSystemValue?: boolean; returning?: boolean } = {}): SQL {
  const values = row as Record<string, unknown>;
  const keys = Object.keys(values).filter((k) => values[k] !== undefined);
  const { names, list } = columnsOf(table, keys);
  const json: Record<string, unknown> = {};
  keys.forEach((k, i) => (json[names[i]] = values[k]));
  return sql`INSERT INTO ${table} (${sql.raw(list)})${sql.raw(opts.overridingSystemValue ? ' OVERRIDING SYSTEM VALUE' : '')} SELECT ${sql.raw(list)} FROM json_populate_record(NULL::${table}, ${JSON.stringify(json)}::json)${sql.raw(opts.returning ? ' RETURNING *' : '')}`;
}
