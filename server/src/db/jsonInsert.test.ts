import fs from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/pg';
import { pgliteDataDir } from '../../../test/support/pglite';
import { openDatabase, type Database } from './client';
import { insertRowAsJson } from './jsonInsert';
import { compounds, tickets } from './schema';

/**
 * insertRowAsJson writes the row drizzle's insert builder writes, on PostgreSQL and on PGlite: every
 * kind of column a hot path sends (enums, timestamps, integer and text arrays, nullable columns,
 * text with quotes, backslashes and line separators), defaults for the keys left out, the identity
 * given, and RETURNING * as returning().
 */
const base = (compoundId: number, id: number, description: string) => ({
  id,
  compoundId,
  regionCode: '150203001001',
  streetCode: '150203001',
  districtCode: '150203',
  householdId: null,
  channel: 'mini' as const,
  kind: 'repair' as const,
  category: 'plumbing' as const,
  against: null,
  description,
  photos: [3, 1, 2],
  ratingTags: ['快', 'a"b', 'c\\d'],
  level: 'company' as const,
  status: 'submitted' as const,
  levelEnteredAt: new Date('2026-12-02T08:00:00.123Z'),
  responseDueAt: new Date('2026-12-02T10:00:00Z'),
  resolveDueAt: new Date('2026-12-05T08:00:00Z'),
  dueAt: new Date('2026-12-02T10:00:00Z'),
  createdAt: new Date('2026-12-02T08:00:00.123Z'),
  updatedAt: new Date('2026-12-02T08:00:00.123Z'),
  preferredTime: undefined, // left out: its default (NULL)
});
const tricky = '引号"与\\反斜杠\'单引号\n换行\u2028分隔\t制表 emoji 🏠 {"json":[1]}';

async function roundTrip(database: Database) {
  const { db } = database;
  const [{ id: compoundId }] = await db.select({ id: compounds.id }).from(compounds).limit(1);
  const [{ a, b }] = (
    await db.execute(sql`SELECT nextval(pg_get_serial_sequence('tickets', 'id'))::int AS a, nextval(pg_get_serial_sequence('tickets', 'id'))::int AS b`)
  ).rows as { a: number; b: number }[];
  const [byBuilder] = await db
    .insert(tickets)
    .overridingSystemValue()
    .values(base(compoundId, a, tricky))
    .returning();
  const returned = (await db.execute(insertRowAsJson(tickets, base(compoundId, b, tricky), { overridingSystemValue: true, returning: true }))).rows as Record<
    string,
    unknown
  >[];
  expect(returned).toHaveLength(1);
  expect(returned[0].id).toBe(b);
  const [byJson] = await db.select().from(tickets).where(eq(tickets.id, b));
  expect({ ...byJson, id: 0 }).toEqual({ ...byBuilder, id: 0 });
  expect(byJson).toMatchObject({ description: tricky, photos: [3, 1, 2], ratingTags: ['快', 'a"b', 'c\\d'], preferredTime: null, escalationCount: 0 });
  expect(byJson.levelEnteredAt.toISOString()).toBe('2026-12-02T08:00:00.123Z');
  // the same shape again (its column list cached), and a key the table has no column for refuses
  await db.execute(insertRowAsJson(tickets, { ...base(compoundId, b + 1000, 'again'), id: undefined } as never));
  expect(() => insertRowAsJson(tickets, { ...base(compoundId, 1, 'x'), nope: 1 } as never)).toThrow(/tickets has no column nope/);
}

test('on PostgreSQL: the same row as the insert builder', async () => {
  const handle = await createTestDatabase();
  const database = await openDatabase({ databaseUrl: handle.url, dataDir: '' });
  try {
    await roundTrip(database);
  } finally {
    await database.close();
    await handle.drop();
  }
});

test('on PGlite: the same row as the insert builder', async () => {
  const dir = await pgliteDataDir('migrated');
  const database = await openDatabase({ dataDir: dir });
  try {
    // the migrated copy has no compound yet
    await database.db.insert(compounds).values({
      code: 'JT0001',
      name: '测试小区',
      regionCode: '150203001001',
      address: '测试路1号',
      totalArea: '1000.00',
      type: 'commodity',
      managementMode: 'professional',
    });
    await roundTrip(database);
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
