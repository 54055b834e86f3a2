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
 * keep them apart, as a backup of personal data must be (MLPS 2.0 level 3). Returns the file written.
 */
export async function backupDatabase(target: BackupTarget, file: string): Promise<{ file: string; bytes: number; kind: 'pg_dump' | 'pglite' }> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (target.databaseUrl) {
    await run(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${target.databaseUrl}`], {
      maxBuffer: 16 * 1024 * 1024,
    });
    return { file, bytes: fs.statSync(file).size, kind: 'pg_dump' };
  }
  const dir = path.resolve(target.dataDir, 'pglite');
  if (!fs.existsSync(dir)) throw new Error(`没有内置数据库：${dir} 不存在`);
  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create(dir);
  try {
    const dump = await client.dumpDataDir('gzip');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await client.close();
  }
  return { file, bytes: fs.statSync(file).size, kind: 'pglite' };
}

/**
 * Restores a backup into an EMPTY database: a server database with no tables of ours (pg_restore,
 * in one transaction — it all lands or nothing does), or an embedded data folder that does not exist
 * yet. Restoring over live data is refused (throws): restore into a fresh database, check it, then
 * point the platform at it.
 */
export async function restoreDatabase(target: BackupTarget, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`备份文件不存在：${file}`);
  if (target.databaseUrl) {
    const { Client } = await import('pg');
    const c = new Client({ connectionString: target.databaseUrl });
    await c.connect();
    try {
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema IN ('public', 'drizzle')`);
      if (rows[0].n > 0) throw new Error('目标数据库不是空库：请恢复到新建的空数据库，核对后再切换');
    } finally {
      await c.end();
    }
    await run(pgTool('pg_restore'), ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${target.databaseUrl}`, file], {
      maxBuffer: 16 * 1024 * 1024,
    });
    return;
  }
  const dir = path.resolve(target.dataDir, 'pglite');
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) throw new Error(`目标数据目录不为空：${dir}`);
  fs.mkdirSync(dir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([fs.readFileSync(file)]) });
  await client.close();
}
