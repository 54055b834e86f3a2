import ExcelJS from 'exceljs';
import * as shared from '@baotou/shared';
import { EXPORT_COLUMNS, SERVER_EXPORT_RESOURCES, type ExportColumn, type ServerExportResource } from '@baotou/shared';
import { createTestApi, type TestApi } from '../../../test/support/api';
import { residentWithHome } from '../../../test/support/residents';

// Issue 15 "Export anything": every console list with an 导出 exports every row of its filter from
// the server, with the table's columns and Chinese headers, labels instead of codes, Beijing time,
// money in 元, and personal data masked exactly as the list masks it for that role. One table-driven
// test over shared's EXPORT_COLUMNS (a test per resource would be slow).
let t: TestApi;
const PURPOSE = JSON.stringify({ kind: 'statistics', detail: '年度统计核对' });
/** The demo's staff accounts, least-seeing first (small files): the first that sees rows of a list exports it. */
const USERS = ['community', 'company', 'street', 'party', 'd150203', 'city'];

beforeAll(async () => {
  t = await createTestApi({ EXPORT_JOB_THRESHOLD_ROWS: '100000' });
  // Lists the demo city leaves empty get a row each: a resident's claim, a guidance band, a
  // resident's correction of a disclosure, a subsidy's use, a WeChat order the books could not
  // take, a notification (read) in the console.
  const [home] = await t.query<{ id: number }>('SELECT id FROM households WHERE owner_id IS NOT NULL ORDER BY id LIMIT 1');
  await residentWithHome(t, 'every-list-claimant', home.id);
  await t.query(
    `INSERT INTO fee_guidance (level_id, property_type, min_fen, max_fen, source_document, effective_from)
     SELECT id, 'commodity', 120, 180, '包头市住宅物业服务收费指导价', '2026-01-01' FROM service_levels ORDER BY id LIMIT 1`,
  );
  await t.query(
    `INSERT INTO disclosure_flags (disclosure_id, compound_id, region_code, user_id, line, comment)
     SELECT d.id, d.compound_id, d.region_code, (SELECT user_id FROM household_claims ORDER BY id LIMIT 1), '1', '金额与票据不符' FROM disclosures d ORDER BY d.id LIMIT 1`,
  );
  await t.query(
    `INSERT INTO subsidy_usages (line_id, compound_id, region_code, company_id, category, amount_fen, spent_on, note)
     SELECT id, compound_id, region_code, company_id, 'greening', 123456, '2026-06-01', '补种绿篱' FROM subsidy_lines ORDER BY id LIMIT 1`,
  );
  await t.query(
    `INSERT INTO pay_orders (purpose, household_id, compound_id, region_code, user_id, bill_ids, amount_fen, out_trade_no, openid, expires_at, status, paid_at, transaction_id)
     SELECT 'fees', h.id, h.compound_id, h.region_code, (SELECT user_id FROM household_claims ORDER BY id LIMIT 1), '{}', 12300, 'FEVERYLIST0001', 'oEveryList', now(), 'unposted', now(), '4200000000000000000001'
       FROM households h WHERE h.owner_id IS NOT NULL ORDER BY h.id LIMIT 1`,
  );
  await t.query(
    `INSERT INTO notifications (user_id, channel, kind, event_key, title, body, status, read_at)
     SELECT id, 'console', 'ticket_queue', 'every-list-export', '待办工单', '有新的工单待受理', 'sent', now() FROM users WHERE username = 'community'`,
  );
});
afterAll(() => t.close());

function binary(res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

async function readSheet(body: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const ws = wb.worksheets[0];
  const rows: unknown[][] = [];
  const width = ws.getRow(1).cellCount;
  ws.eachRow((row) => rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? '')));
  return rows;
}

async function list(token: string, resource: string) {
  const res = await t.api
    .get(`/api/${resource}`)
    .query({ range: JSON.stringify([0, 24]) })
    .set('Authorization', `Bearer ${token}`);
  return {
    status: res.status,
    rows: res.body as Record<string, unknown>[],
    total: res.status === 200 ? Number(/\/(\d+)$/.exec(res.headers['content-range'])![1]) : 0,
  };
}

function exportOf(token: string, resource: string) {
  return t.api
    .get(`/api/${resource}.xlsx`)
    .query({ purpose: PURPOSE })
    .set('Authorization', `Bearer ${token}`)
    .buffer(true)
    .parse(binary as never);
}

