/**
 * Writing .xlsx in the browser, for every export in the console. exceljs (large) is imported only
 * when someone clicks 导出, so it stays out of the console's initial bundle.
 */
export type SheetSpec = {
  /** Sheet tab name; characters Excel forbids in one ([]:*?/\) become spaces, cut to 31. */
  name: string;
  /** Rows of cells; the first is the header row. */
  rows: unknown[][];
  /** Column widths in characters; default: fitted to the first 200 rows. */
  widths?: number[];
};

const cellValue = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v);

const sheetName = (name: string, taken: Set<string>) => {
  let n = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${n.slice(0, 28)}(${i})`;
  taken.add(n.toLowerCase());
  return n;
};

const fittedWidths = (rows: unknown[][]) => {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: cols }, (_, i) =>
    Math.min(40, Math.max(6, ...rows.slice(0, 200).map((r) => [...String(r[i] ?? '')].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0) + 2))),
  );
};

/** The .xlsx bytes of `sheets`, in order; objects in cells are written as JSON, null as empty. */
export async function buildXlsx(sheets: SheetSpec[]): Promise<ArrayBuffer> {
  const mod = await import('exceljs');
  const ExcelJS = ((mod as unknown as { default?: typeof mod }).default ?? mod) as typeof mod;
  const wb = new ExcelJS.Workbook();
  const taken = new Set<string>();
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.name, taken));
    ws.columns = (s.widths ?? fittedWidths(s.rows)).map((width) => ({ width }));
    for (const r of s.rows) ws.addRow(r.map(cellValue));
  }
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

/** Builds the workbook and has the browser save it as `fileName`. */
export async function downloadXlsx(fileName: string, sheets: SheetSpec[]): Promise<void> {
  const data = await buildXlsx(sheets);
  const url = URL.createObjectURL(new Blob([data], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
