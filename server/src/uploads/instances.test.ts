import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import request from 'supertest';
import { createApp } from '../app';
import { openDatabase, type Database } from '../db/client';
import { createTestApi, type TestApi } from '../../../test/support/api';

// Issue 15 "More than one server": nothing about an upload lives in one process's memory. Two app
// instances on one database and one storage folder (as two processes behind nginx) serve each
// other's uploads and share one quota.
const QUOTA_FILES = 3;
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const png = (fill: number) => Buffer.concat([PNG_HEAD, Buffer.alloc(500, fill)]);
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

let t: TestApi;
let uploadDir: string;
let second: { database: Database; server: Server; api: ReturnType<typeof request> };

beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-upload-instances-'));
  t = await createTestApi({ UPLOAD_DIR: uploadDir, UPLOAD_QUOTA_FILES_PER_DAY: String(QUOTA_FILES) });
  // The second instance: its own app, pool and listener, on the same database and folder.
  const database = await openDatabase({ databaseUrl: t.databaseUrl, dataDir: '' });
  const app = createApp({ database, config: t.config, log: () => undefined });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  second = { database, server, api: request(server) };
});
afterAll(async () => {
  await new Promise<void>((resolve) => second.server.close(() => resolve()));
  await second.database.close();
  await t.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

test('an upload written through one instance is read through the other, byte for byte', async () => {
  const token = await t.residentToken('two-instances');
  const bytes = png(1);
  const up = await t.api.post('/api/uploads').set(bearer(token)).attach('file', bytes, 'a.png');
  expect(up.status).toBe(201);
  const read = await second.api.get(up.body.url).set(bearer(token)).buffer(true);
  expect(read.status).toBe(200);
  expect(read.headers['content-type']).toBe('image/png');
  expect(Buffer.compare(read.body as Buffer, bytes)).toBe(0);

  // and the other way round
  const back = await second.api.post('/api/uploads').set(bearer(token)).attach('file', png(2), 'b.png');
  expect(back.status).toBe(201);
  const again = await t.api.get(back.body.url).set(bearer(token)).buffer(true);
  expect(Buffer.compare(again.body as Buffer, png(2))).toBe(0);
  // someone else is told it does not exist, by either instance
  const other = await t.residentToken('two-instances-other');
  expect((await second.api.get(up.body.url).set(bearer(other))).status).toBe(404);
});

test('the daily quota counts uploads made through either instance, also when they race', async () => {
  const token = await t.residentToken('two-instances-quota');
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      (i % 2 ? t.api : second.api)
        .post('/api/uploads')
        .set(bearer(token))
        .attach('file', png(10 + i), 'a.png'),
    ),
  );
  expect(results.filter((r) => r.status === 201)).toHaveLength(QUOTA_FILES);
  expect(results.filter((r) => r.status === 429).map((r) => r.body.error.code)).toEqual(Array(20 - QUOTA_FILES).fill('UPLOAD_QUOTA_EXCEEDED'));
}, 60000);

test('a file gone from the shared folder is 404 FILE_GONE on every instance, not a 500', async () => {
  const token = await t.residentToken('two-instances-gone');
  const up = await t.api.post('/api/uploads').set(bearer(token)).attach('file', png(99), 'a.png');
  const [{ p }] = await t.query<{ p: string }>('SELECT path AS p FROM uploads WHERE id = $1', [up.body.id]);
  fs.rmSync(path.join(uploadDir, p));
  for (const api of [t.api, second.api]) {
    const res = await api.get(up.body.url).set(bearer(token));
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 404, code: 'FILE_GONE' });
  }
});
