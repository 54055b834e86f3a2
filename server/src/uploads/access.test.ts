import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApi, type TestApi } from '../../../test/support/api';

// Who reads an upload (uploads/access.ts): its uploader; to anyone without a grant it does not exist.
// The grants through records are tested with their records (tickets, disclosures, ballots, fund
// documents, surveys, assessments, inspections, hazards, credit, filings: see docs/API.md "Uploads").
let t: TestApi;
let uploadDir: string;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 3)]);

beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-upload-access-'));
  t = await createTestApi({ UPLOAD_DIR: uploadDir });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

test('the uploader reads it with safe headers; a PDF comes as an attachment, a photo inline', async () => {
  const token = await t.residentToken('access-owner');
  const pdf = await t.api.post('/api/uploads').set(bearer(token)).attach('file', PDF, '合同.pdf');
  const read = await t.api.get(pdf.body.url).set(bearer(token)).buffer(true);
  expect(read.status).toBe(200);
  expect(read.headers).toMatchObject({
    'content-type': 'application/pdf',
    'x-content-type-options': 'nosniff',
    vary: 'Authorization',
    'content-disposition': `attachment; filename="upload-${pdf.body.id}.pdf"`,
  });
  expect(Buffer.compare(read.body as Buffer, PDF)).toBe(0);
  const jpeg = await t.api.post('/api/uploads').set(bearer(token)).attach('file', JPEG, 'a.jpg');
  expect((await t.api.get(jpeg.body.url).set(bearer(token))).headers['content-disposition']).toBe(`inline; filename="upload-${jpeg.body.id}"`);
});

test('another resident and staff without a record granting it: 404, the same answer as a missing id', async () => {
  const owner = await t.residentToken('access-owner-2');
  const up = await t.api.post('/api/uploads').set(bearer(owner)).attach('file', JPEG, 'a.jpg');
  for (const token of [await t.residentToken('access-stranger'), await t.login('city'), await t.login('company')]) {
    const res = await t.api.get(up.body.url).set(bearer(token));
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
  }
  expect((await t.api.get(up.body.url)).status).toBe(401);
});

test.each(['0', '-1', 'abc', '1e3', '2147483648', '99999999999999999999', '7.5'])('a malformed or impossible id (%s): 404, never a 500', async (id) => {
  const token = await t.residentToken('access-ids');
  expect((await t.api.get(`/api/uploads/${id}`).set(bearer(token))).status).toBe(404);
});
