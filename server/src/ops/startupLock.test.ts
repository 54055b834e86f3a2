import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type Database } from '../db/client';
import { databaseUrl, withAdminClient } from '../../../test/support/pg';
import { oneAtATime } from './startupLock';

/**
 * Several servers started at once on an empty database (docs/OPERATIONS.md, "Running several
 * servers"): each runs main.ts's start-up under oneAtATime, so the migrations apply once, cleanly,
 * and a read-then-write like the demo seed's "seed if empty" happens once.
 */
jest.setTimeout(120_000);

const name = `bt_startup_${process.pid}_${Date.now().toString(36)}`;
const databases: Database[] = [];

beforeAll(() => withAdminClient((c) => c.query(`CREATE DATABASE ${name}`)));
afterAll(async () => {
  await Promise.all(databases.map((d) => d.close()));
  await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});

test('four servers starting together on an empty database: migrations apply once, the seed-if-empty step runs once', async () => {
  const url = databaseUrl(name);
  for (let i = 0; i < 4; i++) databases.push(await openDatabase({ databaseUrl: url, dataDir: '' }));
  const seeded = await Promise.all(
    databases.map((database) =>
      oneAtATime(url, async () => {
        await migrateDatabase(database);
        // As seedDemoIfEmpty: look, then write — safe only because no other server is in here.
        const { rows } = await database.db.execute(sql`SELECT count(*)::int AS n FROM regions`);
        if ((rows[0] as { n: number }).n > 0) return false;
        await database.db.execute(sql`INSERT INTO regions (code, name, level) VALUES ('150200', '包头市', 'city')`);
        return true;
      }),
    ),
  );
  expect(seeded.filter(Boolean)).toHaveLength(1);
  const check = databases[0].db;
  expect((await check.execute(sql`SELECT count(*)::int AS n FROM regions`)).rows).toEqual([{ n: 1 }]);
  const applied = (await check.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`)).rows as { n: number }[];
  const journal = (await import('../db/migrations/meta/_journal.json')).entries as unknown[];
  expect(applied[0].n).toBe(journal.length);
});
