import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { definePeriodicJobs } from '../jobs/periodic';
import { enqueueJob } from '../jobs/queue';
import { createNotificationDispatcher } from '../notifications/dispatcher';
import { createTicketNotifier } from '../tickets/notify';
import { uploads } from '../db/schema';
import { lockStorageKey, removeOrphanUploads } from './orphans';
import { folderStorage } from './storage';

// Issue 15: bytes stored by an upload whose row never committed are removed once older than
// UPLOAD_ORPHAN_HOURS; a referenced file, or a young one (its row may be on its way), stays.
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const png = (fill: number) => Buffer.concat([PNG_HEAD, Buffer.alloc(300, fill)]);
const keyOf = (b: Buffer) => {
  const sha = createHash('sha256').update(b).digest('hex');
  return `${sha.slice(0, 2)}/${sha}`;
};
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const HOUR = 3600_000;

let t: TestApi;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-upload-orphans-'));
  t = await createTestApi({ UPLOAD_DIR: dir, UPLOAD_ORPHAN_HOURS: '24', JOBS_POLL_INTERVAL_SECONDS: '0.5' });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Sets a stored file's modification time `hours` back from now. */
const age = (key: string, hours: number) => {
  const when = new Date(Date.now() - hours * HOUR);
  fs.utimesSync(path.join(dir, ...key.split('/')), when, when);
};

test('an orphan older than the bound goes; a referenced old file and a young orphan stay', async () => {
  const storage = folderStorage(dir);
  const token = await t.residentToken('orphans-a');
  const referenced = png(1);
  expect((await t.api.post('/api/uploads').set(bearer(token)).attach('file', referenced, 'a.png')).status).toBe(201);
  const oldOrphan = png(2);
  const youngOrphan = png(3);
  await storage.put(keyOf(oldOrphan), oldOrphan);
  await storage.put(keyOf(youngOrphan), youngOrphan);
  age(keyOf(referenced), 48);
  age(keyOf(oldOrphan), 25);
  age(keyOf(youngOrphan), 23);

  expect(await removeOrphanUploads(t.database.db, t.config, storage)).toEqual([keyOf(oldOrphan)]);
  expect(await storage.exists(keyOf(oldOrphan))).toBe(false);
  expect(await storage.exists(keyOf(referenced))).toBe(true);
  expect(await storage.exists(keyOf(youngOrphan))).toBe(true);
  // run again: nothing more to remove
  expect(await removeOrphanUploads(t.database.db, t.config, storage)).toEqual([]);
  // a day later the young orphan is old enough
  expect(await removeOrphanUploads(t.database.db, t.config, storage, new Date(Date.now() + 2 * HOUR))).toEqual([keyOf(youngOrphan)]);
});

test('the periodic job uploads.cleanup removes an old orphan', async () => {
  const storage = folderStorage(dir);
  const orphan = png(4);
  await storage.put(keyOf(orphan), orphan);
  age(keyOf(orphan), 30);
  const dispatcher = createNotificationDispatcher(t.database.db, t.config);
  definePeriodicJobs(t.database.db, t.config, { dispatcher, notifier: createTicketNotifier(t.config, dispatcher) });
  await enqueueJob('uploads.cleanup', {}, null);
  for (let i = 0; i < 120 && (await storage.exists(keyOf(orphan))); i++) await new Promise((r) => setTimeout(r, 250));
  expect(await storage.exists(keyOf(orphan))).toBe(false);
});

/** Opens a transaction holding the key's lock (as the upload route does while it writes a row); `release(work)` runs work in it and commits. */
function holdKey(key: string) {
  let release!: (work: (tx: Parameters<Parameters<typeof t.database.db.transaction>[0]>[0]) => Promise<void>) => void;
  let locked!: () => void;
  const ready = new Promise<void>((r) => (locked = r));
  const done = t.database.db.transaction(async (tx) => {
    await lockStorageKey(tx, key);
    locked();
    const work = await new Promise<Parameters<typeof release>[0]>((r) => (release = r));
    await work(tx);
  });
  return { ready, release: (work: Parameters<typeof release>[0]) => (release(work), done) };
}

test("the sweep waits for a row being written under the key's lock, then keeps the bytes it uses", async () => {
  const storage = folderStorage(dir);
  const bytes = png(5);
  const key = keyOf(bytes);
  await storage.put(key, bytes);
  age(key, 30); // an old orphan whose content is being uploaded again (put() reuses the bytes)
  const [owner] = await t.query<{ id: number }>('SELECT id FROM users ORDER BY id LIMIT 1');
  const upload = holdKey(key);
  await upload.ready;
  const sweep = removeOrphanUploads(t.database.db, t.config, storage);
  await new Promise((r) => setTimeout(r, 300));
  await upload.release(async (tx) => {
    await tx.insert(uploads).values({ ownerId: owner.id, sha256: key.split('/')[1], mime: 'image/png', size: bytes.length, path: key });
  });
  expect(await sweep).toEqual([]);
  expect(await storage.exists(key)).toBe(true);
});

test('an upload waits while the sweep holds its key', async () => {
  const token = await t.residentToken('orphans-wait');
  const bytes = png(6);
  const sweep = holdKey(keyOf(bytes));
  await sweep.ready;
  let answered = false;
  const up = t.api
    .post('/api/uploads')
    .set(bearer(token))
    .attach('file', bytes, 'w.png')
    .then((r) => ((answered = true), r));
  await new Promise((r) => setTimeout(r, 500));
  expect(answered).toBe(false);
  await sweep.release(async () => undefined);
  expect((await up).status).toBe(201);
  expect(await folderStorage(dir).exists(keyOf(bytes))).toBe(true);
});
