import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS, type ServerExportResource } from '@baotou/shared';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { residentWithHome } from '../../../test/support/residents';

// Issue 15: server-side .xlsx exports — every row of the list's filter, the same columns and
// masking as the list, only the actor's jurisdiction; big ones as a job with a download link.
let t: TestApi;
const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-exports-'));
const PURPOSE = JSON.stringify({ kind: 'statistics', detail: '年度统计核对' });

beforeAll(async () => {
  t = await createTestApi({ EXPORT_JOB_THRESHOLD_ROWS: '3000', EXPORT_DIR: exportDir, JOBS_POLL_INTERVAL_SECONDS: '0.5', JOBS_RETRY_DELAY_SECONDS: '0' });
  // The demo has no home bindings: three residents bind theirs (the claims list has rows).
  const homes = await t.query<{ id: number }>('SELECT id FROM households WHERE owner_id IS NOT NULL ORDER BY id LIMIT 3');
  for (const [i, h] of homes.entries()) await residentWithHome(t, `export-claimant-${i}`, h.id);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(exportDir, { recursive: true, force: true });
});

function binary(
  res: NodeJS.ReadableStream & { setEncoding(e: string): void; on(e: string, cb: (c?: any) => void): void },
  cb: (err: Error | null, body: Buffer) => void,
) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

async function readSheet(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  const width = ws.getRow(1).cellCount;
  ws.eachRow((row) =>
    rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return rows;
}

async function listAll(token: string, resource: string, filter: object, sort: [string, string]) {
  const res = await t.api
    .get(`/api/${resource}`)
    .query({ filter: JSON.stringify(filter), sort: JSON.stringify(sort), range: JSON.stringify([0, 24]) })
    .set('Authorization', `Bearer ${token}`);
  expect(res.status).toBe(200);
  const total = Number(/\/(\d+)$/.exec(res.headers['content-range'])![1]);
  return { rows: res.body as Record<string, unknown>[], total };
}

async function exportXlsx(token: string, resource: string, filter: object, sort: [string, string]) {
  return t.api
    .get(`/api/${resource}.xlsx`)
    .query({ filter: JSON.stringify(filter), sort: JSON.stringify(sort), purpose: PURPOSE })
    .set('Authorization', `Bearer ${token}`)
    .buffer(true)
    .parse(binary as never);
}

const CASES: [ServerExportResource, string, object, [string, string], string[]][] = [
  ['households', 'street', {}, ['id', 'ASC'], ['ownerName', 'room']],
  ['owners', 'street', {}, ['id', 'ASC'], ['phone', 'idNumber', 'name']],
  ['household-claims', 'city', {}, ['id', 'DESC'], ['phone', 'registryOwnerPhone', 'name']],
  ['tickets', 'd150203', {}, ['id', 'DESC'], ['householdLabel', 'compoundName']],
];

test.each(CASES)(
  '%s: the export has the list’s rows (Content-Range), headers, and cells masked as on screen',
  async (resource, user, filter, sort, compared) => {
    const token = await t.login(user);
    const list = await listAll(token, resource, filter, sort);
    expect(list.total).toBeGreaterThan(0);
    const res = await exportXlsx(token, resource, filter, sort);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(res.headers['content-disposition'])).toMatch(/\.xlsx$/);
    const [header, ...rows] = await readSheet(res.body);
    const columns = EXPORT_COLUMNS[resource];
    expect(header).toEqual(columns.map((c) => c.header));
    expect(rows.length).toBe(list.total);
    const idCol = columns.findIndex((c) => c.field === 'id');
    for (const [i, row] of list.rows.entries()) {
      expect(rows[i][idCol]).toBe(String(row.id));
      for (const field of compared) {
        const col = columns.findIndex((c) => c.field === field);
        expect(rows[i][col]).toBe(row[field] === null || row[field] === undefined ? '' : String(row[field]));
      }
    }
    // Masked values stay masked: no full mobile number in any cell of a masked column.
    for (const field of ['phone', 'registryOwnerPhone', 'idNumber']) {
      const col = columns.findIndex((c) => c.field === field);
      if (col >= 0) for (const row of rows) expect(row[col]).not.toMatch(/^1\d{10}$/);
    }
  },
);

