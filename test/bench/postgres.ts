import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { migrateDatabase, openDatabase } from '../../server/src/db/client';
import { seedDemo } from '../../server/src/seed/demo';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Runs `fn` against BENCH_DATABASE_URL's server, or else a throwaway PostgreSQL (scripts/pg-temp.sh)
 * on a random port, stopped and removed afterwards. `fn` gets the server's admin URL.
 */
export async function withPostgres<T>(label: string, fn: (adminUrl: string) => Promise<T>): Promise<T> {
  if (process.env.BENCH_DATABASE_URL) return fn(process.env.BENCH_DATABASE_URL);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bt-bench-${label}-pg-`));
  const port = String(40000 + Math.floor(Math.random() * 20000));
  const url = execFileSync('bash', [path.join(ROOT, 'scripts/pg-temp.sh'), 'start', dir, port])
    .toString()
    .trim();
  try {
    return await fn(url);
  } finally {
    execFileSync('bash', [path.join(ROOT, 'scripts/pg-temp.sh'), 'stop', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Database `name` created afresh on the server at `adminUrl`, migrated and seeded with the demo city; returns its URL. */
export async function freshDemoDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const database = await openDatabase({ databaseUrl: url, dataDir: '' });
  await migrateDatabase(database);
  await seedDemo(database.db, { demoPassword: 'baotou2024', encryptionKey: 'bench-key-0123456789abcdef', highTechZoneCode: '150271' });
  await database.close();
  return url;
}

/** The p-th percentile (nearest rank, p in 0–100) of a list of figures. */
export const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
