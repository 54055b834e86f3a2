import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createTestApi, type TestApi } from '../../../test/support/api';

// Issue 15 "One set of rules": busboy reads uploads. Every refusal is an answer (4xx, never a 500 or a
// dropped connection) and changes nothing: no row, no audit entry, no file in the folder.
const MAX = 64 * 1024;
const BOUNDARY = '----btUploadBoundary7MA4YWxkTrZu0gW';
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const png = (size: number, fill = 1) => Buffer.concat([PNG_HEAD, Buffer.alloc(size - PNG_HEAD.length, fill)]);

let t: TestApi;
let uploadDir: string;
let token: string;

beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-upload-refusals-'));
  t = await createTestApi({ UPLOAD_DIR: uploadDir, UPLOAD_MAX_BYTES: String(MAX) });
  token = await t.residentToken('upload-refusals');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

/** A file part as a client writes it; `disposition` lets a test send a name no browser would. */
const part = (bytes: Buffer, disposition = 'form-data; name="file"; filename="a.png"', type = 'image/png') =>
  Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${type}\r\n\r\n`, 'latin1'), bytes, Buffer.from('\r\n')]);
const end = Buffer.from(`--${BOUNDARY}--\r\n`);
const multipart = (...parts: Buffer[]) => Buffer.concat([...parts, end]);

/** Posts raw bytes (chunked when `chunked`, so only the parser can tell the size). */
function post(body: Buffer, opts: { contentType?: string; chunked?: boolean } = {}): Promise<{ status: number; body: any }> {
  const { port } = t.server.address() as AddressInfo;
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, 'Content-Type': opts.contentType ?? `multipart/form-data; boundary=${BOUNDARY}` };
  if (opts.chunked) headers['Transfer-Encoding'] = 'chunked';
  else headers['Content-Length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/uploads', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') }));
    });
    req.on('error', reject);
    if (opts.chunked) {
      for (let i = 0; i < body.length; i += 16 * 1024) req.write(body.subarray(i, i + 16 * 1024));
      req.end();
    } else req.end(body);
  });
}

const filesIn = (dir: string): number =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? filesIn(path.join(dir, e.name)) : 1), 0) : 0;
async function state() {
  const [{ rows }] = await t.query<{ rows: number }>('SELECT count(*)::int AS rows FROM uploads');
  const [{ audits }] = await t.query<{ audits: number }>(`SELECT count(*)::int AS audits FROM audit_logs WHERE entity = 'uploads'`);
  return { rows, audits, files: filesIn(uploadDir) };
}

/** Sends the request and expects the refusal, with nothing stored. */
async function refused(body: Buffer, status: number, code: string, opts?: { contentType?: string; chunked?: boolean }) {
  const before = await state();
  const res = await post(body, opts);
  expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
  expect(await state()).toEqual(before);
  return res;
}

test('the well-formed request these refusals vary is accepted (so each refusal below is about its one fault)', async () => {
  const before = await state();
  const res = await post(multipart(part(png(1000))));
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ mime: 'image/png', size: 1000, url: `/api/uploads/${res.body.id}` });
  expect(await state()).toEqual({ rows: before.rows + 1, audits: before.audits + 1, files: before.files + 1 });
});

test('too large, streamed without a length: 413 FILE_TOO_LARGE from the parser', async () => {
  await refused(multipart(part(png(MAX + 1, 2))), 413, 'FILE_TOO_LARGE', { chunked: true });
});

test('too large, declared: 413 FILE_TOO_LARGE before reading the body', async () => {
  await refused(multipart(part(png(MAX * 3, 3))), 413, 'FILE_TOO_LARGE');
});

test('two files in one request: 400 TOO_MANY_FILES', async () => {
  const res = await refused(multipart(part(png(100, 4)), part(png(100, 5), 'form-data; name="file"; filename="b.png"')), 400, 'TOO_MANY_FILES');
  expect(res.body.error.fields.file).toBe('每次只能上传一个文件');
});

test.each([
  ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
  ['HTML named .png', Buffer.from('<html><script>alert(1)</script></html>')],
  ['an executable', Buffer.from('MZ\x90\x00this is not a picture', 'latin1')],
  ['a PNG cut to 4 bytes', PNG_HEAD.subarray(0, 4)],
])('wrong type by its magic bytes (%s): 400 UNSUPPORTED_FILE_TYPE', async (_, bytes) => {
  await refused(multipart(part(bytes)), 400, 'UNSUPPORTED_FILE_TYPE');
});

test.each([
  ['a control character', 'form-data; name="file"; filename*=utf-8\'\'a%01b.png', '文件名含有不允许的控制字符'],
  ['a line feed', 'form-data; name="file"; filename*=utf-8\'\'a%0Ab.png', '文件名含有不允许的控制字符'],
  ['a path (slash)', 'form-data; name="file"; filename="../../etc/a.png"', '文件名不能包含路径分隔符'],
  ['a path (backslash)', 'form-data; name="file"; filename="C:\\\\photos\\\\a.png"', '文件名不能包含路径分隔符'],
  ['an encoded path', 'form-data; name="file"; filename*=utf-8\'\'..%2Fa.png', '文件名不能包含路径分隔符'],
])('a file name with %s: 400 BAD_FILE_NAME on the field', async (_, disposition, message) => {
  const res = await refused(multipart(part(png(200, 6), disposition)), 400, 'BAD_FILE_NAME');
  expect(res.body.error.fields.file).toBe(message);
});

test('a raw control character in the part header: 400 BAD_MULTIPART (the header itself is malformed)', async () => {
  await refused(multipart(part(png(200, 10), 'form-data; name="file"; filename="a\x01b.png"')), 400, 'BAD_MULTIPART');
});

test('a Chinese file name is fine', async () => {
  expect((await post(multipart(part(png(300, 7), 'form-data; name="file"; filename*=utf-8\'\'%E7%85%A7%E7%89%87.png')))).status).toBe(201);
});

test('a body cut short (no closing boundary): 400 BAD_MULTIPART, not a 500', async () => {
  const whole = multipart(part(png(5000, 8)));
  await refused(whole.subarray(0, 3000), 400, 'BAD_MULTIPART');
});

test('multipart without a boundary, or with a malformed part header: 400 BAD_MULTIPART', async () => {
  await refused(multipart(part(png(200, 9))), 400, 'BAD_MULTIPART', { contentType: 'multipart/form-data' });
  const garbage = Buffer.from(`--${BOUNDARY}\r\nthis is no header at all\r\n`);
  const res = await post(garbage);
  expect(res.status).toBe(400);
});

test('a form with no file, or an empty file: 400 FILE_MISSING', async () => {
  const field = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n`);
  await refused(multipart(field), 400, 'FILE_MISSING');
  await refused(multipart(part(Buffer.alloc(0))), 400, 'FILE_MISSING');
});
