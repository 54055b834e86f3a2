import * as XLSX from 'xlsx';
import { PARTY_IMPORT_COLUMNS, PARTY_IMPORT_KIND_LABELS, PARTY_IMPORT_MAX_ROWS, missingPartyColumns, type PartyImportKind } from '@baotou/shared';
import { AppError, badRequest } from '../http/errors';

const DATE_HEADERS = new Set(['成立日期', '入党日期', '开始日期', '结束日期']);

/**
 * Reads an uploaded sheet, refusing anything that is not an .xlsx workbook by content (a zip whose
 * entries include xl/workbook.xml; a renamed .csv or .xls is not), more than 50,000 rows, or one
 * missing required columns. Date cells become YYYY-MM-DD from Excel's serial numbers (no time zone).
 */
export function readSheet(kind: PartyImportKind, buf: Buffer): { headers: string[]; rows: Record<string, string>[] } {
  const isZip = buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
  if (!isZip || !buf.includes('xl/workbook.xml')) throw new AppError('NOT_XLSX', 415, '文件不是有效的Excel工作簿（.xlsx）：请在Excel中“另存为 .xlsx”后再上传');
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(buf, { type: 'buffer', dense: true, cellDates: false, cellHTML: false, cellFormula: false, cellStyles: false, sheetRows: PARTY_IMPORT_MAX_ROWS + 2 });
  } catch {
    throw new AppError('NOT_XLSX', 415, '文件已损坏或不是有效的Excel工作簿（.xlsx）');
  }
  const ws = wb.Sheets[wb.SheetNames[0]];
  if (!ws) throw badRequest('EMPTY_SHEET', '工作簿中没有工作表');
  const full = XLSX.utils.decode_range((ws['!fullref'] as string | undefined) ?? ws['!ref'] ?? 'A1:A1');
  const matrix = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: '', blankrows: false });
  const headers = (matrix[0] ?? []).map((h) => String(h ?? '').trim());
  if (full.e.r > PARTY_IMPORT_MAX_ROWS || matrix.length - 1 > PARTY_IMPORT_MAX_ROWS) {
    throw new AppError('TOO_MANY_ROWS', 413, `表格超过${PARTY_IMPORT_MAX_ROWS.toLocaleString('en-US')}行：请拆分为多个文件上传`);
  }
  const missing = missingPartyColumns(kind, headers);
  if (missing.length) {
    throw badRequest('MISSING_COLUMNS', `${PARTY_IMPORT_KIND_LABELS[kind]}表缺少必填列：${missing.join('、')}（请下载模板核对表头）`, { columns: missing.join('、') });
  }
  const rows: Record<string, string>[] = [];
  for (let i = 1; i < matrix.length; i++) {
    const r = matrix[i];
    const row: Record<string, string> = {};
    let empty = true;
    headers.forEach((h, c) => {
      if (!h) return;
      const v = r[c];
      let s: string;
      if (typeof v === 'number' && DATE_HEADERS.has(h)) {
        const d = XLSX.SSF.parse_date_code(v);
        s = d ? `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}` : String(v);
      } else {
        s = v === null || v === undefined ? '' : String(v).trim();
      }
      if (s) empty = false;
      row[h] = s;
    });
    if (!empty) rows.push(row);
  }
  if (rows.length === 0) throw badRequest('EMPTY_SHEET', '表格中没有数据行');
  return { headers, rows };
}

/** The template of a sheet kind: the header row, an example row, and a sheet of allowed values. */
export function templateWorkbook(kind: PartyImportKind, notes: [string, string][]): Buffer {
  const cols = PARTY_IMPORT_COLUMNS[kind];
  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet([cols.map((c) => c.header), cols.map((c) => c.example)]);
  ws['!cols'] = cols.map((c) => ({ wch: Math.max(10, c.header.length * 2 + 4, c.example.length + 4) }));
  XLSX.utils.book_append_sheet(wb, ws, PARTY_IMPORT_KIND_LABELS[kind]);
  const help = XLSX.utils.aoa_to_sheet([
    ['列', '是否必填', '说明'],
    ...cols.map((c) => [c.header, c.required ? '必填' : '选填', notes.find(([h]) => h === c.header)?.[1] ?? '']),
  ]);
  help['!cols'] = [{ wch: 14 }, { wch: 10 }, { wch: 80 }];
  XLSX.utils.book_append_sheet(wb, help, '填写说明');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
