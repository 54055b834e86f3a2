import { loadConfig, loadDatabaseTarget } from './index';

const PRIMARY = 'postgresql://app@db1.internal:5432/baotou';

describe('DATABASE_REPLICA_URL (issue 15: dashboards, statistics and exports read the standby)', () => {
  test('absent by default: everything reads the primary', () => {
    expect(loadConfig({}).database).toEqual({ poolSize: 10, replicaUrl: null, replicaPoolSize: 10 });
    expect(loadConfig({ DATABASE_URL: PRIMARY, DATABASE_REPLICA_URL: '' }).database.replicaUrl).toBeNull();
  });

  test('a postgresql:// URL with a PostgreSQL primary is taken, with its pool size', () => {
    const c = loadConfig({ DATABASE_URL: PRIMARY, DATABASE_REPLICA_URL: 'postgres://reader@db2.internal:5432/baotou', DATABASE_REPLICA_POOL_SIZE: '4' });
    expect(c.database).toEqual({ poolSize: 10, replicaUrl: 'postgres://reader@db2.internal:5432/baotou', replicaPoolSize: 4 });
  });

  test('another scheme, a non-URL, a bad pool size, or a replica without DATABASE_URL refuses to start', () => {
    for (const bad of ['mysql://db2/baotou', 'db2.internal', 'http://db2.internal/baotou']) {
      expect(() => loadConfig({ DATABASE_URL: PRIMARY, DATABASE_REPLICA_URL: bad })).toThrow(/DATABASE_REPLICA_URL/);
    }
    for (const bad of ['0', '101', '2.5', 'ten']) {
      expect(() => loadConfig({ DATABASE_URL: PRIMARY, DATABASE_REPLICA_URL: 'postgresql://db2/baotou', DATABASE_REPLICA_POOL_SIZE: bad })).toThrow(
        /DATABASE_REPLICA_POOL_SIZE/,
      );
    }
    // the embedded database (no DATABASE_URL) has no standby
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgresql://db2/baotou' })).toThrow(/DATABASE_REPLICA_URL/);
  });
});

describe('DATABASE_POOL_SIZE (issue 15: several server processes share one PostgreSQL and its max_connections)', () => {
  test('10 connections per process by default; a whole number from 1 to 100 is taken', () => {
    expect(loadConfig({ DATABASE_URL: PRIMARY }).database.poolSize).toBe(10);
    expect(loadConfig({ DATABASE_URL: PRIMARY, DATABASE_POOL_SIZE: '4' }).database.poolSize).toBe(4);
    expect(loadConfig({ DATABASE_URL: PRIMARY, DATABASE_POOL_SIZE: '100' }).database.poolSize).toBe(100);
  });

  test('zero, more than 100, a fraction or a word refuses to start, naming the setting', () => {
    for (const bad of ['0', '101', '2.5', 'ten', '-3']) {
      expect(() => loadConfig({ DATABASE_URL: PRIMARY, DATABASE_POOL_SIZE: bad })).toThrow(/DATABASE_POOL_SIZE/);
    }
  });
});

describe('loadDatabaseTarget (npm run backup / restore: docs/OPERATIONS.md § Backups)', () => {
  const production = { NODE_ENV: 'production', DATABASE_URL: PRIMARY, DATA_DIR: '/srv/baotou' };

  test('production without its secrets: the backup still learns which database to copy (loadConfig refuses)', () => {
    expect(() => loadConfig(production)).toThrow(/JWT_SECRET/);
    expect(loadDatabaseTarget(production)).toEqual({ databaseUrl: PRIMARY, dataDir: '/srv/baotou' });
  });

  test('no DATABASE_URL: the embedded database in DATA_DIR, ./data by default', () => {
    expect(loadDatabaseTarget({})).toEqual({ databaseUrl: undefined, dataDir: 'data' });
    expect(loadDatabaseTarget({ DATABASE_URL: '', DATA_DIR: 'elsewhere' })).toEqual({ databaseUrl: undefined, dataDir: 'elsewhere' });
  });

  test("a DATABASE_URL that is not a URL refuses, in the settings' words", () => {
    expect(() => loadDatabaseTarget({ DATABASE_URL: 'db1.internal' })).toThrow(/配置错误[\s\S]*DATABASE_URL/);
  });
});
