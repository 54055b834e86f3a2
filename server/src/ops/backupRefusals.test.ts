import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { databaseUrl, withAdminClient } from '../../../test/support/pg';
import { openDatabase } from '../db/client';
import { DEFAULT_BACKUP_DIR, backupDatabase, restoreDatabase } from './backup';

/**
 * Issue 15, backups attacked as an operator would (docs/OPERATIONS.md § Backups): every mistake is a
 * clear refusal that leaves nothing half-done behind — no empty "backup" file, no half-made data
 * folder, no database password in the message, no copy of a folder a running platform holds.
 */
let dir: string;
const emptyName = `bt_backup_empty_${process.pid}_${Date.now().toString(36)}`;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-backup-refusals-'));
  await withAdminClient((c) => c.query(`CREATE DATABASE ${emptyName}`));
});
afterAll(async () => {
  await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${emptyName} WITH (FORCE)`));
  fs.rmSync(dir, { recursive: true, force: true });
});

function withPassword(url: string, password: string): string {
  const u = new URL(url);
  u.username = u.username || 'postgres';
  u.password = password;
  return u.toString();
}

test('a failed pg_dump leaves no file behind, and its message never carries the database password', async () => {
  const file = path.join(dir, 'failed.dump');
  const url = withPassword(databaseUrl(`bt_no_such_db_${process.pid}`), 'Secret-pw-7731');
  const failure = await backupDatabase({ databaseUrl: url, dataDir: dir }, file).catch((e: Error) => e);
  expect(failure).toBeInstanceOf(Error);
  expect((failure as Error).message).toMatch(/^备份失败：/);
  expect((failure as Error).message).toContain('does not exist');
  expect((failure as Error).message).not.toContain('Secret-pw-7731');
  expect(fs.existsSync(file)).toBe(false);
  expect(fs.readdirSync(dir).filter((f) => f.startsWith('failed'))).toEqual([]);
});

test('a backup path with spaces and `..` through a folder not yet made is written where it resolves', async () => {
  const file = `${dir}/not-made-yet/../with space/city backup.dump`; // as typed: path.join would fold the `..` away
  const made = await backupDatabase({ databaseUrl: databaseUrl(emptyName), dataDir: dir }, file);
  expect(made.file).toBe(path.join(dir, 'with space', 'city backup.dump'));
  expect(fs.readFileSync(made.file).subarray(0, 5).toString()).toBe('PGDMP');
});

test('an existing file or a folder is never overwritten by a backup', async () => {
  const file = path.join(dir, 'yesterday.dump');
  fs.writeFileSync(file, 'yesterday');
  await expect(backupDatabase({ databaseUrl: databaseUrl(emptyName), dataDir: dir }, file)).rejects.toThrow(/已存在/);
  expect(fs.readFileSync(file, 'utf8')).toBe('yesterday');
  await expect(backupDatabase({ databaseUrl: databaseUrl(emptyName), dataDir: dir }, dir)).rejects.toThrow(/已存在/);
  await expect(backupDatabase({ databaseUrl: databaseUrl(emptyName), dataDir: dir }, '')).rejects.toThrow(/请给出备份文件/);
});

test('a file of the other kind, or no backup at all, is refused before the target is touched', async () => {
  const serverDump = path.join(dir, 'server.dump');
  fs.writeFileSync(serverDump, Buffer.concat([Buffer.from('PGDMP'), Buffer.alloc(200, 1)]));
  const embeddedTarget = path.join(dir, 'embedded-target');
  await expect(restoreDatabase({ dataDir: embeddedTarget }, serverDump)).rejects.toThrow(/不是内置数据库的备份/);
  expect(fs.existsSync(path.join(embeddedTarget, 'pglite'))).toBe(false);

  const embeddedTarball = path.join(dir, 'embedded.tar.gz');
  fs.writeFileSync(embeddedTarball, zlib.gzipSync(Buffer.alloc(1000, 7)));
  await expect(restoreDatabase({ databaseUrl: databaseUrl(emptyName), dataDir: dir }, embeddedTarball)).rejects.toThrow(/不是数据库服务器的备份/);
  await expect(restoreDatabase({ dataDir: embeddedTarget }, embeddedTarball)).rejects.toThrow(/^恢复失败：/);
  expect(fs.existsSync(path.join(embeddedTarget, 'pglite'))).toBe(false);

  const text = path.join(dir, 'notes.txt');
  fs.writeFileSync(text, 'not a backup');
  await expect(restoreDatabase({ databaseUrl: databaseUrl(emptyName), dataDir: dir }, text)).rejects.toThrow(/不是数据库服务器的备份/);
  await expect(restoreDatabase({ dataDir: embeddedTarget }, dir)).rejects.toThrow(/不是文件/);
  const [{ n }] = (await withAdminClient((c) => c.query(`SELECT count(*)::int AS n FROM pg_database WHERE datname = $1`, [emptyName]))).rows;
  expect(n).toBe(1);
}, 60_000);

test('the embedded database is not copied while a platform holds it, and the platform keeps its folder', async () => {
  const dataDir = path.join(dir, 'live');
  const live = await openDatabase({ dataDir });
  try {
    const file = path.join(dir, 'live.tar.gz');
    await expect(backupDatabase({ dataDir }, file)).rejects.toThrow(/正在使用/);
    expect(fs.existsSync(file)).toBe(false);
    // the running platform's lock file is still there and its database still answers
    expect(fs.existsSync(path.join(dataDir, 'pglite', 'postmaster.pid'))).toBe(true);
    await live.db.execute(`SELECT 1` as never);
  } finally {
    await live.close();
  }
}, 60_000);

test('the default backup folder is ignored by git: a dump of the whole database is never committed by `git add -A`', () => {
  const ignored = fs.readFileSync(path.resolve(__dirname, '../../../.gitignore'), 'utf8').split('\n');
  expect(ignored).toContain(`${DEFAULT_BACKUP_DIR}/`);
});
