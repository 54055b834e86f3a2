import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS_FOLDER, migrateDatabase, openDatabase } from '../../server/src/db/client';

/**
 * A new data folder for the embedded database (`openDatabase({ dataDir })`), copied from one made once
 * per test process: a new folder costs PGlite an initdb in WebAssembly (seconds of CPU, twenty on a
 * loaded CI), a copy costs a file copy. `initialised`: as openDatabase leaves an empty folder;
 * `migrated`: also through every migration. The first call in a process makes the copy with
 * openDatabase and migrateDatabase themselves, so a run still goes through both from nothing.
 * The caller removes the folder it gets, as it would a mkdtemp's.
 */
export async function pgliteDataDir(kind: 'initialised' | 'migrated'): Promise<string> {
  const source = await original(kind);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bt-pglite-${kind}-`));
  fs.cpSync(source, dir, { recursive: true });
  return dir;
}

const ORIGINALS = 'bt-pglite-originals-';
const made = new Map<string, Promise<string>>();

/** Removes the originals of this process and of processes that have ended (jest's globalTeardown). */
export function removePgliteOriginals(): void {
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(ORIGINALS)) continue;
    const pid = Number(name.slice(ORIGINALS.length).split('-')[0]);
    if (pid !== process.pid && alive(pid)) continue;
    fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function original(kind: 'initialised' | 'migrated'): Promise<string> {
  // One set per process and per migrations (a migration added mid-session makes a new set).
  const dir = path.join(os.tmpdir(), `${ORIGINALS}${process.pid}-${migrationsHash()}`, kind);
  if (fs.existsSync(path.join(dir, 'pglite', 'PG_VERSION'))) return Promise.resolve(dir);
  let making = made.get(dir);
  if (!making) {
    making = make(kind, dir);
    made.set(dir, making);
  }
  return making;
}

async function make(kind: 'initialised' | 'migrated', dir: string): Promise<string> {
  const building = `${dir}.${crypto.randomUUID()}`;
  const database = await openDatabase({ dataDir: building });
  try {
    if (kind === 'migrated') await migrateDatabase(database);
  } finally {
    await database.close();
  }
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  try {
    fs.renameSync(building, dir);
  } catch {
    fs.rmSync(building, { recursive: true, force: true }); // another file of this process made it first
  }
  return dir;
}

function migrationsHash(): string {
  const hash = crypto.createHash('sha256');
  const walk = (d: string) => {
    for (const f of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, f.name);
      if (f.isDirectory()) walk(p);
      else hash.update(f.name).update(fs.readFileSync(p));
    }
  };
  walk(MIGRATIONS_FOLDER);
  return hash.digest('hex').slice(0, 12);
}
