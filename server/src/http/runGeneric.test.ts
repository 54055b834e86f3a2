import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/pg';
import { openDatabase, type Database } from '../db/client';
import { runPrepared } from './resource';

/** A list's statement on PostgreSQL's generic plan (ResourceDef.listPlan 'generic'), on real PostgreSQL. */
let database: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  const created = await createTestDatabase();
  drop = created.drop;
  // one connection, so the statement's counters and the session's setting are read where it ran
  database = await openDatabase({ databaseUrl: created.url, dataDir: '', poolSize: 1 });
});
afterAll(async () => {
  await database.close();
  await drop();
});

const planCacheMode = async () => ((await runPrepared(database.db, sql`SHOW plan_cache_mode`, false)).rows[0] as { plan_cache_mode: string }).plan_cache_mode;

test('values arrive as they were sent: quotes, backslashes, a $1 in text, numbers, null, booleans; dates as text', async () => {
  const text = "it's a \\ test with $1 and ''";
  const query = sql`SELECT ${text}::text AS s, ${42}::int AS n, ${null}::text AS z, ${true}::boolean AS b, ${'2026-01-02'}::date AS d`;
  for (let i = 0; i < 3; i++) {
    expect((await runPrepared(database.db, query, true, 'generic')).rows).toEqual([{ s: text, n: 42, z: null, b: true, d: '2026-01-02' }]);
  }
});

test('a queue page runs on the generic plan from its first run, and the setting ends with the statement', async () => {
  const page = (level: string, offset: number) =>
    sql`SELECT id FROM tickets WHERE level = ${level} AND status IN ('submitted', 'accepted', 'dispatched', 'in_progress') ORDER BY due_at, id LIMIT ${25} OFFSET ${offset}`;
  for (const [level, offset] of [
    ['community', 0],
    ['street', 25],
    ['district', 50],
  ] as const) {
    await runPrepared(database.db, page(level, offset), true, 'generic');
  }
  const [stats] = (
    await runPrepared(
      database.db,
      sql`SELECT generic_plans::int, custom_plans::int FROM pg_prepared_statements WHERE statement LIKE ${'%ORDER BY due_at, id LIMIT%'}`,
      false,
    )
  ).rows as { generic_plans: number; custom_plans: number }[];
  expect(stats).toEqual({ generic_plans: 3, custom_plans: 0 });
  expect(await planCacheMode()).toBe('auto');
});

test('a run that fails leaves neither the setting nor the statement in the way of the next', async () => {
  const query = (v: string) => sql`SELECT ${v}::int AS n`;
  await expect(runPrepared(database.db, query('not a number'), true, 'generic')).rejects.toMatchObject({ code: '22P02' });
  expect(await planCacheMode()).toBe('auto');
  expect((await runPrepared(database.db, query('7'), true, 'generic')).rows).toEqual([{ n: 7 }]);
  expect((await runPrepared(database.db, query('8'), true, 'generic')).rows).toEqual([{ n: 8 }]);
});
