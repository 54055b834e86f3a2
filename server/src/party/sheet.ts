import type ExcelJS from 'exceljs';
import { loadExcel } from '../exports/excel';
import JSZip from 'jszip';
import {
  PARTY_IMPORT_COLUMNS,
  PARTY_IMPORT_KIND_LABELS,
  PARTY_IMPORT_MAX_ROWS,
  PARTY_IMPORT_MAX_UNZIPPED_BYTES,
  excelSerialToIsoDate,
  missingPartyColumns,
  type PartyImportKind,
} from '@baotou/shared';
import { AppError, badRequest } from '../http/errors';

const DATE_HEADERS = new Set(['成立日期', '入党日期', '开始日期', '结束日期']);
const notXlsx = (detail = '文件已损坏或不是有效的Excel工作簿（.xlsx）') => new AppError('NOT_XLSX', 415, detail);

/**
 * Whether the workbook counts days from 1904-01-01 (Excel for Mac's old default), from
 * xl/workbook.xml: OOXML booleans may be "1" or "true", and exceljs only knows "1".
 */
function usesDate1904(workbookXml: string): boolean {
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbookXml)?.[0] ?? '';
  return /\bdate1904\s*=\s*["'](?:1|true)["']/.test(pr);
}

/** The parts of a workbook the import reads; everything else (names, comments, drawings, tables, media) is dropped unread. */
const PARTS_READ =
  /^(?:\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml)$/;

/** workbook.xml without its <definedNames> element, in one pass (no backtracking pattern to stall on a crafted file). */
function withoutDefinedNames(xml: string): string {
  const open = /<((?:\w+:)?)definedNames\b/g;
  let out = '';
  let from = 0;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    const tagEnd = xml.indexOf('>', m.index);
    if (tagEnd < 0) throw notXlsx();
    let end = tagEnd + 1;
    if (xml[tagEnd - 1] !== '/') {
      const close = xml.indexOf(`</${m[1]}definedNames>`, tagEnd);
      if (close < 0) throw notXlsx();
      end = close + `</${m[1]}definedNames>`.length;
    }
    out += xml.slice(from, m.index);
    from = end;
    open.lastIndex = end;
  }
  return out + xml.slice(from);
}

const tooBigUnzipped = () =>
  new AppError('WORKBOOK_TOO_LARGE', 413, `工作簿解压后超过${PARTY_IMPORT_MAX_UNZIPPED_BYTES / 1024 / 1024}MB：请删除多余的工作表或拆分后上传`);

/**
 * The workbook with only the parts the import reads, unzipped under a byte budget (a zip bomb
 * stops at the budget, whatever sizes its directory claims), and without defined names: exceljs
 * 4.4.0 files a defined name's cells under an object keyed by the sheet name it refers to, so a
 * name pointing at a sheet called `__proto__` writes into Object.prototype (importSafety.test.ts).
 */
async function readableParts(zip: JSZip): Promise<{ workbook: Buffer; date1904: boolean }> {
  const clean = new JSZip();
  let budget = PARTY_IMPORT_MAX_UNZIPPED_BYTES;
  let date1904 = false;
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir || !PARTS_READ.test(name)) continue;
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream('nodebuffer');
      stream.on('data', (c: Buffer) => {
        budget -= c.length;
        if (budget < 0) {
          (stream as unknown as { pause(): void }).pause();
          reject(tooBigUnzipped());
        } else chunks.push(c);
      });
      stream.on('end', () => resolve());
      stream.on('error', reject);
    });
    let data = Buffer.concat(chunks);
    if (name === 'xl/workbook.xml') {
      const xml = data.toString('utf8');
      date1904 = usesDate1904(xml);
      data = Buffer.from(withoutDefinedNames(xml));
    }
    clean.file(name, data);
  }
  return { workbook: await clean.generateAsync({ type: 'nodebuffer', compression: 'STORE' }), date1904 };
}

/**
 * A cell as the text the row rules read. Dates (a date-formatted cell, or a bare serial number in a
 * date column) become YYYY-MM-DD in the workbook's own date system, as calendar dates: no time
 * zone, so a date never moves a day. exceljs turns date-formatted cells into Dates assuming the
 * system it recognised (`parsedAs1904`); they are turned back into serials and read again.
 */
function cellText(v: ExcelJS.CellValue, dateColumn: boolean, date1904: boolean, parsedAs1904: boolean): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const serial = 25569 + v.getTime() / 86_400_000 - (parsedAs1904 ? 1462 : 0);
    return excelSerialToIsoDate(serial, date1904) ?? '';
  }
  if (typeof v === 'number') return (dateColumn ? excelSerialToIsoDate(v, date1904) : undefined) ?? String(v);
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'boolean') return String(v);
  if ('richText' in v && Array.isArray(v.richText))
    return v.richText
      .map((r) => String(r?.text ?? ''))
      .join('')
      .trim();
  if ('error' in v) return String(v.error ?? '');
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null, dateColumn, date1904, parsedAs1904);
  if ('text' in v) return cellText((v as { text: ExcelJS.CellValue }).text, dateColumn, date1904, parsedAs1904);
  return '';
}

