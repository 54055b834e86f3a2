import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@baotou/config';
import { createTestApi, type TestApi } from '../../../test/support/api';

// Issue 9 §7: an upload over the cap is answered (413), not cut off; each user has a daily quota (moved from tickets/uploads.test.ts, issue 15).
const MAX = 64 * 1024;
const QUOTA_BYTES = 160 * 1024;
const QUOTA_FILES = 5;

let t: TestApi;
let uploadDir: string;
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const png = (size: number, fill = 1) => Buffer.concat([PNG_HEAD, Buffer.alloc(size - PNG_HEAD.length, fill)]);
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const uploadsOf = async (token: string) => {
  const [{ sub }] = [JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())];
  return (await t.query<{ n: number }>('SELECT count(*)::int AS n FROM uploads WHERE owner_id = $1', [Number(sub)]))[0].n;
};

beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-upload-quota-'));
  t = await createTestApi({
    UPLOAD_DIR: uploadDir,
    UPLOAD_MAX_BYTES: String(MAX),
    UPLOAD_QUOTA_BYTES_PER_DAY: String(QUOTA_BYTES),
    UPLOAD_QUOTA_FILES_PER_DAY: String(QUOTA_FILES),
  });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

/** A raw request, so a dropped connection shows as an error instead of being retried or hidden. */
function rawPost(token: string, headers: Record<string, string>, write: (req: http.ClientRequest) => void): Promise<{ status: number; body: any }> {
  const { port } = t.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/uploads', headers: { ...bearer(token), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') }));
    });
    req.on('error', reject);
    write(req);
  });
}

describe('a file over the cap: 413 FILE_TOO_LARGE, answered, nothing stored', () => {
  test('far over the cap with a declared length (it used to drop the connection past 4× the cap)', async () => {
    const token = await t.residentToken('upload-huge');
    const big = png(MAX * 40);
    const res = await rawPost(token, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(big.length) }, (req) => req.end(big));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('FILE_TOO_LARGE');
    expect(await uploadsOf(token)).toBe(0);
  });

  test('far over the cap, streamed without a length (chunked)', async () => {
    const token = await t.residentToken('upload-chunked');
    const res = await rawPost(token, { 'Content-Type': 'application/octet-stream', 'Transfer-Encoding': 'chunked' }, (req) => {
      req.write(PNG_HEAD);
      for (let i = 0; i < 40; i++) req.write(Buffer.alloc(MAX, 1));
      req.end();
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('FILE_TOO_LARGE');
    expect(await uploadsOf(token)).toBe(0);
  });

  test('just over the cap, as multipart', async () => {
    const token = await t.residentToken('upload-over');
    const res = await t.api
      .post('/api/uploads')
      .set(bearer(token))
      .attach('file', png(MAX + 1), 'a.png');
    expect(res.status).toBe(413);
    expect((await t.api.post('/api/uploads').set(bearer(token)).attach('file', png(MAX), 'a.png')).status).toBe(201);
  });
});

describe('each user uploads at most a quota a day (settings), 429 UPLOAD_QUOTA_EXCEEDED past it', () => {
  test('by count: the sixth file of the day is refused; another user is not affected', async () => {
    const a = await t.residentToken('quota-count-a');
    for (let i = 0; i < QUOTA_FILES; i++)
      expect(
        (
          await t.api
            .post('/api/uploads')
            .set(bearer(a))
            .attach('file', png(100, i + 1), 'a.png')
        ).status,
      ).toBe(201);
    const refused = await t.api.post('/api/uploads').set(bearer(a)).attach('file', png(100, 9), 'a.png');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('UPLOAD_QUOTA_EXCEEDED');
    expect(await uploadsOf(a)).toBe(QUOTA_FILES);
    const b = await t.residentToken('quota-count-b');
    expect((await t.api.post('/api/uploads').set(bearer(b)).attach('file', png(100, 9), 'a.png')).status).toBe(201);
  });

  test('by bytes: two 60 KB files fit in 160 KB, a third does not', async () => {
    const a = await t.residentToken('quota-bytes');
    expect(
      (
        await t.api
          .post('/api/uploads')
          .set(bearer(a))
          .attach('file', png(60 * 1024, 1), 'a.png')
      ).status,
    ).toBe(201);
    expect(
      (
        await t.api
          .post('/api/uploads')
          .set(bearer(a))
          .attach('file', png(60 * 1024, 2), 'a.png')
      ).status,
    ).toBe(201);
    const refused = await t.api
      .post('/api/uploads')
      .set(bearer(a))
      .attach('file', png(60 * 1024, 3), 'a.png');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('UPLOAD_QUOTA_EXCEEDED');
    expect(await uploadsOf(a)).toBe(2);
  });

  test('20 uploads in parallel: exactly the quota is stored (the count runs under a per-user lock)', async () => {
    const a = await t.residentToken('quota-race');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.api
          .post('/api/uploads')
          .set(bearer(a))
          .attach('file', png(200, i + 1), 'a.png'),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(QUOTA_FILES);
    expect(results.filter((r) => r.status === 429)).toHaveLength(20 - QUOTA_FILES);
    expect(await uploadsOf(a)).toBe(QUOTA_FILES);
  }, 60000);
});

test('the quota settings: 200 MB and 200 files a day by default; bad values refused at start-up', () => {
  expect(loadConfig({}).uploads.quota).toEqual({ bytesPerDay: 200 * 1024 * 1024, filesPerDay: 200 });
  expect(loadConfig({ UPLOAD_QUOTA_FILES_PER_DAY: '50' }).uploads.quota.filesPerDay).toBe(50);
  for (const bad of ['0', '-1', '1.5', 'many']) expect(() => loadConfig({ UPLOAD_QUOTA_BYTES_PER_DAY: bad })).toThrow(/UPLOAD_QUOTA_BYTES_PER_DAY/);
});
