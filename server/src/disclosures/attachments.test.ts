import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { committeeMemberHome, residentWithHome } from '../../../test/support/residents';

/**
 * Who may download an upload referenced by a disclosure's attachments or a paper ballot's scan
 * (uploads/access.ts), and that a disclosure or ballot references only its author's uploads.
 * Real PostgreSQL; BT0001's committee, its street 沼潭街道 (`street`, `community`), BT0002 elsewhere.
 */
let t: TestApi;
let uploadDir: string;
let a: { id: number };
let member: string;
let member2: string;
let residentA: string;
let residentB: string;
let unbound: string;
let ownerHomeA: number;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]);
const inAWeek = () => new Date(Date.now() + 7 * 86400000).toISOString();
const count = async (table: 'disclosures' | 'ballots') => (await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
const scanViews = async () =>
  (await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'ballots' AND action = 'view_personal'`))[0].n;

async function upload(token: string, body: Buffer, name: string): Promise<{ id: number; url: string }> {
  const res = await t.api.post('/api/uploads').set(bearer(token)).attach('file', body, name);
  expect(res.status).toBe(201);
  return res.body;
}
// No .buffer(true): superagent then hands application/pdf over as a Buffer, not as text.
const download = (token: string, url: string) => t.api.get(url).set(bearer(token));

async function draft(token: string, body: Record<string, unknown>) {
  return t.api
    .post('/api/disclosures')
    .set(bearer(token))
    .send({ compoundId: a.id, kind: 'decision', title: '关于更换小区门禁系统的决定', body: '经全体委员过半数同意。', ...body });
}

beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-attachments-'));
  t = await createTestApi({ UPLOAD_DIR: uploadDir });
  [a] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE code = 'BT0001'`);
  const [b] = await t.query<{ id: number }>(`SELECT id FROM compounds WHERE code = 'BT0002'`);
  const memberHome = await committeeMemberHome(t, 'BT0001');
  member = await residentWithHome(t, 'att-member', memberHome);
  // A second member of the same committee (another owner on it).
  const [second] = await t.query<{ id: number }>(
    `SELECT h.id FROM households h
       JOIN committee_members m ON m.owner_id = h.owner_id AND m.compound_id = h.compound_id
       JOIN committees k ON k.id = m.committee_id AND k.status = 'in_office'
      WHERE h.compound_id = $1 AND h.owner_id <> (SELECT owner_id FROM households WHERE id = $2) ORDER BY h.id LIMIT 1`,
    [a.id, memberHome],
  );
  member2 = await residentWithHome(t, 'att-member-2', second.id);
  // An owner of BT0001 who sits on no committee, and one of BT0002.
  [{ id: ownerHomeA }] = await t.query<{ id: number }>(
    `SELECT h.id FROM households h WHERE h.compound_id = $1 AND h.owner_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM committee_members m WHERE m.owner_id = h.owner_id AND m.compound_id = h.compound_id)
      ORDER BY h.id DESC LIMIT 1`,
    [a.id],
  );
  residentA = await residentWithHome(t, 'att-resident-a', ownerHomeA);
  const [homeB] = await t.query<{ id: number }>('SELECT id FROM households WHERE compound_id = $1 AND owner_id IS NOT NULL ORDER BY id DESC LIMIT 1', [b.id]);
  residentB = await residentWithHome(t, 'att-resident-b', homeB.id);
  unbound = await t.residentToken('att-unbound');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

describe('a disclosure attachment is read by whoever may read the disclosure', () => {
  test("a draft keeps it with its uploader; published, the compound's residents and staff in jurisdiction read it; no one else", async () => {
    const pdf = await upload(member, PDF, '决议.pdf');
    const created = await draft(member, { attachments: [{ name: '决议原件.pdf', url: pdf.url }] });
    expect(created.status).toBe(201);
    expect(created.body.attachments).toEqual([{ name: '决议原件.pdf', url: `/api/uploads/${pdf.id}` }]);

    // A draft: only its uploader.
    expect((await download(member, pdf.url)).status).toBe(200);
    for (const who of [residentA, member2, await t.login('street')]) expect((await download(who, pdf.url)).status).toBe(404);

    expect((await t.api.post(`/api/disclosures/${created.body.id}/publish`).set(bearer(member))).status).toBe(200);

    const resident = await download(residentA, pdf.url);
    expect(resident.status).toBe(200);
    expect(resident.headers['content-type']).toBe('application/pdf');
    // Cached per account: a shared browser must not serve one account's copy to another.
    expect(resident.headers.vary).toBe('Authorization');
    expect(Buffer.compare(resident.body as Buffer, PDF)).toBe(0);
    for (const who of [member2, await t.login('street'), await t.login('community'), await t.login('city')]) {
      expect((await download(who, pdf.url)).status).toBe(200);
    }

    // A resident of another compound, staff elsewhere, company staff, a resident with no verified home:
    // the same 404 as for a file that does not exist, nothing of the file in it.
    const missing = await download(residentB, '/api/uploads/2147483000');
    expect(missing.status).toBe(404);
    for (const who of [residentB, await t.login('d150202'), await t.login('company'), unbound]) {
      const res = await download(who, pdf.url);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(missing.body);
      expect(res.headers['content-type']).not.toBe('application/pdf');
      expect(JSON.stringify(res.body)).not.toContain('PDF');
    }
  });

  test('a revoked decision stays readable, and so does its attachment', async () => {
    const pdf = await upload(member, Buffer.concat([PDF, Buffer.from('% revoked\n')]), 'r.pdf');
    const created = await draft(member, { title: '关于停车收费的决定', attachments: [{ name: '收费标准.pdf', url: pdf.url }] });
    await t.api.post(`/api/disclosures/${created.body.id}/publish`).set(bearer(member));
    const revoke = await t.api
      .post(`/api/disclosures/${created.body.id}/revoke`)
      .set(bearer(await t.login('street')))
      .send({ reason: '超越职权' });
    expect(revoke.status).toBe(201);
    expect((await download(residentA, pdf.url)).status).toBe(200);
    expect((await download(residentB, pdf.url)).status).toBe(404);
  });

  test('/api/uploads/007 is stored as /api/uploads/7, so the file is found by its readers', async () => {
    const pdf = await upload(member, Buffer.concat([PDF, Buffer.from('% zeros\n')]), 'z.pdf');
    const created = await draft(member, { attachments: [{ name: '纪要.pdf', url: `/api/uploads/000${pdf.id}` }] });
    expect(created.status).toBe(201);
    expect(created.body.attachments[0].url).toBe(`/api/uploads/${pdf.id}`);
    await t.api.post(`/api/disclosures/${created.body.id}/publish`).set(bearer(member));
    expect((await download(residentA, pdf.url)).status).toBe(200);
  });
});

describe('a disclosure may reference only uploads its author uploaded', () => {
  test.each([
    ["another resident's upload", async () => (await upload(residentA, JPEG, 'mine.jpg')).url],
    ['an upload that does not exist', async () => '/api/uploads/2147483000'],
  ])('%s → 400 BAD_UPLOAD, nothing stored', async (_label, url) => {
    const before = await count('disclosures');
    const res = await draft(member, { attachments: [{ name: '照片', url: await url() }] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_UPLOAD');
    expect(res.body.error.message).toBe('附件无效：只能使用本人上传的文件');
    expect(res.body.error.fields).toHaveProperty(['attachments.0.url']);
    expect(await count('disclosures')).toBe(before);
  });

  // The one upload reference schema (shared/src/uploads/schemas.ts) knows no id has 11 digits.
  test('an id past the integer range → 400 on the field, nothing stored', async () => {
    const before = await count('disclosures');
    const res = await draft(member, { attachments: [{ name: '照片', url: '/api/uploads/99999999999' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toMatchObject({ 'attachments.0.url': '附件地址无效' });
    expect(await count('disclosures')).toBe(before);
  });

  test("editing a draft: someone else's upload is refused, the draft unchanged", async () => {
    const own = await upload(member, Buffer.concat([PDF, Buffer.from('% own\n')]), 'own.pdf');
    const created = await draft(member, { attachments: [{ name: '原件.pdf', url: own.url }] });
    const theirs = await upload(residentA, Buffer.concat([JPEG, Buffer.from([1])]), 'theirs.jpg');
    const body = {
      compoundId: a.id,
      kind: 'decision',
      title: '改',
      body: '改',
      attachments: [
        { name: '原件.pdf', url: own.url },
        { name: '照片', url: theirs.url },
      ],
    };
    const put = await t.api.put(`/api/disclosures/${created.body.id}`).set(bearer(member)).send(body);
    expect(put.status).toBe(400);
    expect(put.body.error).toMatchObject({ code: 'BAD_UPLOAD', fields: { 'attachments.1.url': '只能使用本人上传的文件' } });
    const [row] = await t.query<{ title: string; attachments: unknown }>('SELECT title, attachments FROM disclosures WHERE id = $1', [created.body.id]);
    expect(row).toEqual({ title: '关于更换小区门禁系统的决定', attachments: [{ name: '原件.pdf', url: own.url }] });
    // Another member may edit the committee's draft and keep the attachment already on it.
    const keep = await t.api
      .put(`/api/disclosures/${created.body.id}`)
      .set(bearer(member2))
      .send({ ...body, attachments: [{ name: '原件.pdf', url: own.url }] });
    expect(keep.status).toBe(200);
  });

  test("a correction by another member keeps the corrected version's attachments and adds their own; not a third person's", async () => {
    const own = await upload(member, Buffer.concat([PDF, Buffer.from('% v1\n')]), 'v1.pdf');
    const created = await draft(member, { title: '关于公共收益使用的决定', attachments: [{ name: '第一版.pdf', url: own.url }] });
    await t.api.post(`/api/disclosures/${created.body.id}/publish`).set(bearer(member));
    const added = await upload(member2, Buffer.concat([PDF, Buffer.from('% v2\n')]), 'v2.pdf');
    const stranger = await upload(residentA, Buffer.concat([JPEG, Buffer.from([2])]), 's.jpg');
    const correction = (attachments: unknown[]) =>
      t.api
        .post(`/api/disclosures/${created.body.id}/correct`)
        .set(bearer(member2))
        .send({ compoundId: a.id, kind: 'decision', title: '关于公共收益使用的决定（更正）', body: '更正。', attachments });
    const refused = await correction([
      { name: '第一版.pdf', url: own.url },
      { name: '照片', url: stranger.url },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('BAD_UPLOAD');
    const ok = await correction([
      { name: '第一版.pdf', url: own.url },
      { name: '第二版.pdf', url: added.url },
    ]);
    expect(ok.status).toBe(201);
    expect(ok.body.attachments).toHaveLength(2);
    expect((await download(residentA, added.url)).status).toBe(200);
  });

  test('an outside https link is not an upload: allowed on a disclosure', async () => {
    const res = await draft(member, { attachments: [{ name: '民法典', url: 'https://www.gov.cn/xinwen/2020-06/01/content_5516649.htm' }] });
    expect(res.status).toBe(201);
  });
});

describe("a paper ballot's scan: the committee and staff in jurisdiction, never other residents", () => {
  let voteId: number;
  beforeAll(async () => {
    const res = await t.api
      .post('/api/votes')
      .set(bearer(member))
      .send({ compoundId: a.id, title: '关于更换物业服务企业的表决', matter: 'hire_dismiss_company', closesAt: inAWeek(), status: 'open' });
    expect(res.status).toBe(201);
    voteId = res.body.id;
  });
  const enter = (token: string, body: Record<string, unknown>) =>
    t.api
      .post(`/api/votes/${voteId}/ballots`)
      .set(bearer(token))
      .send({ householdId: ownerHomeA, choice: 'agree', channel: 'paper', ...body });

  test('served to its enterer, fellow members and street/community staff (each view audited); 404 to everyone else', async () => {
    const scan = await upload(member, JPEG, 'ballot.jpg');
    const res = await enter(member, { scanUrl: scan.url });
    expect(res.status).toBe(201);
    expect(res.body.receipt).toMatch(/^[A-Z2-9]{10}$/);
    const [stored] = await t.query<{ scan_url: string; channel: string }>('SELECT scan_url, channel FROM ballots WHERE vote_id = $1 AND current', [voteId]);
    expect(stored).toEqual({ scan_url: scan.url, channel: 'paper' });

    const views = await scanViews();
    const own = await download(member, scan.url);
    expect(own.status).toBe(200);
    expect(Buffer.compare(own.body as Buffer, JPEG)).toBe(0);
    expect(await scanViews()).toBe(views); // the uploader's own view is not a disclosure of anything

    for (const who of [member2, await t.login('street'), await t.login('community'), await t.login('city')]) {
      expect((await download(who, scan.url)).status).toBe(200);
    }
    expect(await scanViews()).toBe(views + 4);
    const [audit] = await t.query<{ entity_id: string; after: { uploadId: number } }>(
      `SELECT entity_id, after FROM audit_logs WHERE entity = 'ballots' AND action = 'view_personal' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.after.uploadId).toBe(scan.id);

    // The owner of the home (a resident who sits on no committee), other compounds, staff elsewhere,
    // party-building staff, company staff: 404, and no view recorded.
    const missing = await download(residentB, '/api/uploads/2147483000');
    for (const who of [residentA, residentB, unbound, await t.login('d150202'), await t.login('party'), await t.login('company')]) {
      const r = await download(who, scan.url);
      expect(r.status).toBe(404);
      expect(r.body).toEqual(missing.body);
    }
    expect(await scanViews()).toBe(views + 4);
  });

  test.each([
    ["another resident's upload", async () => (await upload(residentA, Buffer.concat([JPEG, Buffer.from([3])]), 'x.jpg')).url],
    ['an upload that does not exist', async () => '/api/uploads/2147483000'],
    ['an outside link', async () => 'https://example.com/scan.jpg'],
  ])('a scan that is %s → 400 BAD_UPLOAD, no ballot recorded', async (_label, url) => {
    const before = await count('ballots');
    const res = await enter(member, { scanUrl: await url() });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_UPLOAD', message: '扫描件无效：只能使用本人上传的文件' });
    expect(res.body.error.fields).toHaveProperty('scanUrl');
    expect(await count('ballots')).toBe(before);
  });

  test('a door-to-door ballot is entered with its scan too (issue 9 §5); both count in the tally', async () => {
    const [other] = await t.query<{ id: number }>(
      'SELECT id FROM households WHERE compound_id = $1 AND owner_id IS NOT NULL AND owner_id <> (SELECT owner_id FROM households WHERE id = $2) ORDER BY id LIMIT 1',
      [a.id, ownerHomeA],
    );
    const door = await t.api
      .post(`/api/votes/${voteId}/ballots`)
      .set(bearer(member2))
      .send({
        householdId: other.id,
        choice: 'disagree',
        channel: 'door',
        scanUrl: (await upload(member2, Buffer.concat([JPEG, Buffer.from([9])]), 'door.jpg')).url,
      });
    expect(door.status).toBe(201);
    // staff see live totals; residents only from VOTE_BUILDING_RESULT_MIN_BALLOTS ballots (issue 9 §9)
    const result = await t.api.get(`/api/votes/${voteId}/result`).set(bearer(await t.login('street')));
    expect(result.body).toMatchObject({ agreeOwners: 1, disagreeOwners: 1 });
  });
});