/**
 * Reads an uploaded sheet (its first worksheet), refusing anything that is not an .xlsx workbook
 * by content (a zip holding xl/workbook.xml; a renamed .csv or .xls is not: 415 NOT_XLSX), more
 * than 50,000 data rows (413 TOO_MANY_ROWS), more than 64 MB once unzipped (413 WORKBOOK_TOO_LARGE), no data (400 EMPTY_SHEET) or one missing required
 * columns (400 MISSING_COLUMNS). The first non-empty row is the header row; rowNumbers are each
 * data row's number in Excel (blank rows skipped, not renumbered). Cells become trimmed
 * strings keyed by header (see cellText for dates). Parsed with exceljs, after dropping what it
 * need not read (see readableParts): SheetJS CE ≤ 0.19.2 wrote into Object.prototype through
 * crafted names (CVE-2023-30533), and exceljs 4.4.0 does so through defined names.
 */
export async function readSheet(kind: PartyImportKind, buf: Buffer): Promise<{ headers: string[]; rows: Record<string, string>[]; rowNumbers: number[] }> {
  return readXlsxRows(buf, {
    dateHeaders: DATE_HEADERS,
    label: PARTY_IMPORT_KIND_LABELS[kind],
    missingColumns: (headers) => missingPartyColumns(kind, headers),
  });
}

/** What readXlsxRows needs to know of a kind of sheet: its date columns, its name, and which required headers a header row lacks. */
export interface SheetSpec {
  dateHeaders: ReadonlySet<string>;
  label: string;
  missingColumns(headers: string[]): string[];
}

/** readSheet for any kind of sheet (the workforce import reads its sheets with it too). */
export async function readXlsxRows(buf: Buffer, spec: SheetSpec): Promise<{ headers: string[]; rows: Record<string, string>[]; rowNumbers: number[] }> {
  const isZip = buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
  if (!isZip || !buf.includes('xl/workbook.xml')) throw notXlsx('文件不是有效的Excel工作簿（.xlsx）：请在Excel中“另存为 .xlsx”后再上传');
  let wb: ExcelJS.Workbook;
  let date1904: boolean;
  try {
    const zip = await JSZip.loadAsync(buf);
    if (!zip.file('xl/workbook.xml')) throw notXlsx();
    const parts = await readableParts(zip);
    date1904 = parts.date1904;
    const excel = await loadExcel();
    wb = new excel.Workbook();
    await wb.xlsx.load(parts.workbook as unknown as ArrayBuffer, {
      ignoreNodes: ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'drawing', 'legacyDrawing', 'picture', 'tableParts'],
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw notXlsx();
  }
  const parsedAs1904 = wb.properties?.date1904 === true;
  const ws = wb.worksheets[0];
  if (!ws) throw badRequest('EMPTY_SHEET', '工作簿中没有工作表');

  const matrix: ExcelJS.CellValue[][] = [];
  const sheetRowNumbers: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const values = row.values;
    matrix.push(Array.isArray(values) ? values : []);
    sheetRowNumbers.push(n);
  });
  const headerRow = matrix[0] ?? [];
  const headers: string[] = [];
  for (let c = 1; c < headerRow.length; c++) headers[c - 1] = cellText(headerRow[c] ?? null, false, date1904, parsedAs1904);
  for (let c = 0; c < headers.length; c++) headers[c] ??= '';
  if (ws.rowCount > PARTY_IMPORT_MAX_ROWS + 1 || matrix.length - 1 > PARTY_IMPORT_MAX_ROWS) {
    throw new AppError('TOO_MANY_ROWS', 413, `表格超过${PARTY_IMPORT_MAX_ROWS.toLocaleString('en-US')}行：请拆分为多个文件上传`);
  }
  const missing = spec.missingColumns(headers);
  if (missing.length) {
    throw badRequest('MISSING_COLUMNS', `${spec.label}表缺少必填列：${missing.join('、')}（请下载模板核对表头）`, { columns: missing.join('、') });
  }
  const rows: Record<string, string>[] = [];
  const rowNumbers: number[] = [];
  for (let i = 1; i < matrix.length; i++) {
    const r = matrix[i];
    // No prototype: a header named "__proto__" or "constructor" is just a key here.
    const row: Record<string, string> = Object.create(null);
    let empty = true;
    headers.forEach((h, c) => {
      if (!h) return;
      const s = cellText(r[c + 1] ?? null, spec.dateHeaders.has(h), date1904, parsedAs1904);
      if (s) empty = false;
      row[h] = s;
    });
    if (!empty) {
      rows.push(row);
      rowNumbers.push(sheetRowNumbers[i]);
    }
  }
  if (rows.length === 0) throw badRequest('EMPTY_SHEET', '表格中没有数据行');
  return { headers, rows, rowNumbers };
}

/** The template of a sheet kind: the header row, an example row, and a sheet of what to fill in. */
export async function templateWorkbook(kind: PartyImportKind, notes: [string, string][]): Promise<Buffer> {
  const cols = PARTY_IMPORT_COLUMNS[kind];
  const excel = await loadExcel();
  const wb = new excel.Workbook();
  const ws = wb.addWorksheet(PARTY_IMPORT_KIND_LABELS[kind]);
  ws.columns = cols.map((c) => ({ width: Math.max(10, c.header.length * 2 + 4, c.example.length + 4) }));
  ws.addRow(cols.map((c) => c.header));
  ws.addRow(cols.map((c) => c.example));
  // Typed as text so Excel keeps 2010-07-01 and BT0001 as written.
  for (let c = 1; c <= cols.length; c++) ws.getColumn(c).numFmt = '@';
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 14 }, { width: 10 }, { width: 80 }];
  help.addRow(['列', '是否必填', '说明']);
  for (const c of cols) help.addRow([c.header, c.required ? '必填' : '选填', notes.find(([h]) => h === c.header)?.[1] ?? '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
