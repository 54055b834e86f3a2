import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/**
 * Workbooks made in tests and the benchmark: a first sheet from rows of cells (strings, numbers,
 * Dates), in either date system. Dates are written as date-formatted cells; a number is a number.
 */
export async function xlsxFromRows(rows: unknown[][], opts: { sheetName?: string; date1904?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (opts.date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet(opts.sheetName ?? 'Sheet1');
  for (const r of rows) ws.addRow(r);
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = 'yyyy-mm-dd';
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A header row and data rows keyed by header. */
export function xlsxFromRecords(
  records: Record<string, unknown>[],
  headers = Object.keys(records[0] ?? {}),
  opts: { sheetName?: string; date1904?: boolean } = {},
): Promise<Buffer> {
  return xlsxFromRows([headers, ...records.map((r) => headers.map((h) => r[h] ?? ''))], opts);
}

/** The first sheet of a workbook as rows of cell values (1-based columns shifted to 0-based). */
export async function readXlsxRows(buf: Buffer, sheet = 0): Promise<{ sheetNames: string[]; rows: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[sheet]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheetNames: wb.worksheets.map((w) => w.name), rows };
}

/** Rewrites parts of a workbook's zip as raw text (to craft what no spreadsheet program would write). */
export async function tamperXlsx(buf: Buffer, edit: (name: string, xml: string) => string | undefined, add: Record<string, string> = {}): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  for (const name of Object.keys(zip.files)) {
    const f = zip.file(name);
    if (!f) continue;
    const next = edit(name, await f.async('string'));
    if (next !== undefined) zip.file(name, next);
  }
  for (const [name, text] of Object.entries(add)) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
