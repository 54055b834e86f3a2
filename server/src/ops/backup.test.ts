import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { fundInvariantBreaks } from '../../../test/support/fundInvariant';
import { databaseUrl, withAdminClient } from '../../../test/support/pg';
import { pgliteDataDir } from '../../../test/support/pglite';
import { openDatabase } from '../db/client';
import { backupDatabase, restoreDatabase } from './backup';

/**
 * Issue 15, backups: a backup restored into a fresh database holds the same books — every fund
 * account reconciles and nothing is missing — and a restore over live data is refused.
 */
let t: TestApi;
let dir: string;
const restoredName = `bt_restore_${process.pid}_${Date.now().toString(36)}`;
beforeAll(async () => {
  t = await createTestApi();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-backup-'));
  await withAdminClient((c) => c.query(`CREATE DATABASE ${restoredName}`));
});
afterAll(async () => {
  await t.close();
  await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`));
  fs.rmSync(dir, { recursive: true, force: true });
});

async function queryOn<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const { Client } = await import('pg');
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

const BOOKS = `SELECT (SELECT count(*) FROM fund_entries)::text AS entries, (SELECT coalesce(sum(balance_fen), 0) FROM fund_accounts)::text AS balance,
                      (SELECT count(*) FROM households)::text AS households, (SELECT count(*) FROM audit_logs)::text AS audit,
                      (SELECT count(*) FROM drizzle.__drizzle_migrations)::text AS migrations`;

test('a server database: pg_dump → pg_restore into a fresh database, the same books, every fund account reconciles', async () => {
  const file = path.join(dir, 'city.dump');
  const made = await backupDatabase({ databaseUrl: t.databaseUrl, dataDir: dir }, file);
  expect(made.kind).toBe('pg_dump');
  expect(made.bytes).toBeGreaterThan(10_000);

  const restored = databaseUrl(restoredName);
  await restoreDatabase({ databaseUrl: restored, dataDir: dir }, file);
  const [before] = await t.query(BOOKS);
  const [after] = await queryOn(restored, BOOKS);
  expect(after).toEqual(before);
  expect(Number(after.entries)).toBeGreaterThan(0);
  expect(await fundInvariantBreaks({ ...t, query: (text: string, params?: unknown[]) => queryOn(restored, text, params) } as TestApi)).toEqual([]);

  // restoring again over what is now live data is refused and changes nothing
  await expect(restoreDatabase({ databaseUrl: restored, dataDir: dir }, file)).rejects.toThrow(/不是空库/);
  expect((await queryOn(restored, BOOKS))[0]).toEqual(before);
});

test('the embedded database: its data folder as one file, restored into a new folder', async () => {
  const source = await pgliteDataDir('initialised');
  // the mechanics only (the schema is the migrations', proven on the server database above)
  const db = await openDatabase({ dataDir: source });
  await db.db.execute(`CREATE TABLE regions (code varchar(12) PRIMARY KEY, name varchar(40) NOT NULL)` as never);
  await db.db.execute(`INSERT INTO regions (code, name) VALUES ('150299', '备份测试区')` as never);
  await db.close();

  const file = path.join(dir, 'embedded.tar.gz');
  expect((await backupDatabase({ dataDir: source }, file)).kind).toBe('pglite');
  const target = path.join(dir, 'restored');
  await restoreDatabase({ dataDir: target }, file);
  const copy = await openDatabase({ dataDir: target });
  try {
    const rows = (await copy.db.execute(`SELECT name FROM regions WHERE code = '150299'` as never)) as unknown as { rows: { name: string }[] };
    expect(rows.rows).toEqual([{ name: '备份测试区' }]);
  } finally {
    await copy.close();
  }
  await expect(restoreDatabase({ dataDir: target }, file)).rejects.toThrow(/不为空/);
  fs.rmSync(source, { recursive: true, force: true });
}, 150_000);
