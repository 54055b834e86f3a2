import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The newest installed PostgreSQL client tool (Debian keeps each major version under
 * /usr/lib/postgresql/<v>/bin; pg_dump must not be older than the server), else the one on PATH.
 */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions) {
    const p = path.join(root, v, 'bin', name);
    if (fs.existsSync(p)) return p;
  }
  return name;
}

/** Where `npm run backup` writes when given no file (relative to the repository; ignored by git, see .gitignore). */
export const DEFAULT_BACKUP_DIR = 'backups';

export interface BackupTarget {
  /** A PostgreSQL server (DATABASE_URL); absent: the embedded database in `dataDir`/pglite. */
  databaseUrl?: string;
  dataDir: string;
}

/**
 * A consistent copy of the whole database in one file: `pg_dump --format=custom` of a server (one
 * snapshot, taken while the platform keeps running), or the embedded database's data folder as a
 * gzip tarball (PGlite's dumpDataDir; stop the platform first — one process owns that folder).
 * The encryption keys are NOT in the file (they live in the settings or DATA_DIR/secrets.json):
 * keep them apart, as a backup of personal data must be (MLPS 2.0 level 3). Returns the file written
 * (its resolved path). Throws, writing nothing, when: no path, the path exists (never overwritten),
 * the embedded folder is in use (postmaster.pid), or the tool fails (its message, never the URL's password).
 */
export async function backupDatabase(target: BackupTarget, file: string): Promise<{ file: string; bytes: number; kind: 'pg_dump' | 'pglite' }> {
  if (!file.trim()) throw new Error('请给出备份文件的路径');
  // Resolved here, not by the tool: `a/../b` through a folder not made yet works, and the message names the real place.
  const out = path.resolve(file);
  if (fs.existsSync(out)) throw new Error(`备份文件已存在：${out}（不覆盖已有的备份，请换一个文件名）`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Written under a temporary name and linked into place only when whole: a failed run leaves no file that looks like a backup.
  const partial = `${out}.partial-${process.pid}`;
  try {
    if (target.databaseUrl) {
      await run(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${target.databaseUrl}`], {
        maxBuffer: 16 * 1024 * 1024,
      }).catch((err: unknown) => {
        throw toolFailure('备份', err);
      });
    } else {
      const dir = path.resolve(target.dataDir, 'pglite');
      if (!fs.existsSync(dir)) throw new Error(`没有内置数据库：${dir} 不存在`);
      // PGlite keeps postmaster.pid while a process has the folder open and removes it on close; opening it
      // a second time would copy a database mid-write and, on close, remove the running platform's lock file.
      if (fs.existsSync(path.join(dir, 'postmaster.pid'))) {
        throw new Error(`内置数据库正在使用（${path.join(dir, 'postmaster.pid')}）：请先停止平台再备份；若平台已异常退出，请启动后再正常停止一次`);
      }
      const { PGlite } = await import('@electric-sql/pglite');
      const client = await PGlite.create(dir);
      try {
        const dump = await client.dumpDataDir('gzip');
        fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      } finally {
        await client.close();
      }
    }
    fs.linkSync(partial, out); // fails if another run wrote the name meanwhile: never overwrites
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { file: out, bytes: fs.statSync(out).size, kind: target.databaseUrl ? 'pg_dump' : 'pglite' };
}

/** A tool's own words (its stderr), never its command line: that carries DATABASE_URL and its password. */
function toolFailure(what: '备份' | '恢复', err: unknown): Error {
  const e = err as { stderr?: string; message?: string };
  const said = (e.stderr?.trim() || e.message || String(err)).replace(/(\/\/[^/:@\s]*:)[^@\s]*@/g, '$1***@');
  return new Error(`${what}失败：${said}`);
}

/** What a backup file holds, by its first bytes: a pg_dump custom archive ("PGDMP") or a gzip tarball. */
function backupKind(file: string): 'pg_dump' | 'pglite' | null {
  const head = Buffer.alloc(5);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 5, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') === 'PGDMP') return 'pg_dump';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  return null;
}

/**
 * Restores a backup into an EMPTY database: a server database with no tables of ours (pg_restore,
 * in one transaction — it all lands or nothing does), or an embedded data folder that does not exist
 * yet. Restoring over live data is refused (throws): restore into a fresh database, check it, then
 * point the platform at it. The file's kind is read from its first bytes ("PGDMP" or gzip) and a file of
 * the other kind is refused before the target is touched; a failed embedded restore removes the folder it made.
 */
export async function restoreDatabase(target: BackupTarget, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`备份文件不存在：${file}`);
  if (!fs.statSync(file).isFile()) throw new Error(`备份路径不是文件：${file}`);
  const kind = backupKind(file);
  if (target.databaseUrl) {
    if (kind !== 'pg_dump')
      throw new Error(`${file} 不是数据库服务器的备份（pg_dump 文件）${kind === 'pglite' ? '：它是内置数据库的备份，请不设 DATABASE_URL 恢复' : ''}`);
    const { Client } = await import('pg');
    const c = new Client({ connectionString: target.databaseUrl });
    await c.connect().catch((err: unknown) => {
      throw toolFailure('恢复', err);
    });
    try {
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema IN ('public', 'drizzle')`);
      if (rows[0].n > 0) throw new Error('目标数据库不是空库：请恢复到新建的空数据库，核对后再切换');
    } finally {
      await c.end();
    }
    await run(pgTool('pg_restore'), ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${target.databaseUrl}`, file], {
      maxBuffer: 16 * 1024 * 1024,
    }).catch((err: unknown) => {
      throw toolFailure('恢复', err);
    });
    return;
  }
  if (kind !== 'pglite')
    throw new Error(
      `${file} 不是内置数据库的备份（.tar.gz 文件）${kind === 'pg_dump' ? '：它是数据库服务器的备份，请设置 DATABASE_URL 指向新建的空数据库再恢复' : ''}`,
    );
  const dir = path.resolve(target.dataDir, 'pglite');
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) throw new Error(`目标数据目录不为空：${dir}`);
  fs.mkdirSync(dir, { recursive: true });
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const client = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([fs.readFileSync(file)]) });
    await client.close();
  } catch (err) {
    // The folder was empty or absent before: leave it so, not half-made (a half-made folder would start as a database).
    fs.rmSync(dir, { recursive: true, force: true });
    throw toolFailure('恢复', err);
  }
}
