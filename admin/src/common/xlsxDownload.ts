/**
 * Writing .xlsx in the browser, for every export in the console. exceljs (large) is imported only
 * when someone clicks 导出, so it stays out of the console's initial bundle.
 */
import { getUser } from '../auth/session';
import { exportFileName } from './exportFileName';

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
  let n =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
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

/**
 * Who made the file and when, written into the workbook's document properties (issue 17: an export
 * of personal data carries the exporting account and time; Excel shows them under 文件 → 信息).
 */
export type WorkbookProperties = {
  /** The exporting account, e.g. "市住建局管理员（city）": creator and last modified by. */
  account: string;
  /** When it was exported (the server's time for an audited export). */
  exportedAt: Date;
  /** For an export of personal data: its purpose, as audited ("统计分析：2024年度报表"). */
  purpose?: string;
};

/** The .xlsx bytes of `sheets`, in order; objects in cells are written as JSON, null as empty. */
export async function buildXlsx(sheets: SheetSpec[], props?: WorkbookProperties): Promise<ArrayBuffer> {
  const mod = await import('exceljs');
  const ExcelJS = ((mod as unknown as { default?: typeof mod }).default ?? mod) as typeof mod;
  const wb = new ExcelJS.Workbook();
  if (props) {
    wb.creator = props.account;
    wb.lastModifiedBy = props.account;
    wb.created = props.exportedAt;
    wb.modified = props.exportedAt;
    if (props.purpose) {
      wb.subject = '含个人信息，仅限所述用途使用';
      wb.description = `导出用途：${props.purpose}；导出账号：${props.account}；导出时间：${props.exportedAt.toISOString()}`;
    }
  }
  const taken = new Set<string>();
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.name, taken));
    ws.columns = (s.widths ?? fittedWidths(s.rows)).map((width) => ({ width }));
    for (const r of s.rows) ws.addRow(r.map(cellValue));
  }
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

/** The signed-in account as the console names it: "姓名（用户名）". */
export const sessionAccount = (): string => {
  const user = getUser();
  return user ? `${user.name}（${user.username}）` : '';
};

/**
 * Builds the workbook and has the browser save it as `fileName`. Without `props`, the signed-in
 * account and the current time go into the file's properties. A file name with no Chinese in it
 * ("tickets.xlsx") is replaced by the first sheet's name and the date (issue 16 §3: a person
 * reads file names too).
 */
export async function downloadXlsx(fileName: string, sheets: SheetSpec[], props?: WorkbookProperties): Promise<void> {
  if (!/[^\x00-\x7f]/.test(fileName)) fileName = exportFileName(sheets[0]?.name || '导出');
  const data = await buildXlsx(sheets, props ?? { account: sessionAccount(), exportedAt: new Date() });
  const url = URL.createObjectURL(new Blob([data], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