test('a filtered export equals the filtered list; another jurisdiction’s rows never appear', async () => {
  const token = await t.login('street');
  const [compound] = await t.query<{ id: number }>("SELECT id FROM compounds WHERE region_code LIKE '150203001%' ORDER BY id LIMIT 1");
  const filter = { compoundId: compound.id };
  const list = await listAll(token, 'households', filter, ['id', 'ASC']);
  const [, ...rows] = await readSheet((await exportXlsx(token, 'households', filter, ['id', 'ASC'])).body);
  expect(rows.length).toBe(list.total);
  const all = await readSheet((await exportXlsx(token, 'households', {}, ['id', 'ASC'])).body);
  const ids = new Set(all.slice(1).map((r) => Number(r[0])));
  const outside = await t.query<{ id: number }>("SELECT id FROM households WHERE region_code NOT LIKE '150203001%' ORDER BY id LIMIT 200");
  expect(outside.length).toBeGreaterThan(0);
  for (const { id } of outside) expect(ids.has(id)).toBe(false);
  const [{ n }] = await t.query<{ n: number }>("SELECT count(*)::int AS n FROM households WHERE region_code LIKE '150203001%'");
  expect(ids.size).toBe(n);
});

test('refusals: no purpose for personal data, a resident, an unknown filter — and nothing is recorded', async () => {
  const token = await t.login('street');
  const before = await t.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_logs WHERE action = 'export_personal'");
  const noPurpose = await t.api.get('/api/owners.xlsx').set('Authorization', `Bearer ${token}`);
  expect(noPurpose.status).toBe(400);
  expect(noPurpose.body.error.fields.purpose).toBeDefined();
  const badFilter = await t.api
    .get('/api/owners.xlsx')
    .query({ filter: JSON.stringify({ nope: 1 }), purpose: PURPOSE })
    .set('Authorization', `Bearer ${token}`);
  expect(badFilter.status).toBe(400);
  const resident = await t.residentToken('export-resident');
  expect((await t.api.get('/api/households.xlsx').query({ purpose: PURPOSE }).set('Authorization', `Bearer ${resident}`)).status).toBe(403);
  expect(await t.query("SELECT count(*)::int AS n FROM audit_logs WHERE action = 'export_personal'")).toEqual(before);
});

test('an export is audited with its row count and purpose (committed on the primary before the file is read)', async () => {
  const token = await t.login('community');
  const list = await listAll(token, 'owners', {}, ['id', 'ASC']);
  await exportXlsx(token, 'owners', {}, ['id', 'ASC']);
  const [row] = await t.query<{ after: { rowCount: number; server: boolean; purpose: string } }>(
    "SELECT after FROM audit_logs WHERE action = 'export_personal' AND entity = 'owners' AND actor_name = '沼潭社区居委会' ORDER BY id DESC LIMIT 1",
  );
  expect(row.after).toMatchObject({ rowCount: list.total, server: true, purpose: '统计分析：年度统计核对' });
});

test('above the threshold the export runs as a job with progress; the file downloads once done, for its requester only', async () => {
  const token = await t.login('city');
  const list = await listAll(token, 'households', {}, ['id', 'ASC']);
  expect(list.total).toBeGreaterThan(3000);
  const started = await t.api.get('/api/households.xlsx').query({ purpose: PURPOSE }).set('Authorization', `Bearer ${token}`);
  expect(started.status).toBe(202);
  expect(started.body.rowCount).toBe(list.total);
  let job: { state: string; progress: { done: number; total: number }; result: { downloadUrl: string; rowCount: number; fileName: string } } | undefined;
  for (let i = 0; i < 240 && job?.state !== 'completed' && job?.state !== 'failed'; i++) {
    await new Promise((r) => setTimeout(r, 250));
    job = (await t.api.get(`/api/jobs/${started.body.jobId}`).set('Authorization', `Bearer ${token}`)).body;
  }
  expect(job).toMatchObject({ state: 'completed', progress: { done: list.total, total: list.total }, result: { rowCount: list.total } });
  expect(job!.result.fileName).toMatch(/^房屋_\d{8}\.xlsx$/);
  const other = await t.login('d150203');
  expect((await t.api.get(job!.result.downloadUrl).set('Authorization', `Bearer ${other}`)).status).toBe(404);
  const file = await t.api
    .get(job!.result.downloadUrl)
    .set('Authorization', `Bearer ${token}`)
    .buffer(true)
    .parse(binary as never);
  expect(file.status).toBe(200);
  const rows = await readSheet(file.body);
  expect(rows.length - 1).toBe(list.total);
  const downloads = await t.query("SELECT 1 FROM audit_logs WHERE action = 'download_export' AND entity_id = $1", [started.body.jobId]);
  expect(downloads).toHaveLength(1);
});

