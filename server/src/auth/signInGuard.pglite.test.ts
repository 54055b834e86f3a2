import fs from 'node:fs';
import request from 'supertest';
import { createApp } from '../app';
import { migrateDatabase, openDatabase, type Database } from '../db/client';
import { users } from '../db/schema';
import { hashPassword } from './password';
import { pgliteDataDir } from '../../../test/support/pglite';
import { testConfig } from '../../../test/support/testConfig';

// Issue 17 on the embedded database (`npm start`): the sign-in limiter keeps its counts in the same
// PGlite database through signInGuard's small adapter, with the same answers as on PostgreSQL.
let dir: string;
let database: Database;
beforeAll(async () => {
  dir = await pgliteDataDir('migrated');
  database = await openDatabase({ dataDir: dir });
  await migrateDatabase(database);
  await database.db
    .insert(users)
    .values({ username: 'lite_staff', name: '嵌入式', role: 'city_admin', regionCode: '150200', passwordHash: await hashPassword('Lite-pass-2024') });
}, 120_000);
afterAll(async () => {
  await database?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('PGlite: 20 parallel wrong attempts → exactly 10 tried, then locked (423) even for the right password; counts survive a new app', async () => {
  const api = request(createApp({ database, config: testConfig(), log: () => undefined }).callback());
  const rs = await Promise.all(Array.from({ length: 20 }, (_, i) => api.post('/api/auth/login').send({ username: 'lite_staff', password: `wrong-${i}` })));
  expect(rs.filter((r) => r.status === 401)).toHaveLength(10);
  expect(rs.filter((r) => r.status === 423)).toHaveLength(10);
  const again = request(createApp({ database, config: testConfig(), log: () => undefined }).callback());
  const right = await again.post('/api/auth/login').send({ username: 'lite_staff', password: 'Lite-pass-2024' });
  expect(right.status).toBe(423);
  expect(right.body.error.code).toBe('ACCOUNT_LOCKED');
}, 60_000);