/** Every code some shared label map knows ("in_progress", "closed"): none may reach a cell as is. */
const CODES = new Set(
  Object.entries(shared)
    .filter(([name, v]) => name.endsWith('_LABELS') && v && typeof v === 'object' && !Array.isArray(v))
    .flatMap(([, v]) => Object.keys(v as object))
    .filter((k) => /^[a-z][a-z0-9_]*$/.test(k)),
);
/** Free text that may spell like a code (an account's username; an audit row's entity id, which for an export is the list's resource name). */
const FREE_TEXT = new Set(['username', 'entityId']);
/** Personal data every staff list masks (shared/src/places/mask.ts): 138****1234, 1502**********1234. */
const PERSONAL = ['phone', 'idNumber', 'registryOwnerPhone'];
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

test.each(SERVER_EXPORT_RESOURCES.map((r) => [r]))(
  '%s: rows = the list’s total, the table’s headers, labels not codes, masked as on screen',
  async (resource: ServerExportResource) => {
    let found: { user: string; token: string; listed: Awaited<ReturnType<typeof list>> } | undefined;
    for (const user of USERS) {
      const token = await t.login(user);
      const listed = await list(token, resource);
      if (listed.total > 0) {
        found = { user, token, listed };
        break;
      }
    }
    expect([resource, found?.user]).toEqual([resource, expect.any(String)]);
    const { token, listed } = found!;
    const res = await exportOf(token, resource);
    expect(res.status).toBe(200);
    const [header, ...rows] = await readSheet(res.body);
    const columns: readonly ExportColumn[] = EXPORT_COLUMNS[resource];
    expect(header).toEqual(columns.map((c) => c.header));
    expect(rows.length).toBe(listed.total);
    const wrong: unknown[] = [];
    for (const row of rows) {
      for (const [i, c] of columns.entries()) {
        const cell = row[i];
        if (typeof cell === 'string' && ISO_INSTANT.test(cell)) wrong.push([c.field, cell, 'ISO time']);
        if (typeof cell === 'string' && /^[[{]/.test(cell)) wrong.push([c.field, cell, 'JSON']);
        if (typeof cell === 'string' && CODES.has(cell) && !FREE_TEXT.has(c.field)) wrong.push([c.field, cell, 'code']);
        if (c.kind === 'codes' && typeof cell === 'string' && /[A-Za-z]_[A-Za-z]/.test(cell)) wrong.push([c.field, cell, 'code']);
        if (PERSONAL.includes(c.field) && cell !== '' && !String(cell).includes('*')) wrong.push([c.field, cell, 'not masked']);
        if (c.kind === 'enum' && cell !== '' && !Object.values(c.labels!).includes(String(cell))) wrong.push([c.field, cell, 'code']);
      }
    }
    // The first page, cell by cell where the list shows text as is: masked values read as on screen.
    for (const [r, shown] of listed.rows.entries()) {
      for (const [i, c] of columns.entries()) {
        const value = shown[c.field];
        if ((c.kind === 'value' || c.kind === 'text') && typeof value === 'string' && !ISO_INSTANT.test(value) && rows[r][i] !== value)
          wrong.push([c.field, rows[r][i], `list shows ${value}`]);
      }
    }
    expect([resource, wrong.slice(0, 5)]).toEqual([resource, []]);
  },
);

test('a role that cannot read a list cannot export it (403), and nothing is written', async () => {
  const refused: string[] = [];
  for (const user of ['company', 'party', 'community']) {
    const token = await t.login(user);
    for (const resource of SERVER_EXPORT_RESOURCES) {
      if ((await list(token, resource)).status !== 403) continue;
      const res = await t.api.get(`/api/${resource}.xlsx`).query({ purpose: PURPOSE }).set('Authorization', `Bearer ${token}`);
      expect([resource, user, res.status]).toEqual([resource, user, 403]);
      refused.push(`${user}:${resource}`);
    }
  }
  expect(refused.length).toBeGreaterThan(0);
  const resident = await t.residentToken('every-list-export-resident');
  expect((await t.api.get('/api/bills.xlsx').set('Authorization', `Bearer ${resident}`)).status).toBe(403);
});

test('every list holding personal data asks the export’s purpose first (400 on the field), and records nothing without it', async () => {
  const token = await t.login('city');
  const before = await t.query("SELECT count(*)::int AS n FROM audit_logs WHERE action IN ('export', 'export_personal')");
  const personal = SERVER_EXPORT_RESOURCES.filter((r) => shared.exportCarriesPersonalData(r));
  expect(personal).toEqual(expect.arrayContaining(['fund-ledgers', 'committee-members', 'party-members', 'staff', 'users']));
  for (const resource of personal) {
    const res = await t.api.get(`/api/${resource}.xlsx`).set('Authorization', `Bearer ${token}`);
    expect([resource, res.status, res.body.error?.fields?.purpose]).toEqual([resource, 400, expect.any(String)]);
  }
  expect(await t.query("SELECT count(*)::int AS n FROM audit_logs WHERE action IN ('export', 'export_personal')")).toEqual(before);
});