describe('the audit log exports on the server (issue 15): security and audit readers only, masked as on screen', () => {
  let residentId: number;
  beforeAll(async () => {
    // A resident's action on a party organisation and a household change naming an owner, both in 沼潭社区:
    // party staff read both entities' audit rows, but neither residents' names nor whose a home is.
    [{ id: residentId }] = await t.query<{ id: number }>("SELECT id FROM users WHERE role = 'resident' ORDER BY id LIMIT 1");
    await t.query(
      `INSERT INTO audit_logs (actor_id, actor_name, action, entity, entity_id, after, region_code)
       VALUES ($1, '王小明', 'create', 'party-orgs', '1', '{"name":"沼潭社区党支部"}', '150203001001'),
              (NULL, '沼潭社区居委会', 'update', 'households', '1', '{"room":"101","ownerName":"张秀英"}', '150203001001')`,
      [residentId],
    );
  });

  test('rows = the list’s total, the resident actor masked and the owner’s name left out exactly as the list shows them; the export itself audited', async () => {
    const token = await t.login('party');
    for (const entity of ['party-orgs', 'households']) {
      const list = await listAll(token, 'audit-logs', { entity }, ['id', 'DESC']);
      expect(list.total).toBeGreaterThan(0);
      const res = await exportXlsx(token, 'audit-logs', { entity }, ['id', 'DESC']);
      expect(res.status).toBe(200);
      const [header, ...rows] = await readSheet(res.body);
      expect(header).toEqual(EXPORT_COLUMNS['audit-logs'].map((c) => c.header));
      expect(rows.length).toBe(list.total);
      const col = (field: string) => header.indexOf(EXPORT_COLUMNS['audit-logs'].find((c) => c.field === field)!.header);
      // the first page, row by row: the same actor as on screen
      for (const [i, shown] of list.rows.entries()) expect(rows[i][col('actorName')]).toBe(shown.actorName);
      if (entity === 'party-orgs') {
        const mine = rows.find((r) => r[col('changes')].includes('沼潭社区党支部'))!;
        expect(mine[col('actorName')]).toMatch(/^王\*+明?$/);
        expect(mine[col('actorId')]).toBe('');
        expect(mine[col('entity')]).toBe('党组织');
      } else {
        const change = rows.find((r) => r[col('changes')].includes('101'))!;
        expect(change[col('changes')]).not.toContain('张秀英');
        expect(change[col('action')]).toBe('修改');
      }
    }
    const [audited] = await t.query<{ after: { rowCount: number; purpose: string } }>(
      "SELECT after FROM audit_logs WHERE action = 'export_personal' AND entity = 'audit-logs' ORDER BY id DESC LIMIT 1",
    );
    expect(audited.after).toMatchObject({ rowCount: expect.any(Number), purpose: '统计分析：年度统计核对' });
  });

  test('community staff read the owner’s name in the export as in the list', async () => {
    const token = await t.login('community');
    const res = await exportXlsx(token, 'audit-logs', { entity: 'households' }, ['id', 'DESC']);
    expect(res.status).toBe(200);
    const rows = await readSheet(res.body);
    expect(rows.some((r) => r.some((cell) => cell.includes('张秀英')))).toBe(true);
  });

  test('who may not read the audit log may not export it (403), and nothing is recorded', async () => {
    const before = await t.query("SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'audit-logs' AND action LIKE 'export%'");
    const res = await t.api
      .get('/api/audit-logs.xlsx')
      .query({ purpose: PURPOSE })
      .set('Authorization', `Bearer ${await t.login('company')}`);
    expect(res.status).toBe(403);
    expect(await t.query("SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'audit-logs' AND action LIKE 'export%'")).toEqual(before);
  });
});
