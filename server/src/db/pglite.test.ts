import fs from 'node:fs';
import request from 'supertest';
import { createApp } from '../app';
import { migrateDatabase, openDatabase } from './client';
import { seedDemoIfEmpty } from '../seed/demo';
import { pgliteDataDir } from '../../../test/support/pglite';
import { testConfig } from '../../../test/support/testConfig';

// The zero-set-up path of `npm start`: embedded PGlite in a data folder, migrated and seeded.
test('PGlite: migrates, seeds the demo city once, and serves the API', async () => {
  const dir = await pgliteDataDir('initialised');
  const config = testConfig();
  const database = await openDatabase({ dataDir: dir });
  try {
    await migrateDatabase(database);
    const opts = { demoPassword: config.demoPassword, encryptionKey: config.encryptionKey, highTechZoneCode: config.highTechZoneCode };
    const seeded = await seedDemoIfEmpty(database.db, opts);
    expect(seeded!.compounds).toBeGreaterThanOrEqual(50);
    expect(seeded!.households).toBeGreaterThanOrEqual(5000);
    expect(await seedDemoIfEmpty(database.db, opts)).toBeNull();
    const api = request(createApp({ database, config }).callback());
    expect((await api.get('/api/health')).body).toEqual({ status: 'ok', database: 'pglite' });
    const login = await api.post('/api/auth/login').send({ username: 'city', password: config.demoPassword });
    const list = await api.get('/api/compounds').set('Authorization', `Bearer ${login.body.token}`);
    expect(list.headers['content-range']).toMatch(/^compounds 0-24\/\d+$/);
    for (const resource of ['compounds', 'projects', 'households']) {
      const [first] = (await api.get(`/api/${resource}`).set('Authorization', `Bearer ${login.body.token}`)).body;
      const one = await api.get(`/api/${resource}/${first.id}`).set('Authorization', `Bearer ${login.body.token}`);
      expect(one.body).toEqual(first);
    }
    // Database errors map the same on both drivers: a referenced row is a 409, not a 500.
    const auth = { Authorization: `Bearer ${login.body.token}` };
    const [project] = (await api.get('/api/projects').set(auth)).body;
    const refused = await api.delete(`/api/companies/${project.companyId}`).set(auth);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('REFERENCED');
    expect((await api.get(`/api/companies/${project.companyId}`).set(auth)).status).toBe(200);
    const [building] = (await api.get('/api/buildings').set(auth)).body;
    const alsoRefused = await api.delete(`/api/buildings/${building.id}`).set(auth);
    expect(alsoRefused.status).toBe(409);
    expect(alsoRefused.body.error.code).toBe('REFERENCED');
    // A live vote's result is read through a named prepared statement: PGlite runs it too.
    const [open] = (await api.get(`/api/votes?filter=${encodeURIComponent(JSON.stringify({ status: 'open' }))}`).set(auth)).body;
    const result = await api.get(`/api/votes/${open.id}/result`).set(auth);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ voteId: open.id, status: 'open' });
    expect(result.body.participatedOwners).toBeGreaterThan(0);
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 240000);
