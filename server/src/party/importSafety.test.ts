import { createTestApi, type TestApi } from '../../../test/support/api';
import { tamperXlsx, xlsxFromRecords, xlsxFromRows } from './xlsxFixtures';

/**
 * Issue 9 §11 and §7: what an uploaded workbook can do to the server (prototype pollution through
 * crafted names, CVE-2023-30533), dates in the workbook's own date system, and preview applying
 * every rule commit meets.
 */
let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const party = async () => bearer(await t.login('party'));

async function upload(kind: string, data: Buffer) {
  return t.api
    .post('/api/party-imports')
    .set(await party())
    .field('kind', kind)
    .attach('file', data, 'sheet.xlsx');
}
async function preview(kind: string, data: Buffer) {
  const res = await upload(kind, data);
  expect([res.status, res.body.error]).toEqual([202, undefined]);
  for (let i = 0; i < 200; i++) {
    const p = await t.api.get(`/api/party-imports/${res.body.id}`).set(await party());
    if (p.body.status !== 'validating') return p.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import never finished validating');
}
const commit = async (id: string) =>
  t.api
    .post(`/api/party-imports/${id}/commit`)
    .set(await party())
    .send({ confirmValidOnly: true });

let org: { id: number; name: string };
let company: { name: string };
beforeAll(async () => {
  [org] = await t.query(`SELECT id, name FROM party_orgs WHERE setting = 'company' ORDER BY id LIMIT 1`);
  [company] = await t.query(`SELECT c.name FROM companies c JOIN party_orgs o ON o.company_id = c.id WHERE o.id = $1`, [org.id]);
});
const MEMBER_HEADERS = ['姓名', '性别', '入党日期', '所在党组织', '身份', '工作单位'];
const member = (name: string, over: Record<string, unknown> = {}) => ({
  姓名: name,
  性别: '男',
  入党日期: '2015-07-01',
  所在党组织: org.name,
  身份: '企业员工',
  工作单位: company.name,
  ...over,
});

describe('issue 9 §11: a crafted workbook cannot touch Object.prototype', () => {
  const protoNames = () => Object.getOwnPropertyNames(Object.prototype).sort();

  /**
   * `__proto__`, `constructor` and `prototype` as the sheet name, as headers, in shared strings, as
   * cell values and defined names, and a comment whose cell ref is `__proto__` (the shape that
   * polluted Object.prototype through SheetJS CE ≤ 0.19.2).
   */
  async function craftedWorkbook() {
    const base = await xlsxFromRows(
      [
        [...MEMBER_HEADERS, '__proto__', 'constructor', 'prototype'],
        ['__proto__', '男', '2015-07-01', org.name, '企业员工', company.name, '{"polluted":"yes"}', 'polluted', '__proto__'],
        ['原型乙', '男', '2015-07-01', 'constructor', '企业员工', company.name, 'x', 'y', 'z'],
        ['原型丙', '男', '2015-07-01', org.name, 'prototype', company.name, 'x', 'y', 'z'],
      ],
      { sheetName: '__proto__' },
    );
    return tamperXlsx(
      base,
      (name, xml) => {
        if (name === 'xl/workbook.xml')
          return xml.replace(
            '</sheets>',
            `</sheets><definedNames><definedName name="__proto__">'__proto__'!$A$1</definedName><definedName name="constructor">'__proto__'!$B$1</definedName><definedName name="区域">'__proto__'!$A$1:$C$3</definedName></definedNames>`,
          );
        if (name === '[Content_Types].xml')
          return xml.replace(
            '</Types>',
            '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>',
          );
        if (name === 'xl/sharedStrings.xml')
          return xml.replace('</sst>', '<si><t>__proto__</t></si><si><t>constructor</t></si><si><r><t>prototype</t></r></si></sst>');
        return undefined;
      },
      {
        'xl/worksheets/_rels/sheet1.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>`,
        'xl/comments1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>__proto__</author></authors><commentList><comment ref="__proto__" authorId="0"><text><t>polluted</t></text></comment><comment ref="constructor" authorId="0"><text><t>polluted</t></text></comment></commentList></comments>`,
      },
    );
  }

  test('preview gives the normal row-by-row report, commit writes the one valid row, the prototype is untouched', async () => {
    const before = protoNames();
    const p = await preview('members', await craftedWorkbook());
    expect(protoNames()).toEqual(before);
    expect(p.status).toBe('ready');
    expect(p.counts).toEqual({ total: 3, valid: 1, invalid: 2 });
    expect(p.errors.map((e: { row: number }) => e.row)).toEqual([3, 4]);
    expect(p.errors[0].messages.join()).toMatch(/党组织“constructor”未登记/);
    expect(p.errors[1].messages.join()).toMatch(/身份“prototype”无效/);
    const done = await commit(p.id);
    expect([done.status, done.body.error]).toEqual([200, undefined]);
    expect(done.body.committed).toBe(1);
    expect(await t.query(`SELECT name FROM party_members WHERE name = '__proto__'`)).toEqual([{ name: '__proto__' }]);

    const plain = {} as Record<string, unknown>;
    expect(plain.polluted).toBeUndefined();
    expect(plain.c).toBeUndefined();
    expect(plain.t).toBeUndefined();
    expect(protoNames()).toEqual(before);
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
  });

  test('a sibling: a cell whose address is `__proto__` and a sheet named `constructor` — refused cleanly or reported, never 500', async () => {
    const before = protoNames();
    const base = await xlsxFromRecords([member('地址甲')], MEMBER_HEADERS, { sheetName: 'constructor' });
    const crafted = await tamperXlsx(base, (name, xml) =>
      name === 'xl/worksheets/sheet1.xml'
        ? xml.replace(
            '</sheetData>',
            '<row r="3"><c r="__proto__" t="inlineStr"><is><t>polluted</t></is></c><c r="constructor" t="s"><v>0</v></c></row></sheetData>',
          )
        : undefined,
    );
    const res = await upload('members', crafted);
    expect([202, 415]).toContain(res.status);
    if (res.status === 415) expect(res.body.error.code).toBe('NOT_XLSX');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(protoNames()).toEqual(before);
  });
});

describe('issue 9 §11: what a workbook may cost the server to read', () => {
  test('a zip bomb (a sheet of 70 MB zipped to well under the 10 MB upload cap) → 413 WORKBOOK_TOO_LARGE, nothing stored', async () => {
    const base = await xlsxFromRecords([member('炸弹甲')], MEMBER_HEADERS);
    const bomb = await tamperXlsx(base, (name, xml) =>
      name === 'xl/worksheets/sheet1.xml' ? xml.replace('<sheetData>', `<sheetData>${' '.repeat(70 * 1024 * 1024)}`) : undefined,
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await upload('members', bomb);
    expect([res.status, res.body.error?.code]).toEqual([413, 'WORKBOOK_TOO_LARGE']);
    expect(await t.query(`SELECT 1 FROM party_members WHERE name = '炸弹甲'`)).toHaveLength(0);
  }, 60_000);
});

describe('errors name the row as Excel numbers it', () => {
  test('blank rows between data rows are not renumbered away', async () => {
    const good = member('行号甲');
    const bad = member('行号乙', { 性别: 'X' });
    const rows = [MEMBER_HEADERS, MEMBER_HEADERS.map((h) => good[h as keyof typeof good]), [], [], MEMBER_HEADERS.map((h) => bad[h as keyof typeof bad])];
    const p = await preview('members', await xlsxFromRows(rows));
    expect(p.errors).toEqual([{ row: 5, messages: [expect.stringMatching(/性别“X”无效/)] }]);
  });
});

describe('issue 9 §7: dates honour the workbook’s date system (1900 or 1904), as calendar dates', () => {
  const joinedOn = async (name: string) => (await t.query<{ d: string }>(`SELECT joined_on::text AS d FROM party_members WHERE name = $1`, [name]))[0]?.d;

  test.each([
    ['1904 (Excel for Mac)', true, 38898],
    ['1900', false, 40360],
  ])('a %s workbook: a date cell and a bare serial for 2010-07-01 both store 2010-07-01', async (label, date1904, serial) => {
    const tag = date1904 ? '四' : '〇';
    const file = await xlsxFromRecords(
      [
        member(`日期${tag}甲`, { 入党日期: new Date(Date.UTC(2010, 6, 1)) }),
        member(`日期${tag}乙`, { 入党日期: serial }),
        member(`日期${tag}丙`, { 入党日期: '2010-07-01' }),
      ],
      MEMBER_HEADERS,
      { date1904 },
    );
    const p = await preview('members', file);
    expect(p.counts).toEqual({ total: 3, valid: 3, invalid: 0 });
    expect((await commit(p.id)).status).toBe(200);
    for (const who of ['甲', '乙', '丙']) expect([label, who, await joinedOn(`日期${tag}${who}`)]).toEqual([label, who, '2010-07-01']);
  });

  test('a sibling: date1904="true" (an OOXML boolean exceljs alone does not read) is the 1904 system too', async () => {
    const base = await xlsxFromRecords(
      [member('日期真甲', { 入党日期: new Date(Date.UTC(2010, 6, 1)) }), member('日期真乙', { 入党日期: 38898 })],
      MEMBER_HEADERS,
      { date1904: true },
    );
    const file = await tamperXlsx(base, (name, xml) => (name === 'xl/workbook.xml' ? xml.replace(/date1904="1"/, 'date1904="true"') : undefined));
    const p = await preview('members', file);
    expect(p.counts.valid).toBe(2);
    expect((await commit(p.id)).status).toBe(200);
    expect(await joinedOn('日期真甲')).toBe('2010-07-01');
    expect(await joinedOn('日期真乙')).toBe('2010-07-01');
  });
});

describe('issue 9 §7: preview applies every rule commit meets; commit never 500s', () => {
  test('the registry columns are the sizes the row rules allow', async () => {
    const size = async (table: string, column: string) =>
      Number(
        (
          await t.query<{ n: number }>(`SELECT character_maximum_length AS n FROM information_schema.columns WHERE table_name = $1 AND column_name = $2`, [
            table,
            column,
          ])
        )[0].n,
      );
    const { PARTY_IMPORT_COLUMNS } = await import('@baotou/shared');
    const max = (kind: keyof typeof PARTY_IMPORT_COLUMNS, key: string) => PARTY_IMPORT_COLUMNS[kind].find((c) => c.key === key)!.maxLength;
    expect(max('orgs', 'name')).toBe(await size('party_orgs', 'name'));
    expect(max('orgs', 'secretary')).toBe(await size('party_orgs', 'secretary_name'));
    expect(max('members', 'name')).toBe(await size('party_members', 'name'));
    expect(max('cross_appointments', 'name')).toBe(await size('party_members', 'name'));
  });

  test('members: over-long names and control characters are errors at preview; the rows it passes all commit', async () => {
    const rows = [
      member('界'.repeat(40)), // exactly the column's size: valid, and commits
      member('长'.repeat(30_000)),
      member('长'.repeat(41)),
      member('空_x0000_字'), // how a NUL travels in a workbook's XML
      member('换_x000A_行'),
      member('正常甲', { 所在党组织: `${org.name}_x0000_` }),
    ];
    const p = await preview('members', await xlsxFromRecords(rows, MEMBER_HEADERS));
    expect(p.counts).toEqual({ total: 6, valid: 1, invalid: 5 });
    expect(p.errors.map((e: { row: number; messages: string[] }) => [e.row, e.messages.join('；')])).toEqual([
      [3, '姓名过长（30000个字符，最多40个）'],
      [4, '姓名过长（41个字符，最多40个）'],
      [5, expect.stringMatching(/^姓名含有不可见的控制字符/)],
      [6, expect.stringMatching(/^姓名含有不可见的控制字符/)],
      [7, expect.stringMatching(/^所在党组织含有不可见的控制字符/)],
    ]);
    const res = await commit(p.id);
    expect(res.status).toBe(200);
    expect(res.body.committed).toBe(1);
    expect(await t.query(`SELECT name FROM party_members WHERE name = $1`, ['界'.repeat(40)])).toHaveLength(1);
  });

  test('a sibling: organisations — a 101-character name or a NUL in the secretary is refused at preview; 100 characters commit', async () => {
    const headers = ['组织名称', '组织类型', '所在领域', '书记姓名', '成立日期', '党员人数', '所在企业'];
    const o = (name: string, secretary = '王伟') => ({
      组织名称: name,
      组织类型: '党支部',
      所在领域: '物业企业',
      书记姓名: secretary,
      成立日期: '2021-07-01',
      党员人数: '3',
      所在企业: company.name,
    });
    const p = await preview(
      'orgs',
      await xlsxFromRecords([o('组'.repeat(100)), o('织'.repeat(101)), o('书记有空字符党支部', '王_x0000_伟'), o('书记过长党支部', '王'.repeat(41))], headers),
    );
    expect(p.counts).toEqual({ total: 4, valid: 1, invalid: 3 });
    expect(p.errors.map((e: { messages: string[] }) => e.messages.join())).toEqual([
      '组织名称过长（101个字符，最多100个）',
      expect.stringMatching(/^书记姓名含有不可见的控制字符/),
      '书记姓名过长（41个字符，最多40个）',
    ]);
    const res = await commit(p.id);
    expect(res.status).toBe(200);
    expect(res.body.committed).toBe(1);
  });
});
