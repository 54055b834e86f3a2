import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { assertStorageKey, folderStorage } from './storage';

// Issue 15: uploads' bytes behind one interface; the folder is the default store.
let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-storage-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const read = async (s: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

test('put, exists, get, delete by key; a second store on the same folder sees the same keys', async () => {
  const a = folderStorage(dir);
  const b = folderStorage(dir);
  expect(await a.exists('ab/abc')).toBe(false);
  expect(await a.get('ab/abc')).toBeUndefined();
  await a.put('ab/abc', Buffer.from('hello'));
  expect(await b.exists('ab/abc')).toBe(true);
  expect((await read((await b.get('ab/abc'))!)).toString()).toBe('hello');
  await a.put('ab/abc', Buffer.from('hello')); // the same content again: nothing changes
  await b.delete('ab/abc');
  expect(await a.exists('ab/abc')).toBe(false);
  await b.delete('ab/abc'); // deleting nothing is fine
  expect(fs.readdirSync(path.join(dir, 'ab'))).toEqual([]); // no temporary files left behind
});

test('20 parallel writes of one key leave one whole file', async () => {
  const s = folderStorage(dir);
  const bytes = Buffer.alloc(256 * 1024, 7);
  await Promise.all(Array.from({ length: 20 }, () => s.put('cd/same', bytes)));
  expect(fs.readdirSync(path.join(dir, 'cd'))).toEqual(['same']);
  expect(Buffer.compare(await read((await s.get('cd/same'))!), bytes)).toBe(0);
});

test.each(['../x', 'a/../../x', '/etc/passwd', 'a\\b', 'a//b', '', 'a/./b', 'a\u0000b'])('a key that could leave the store throws: %j', async (key) => {
  expect(() => assertStorageKey(key)).toThrow(/bad storage key/);
  await expect(folderStorage(dir).put(key, Buffer.from('x'))).rejects.toThrow(/bad storage key/);
});
