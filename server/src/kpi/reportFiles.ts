import { loadExcel } from '../exports/excel';
import {
  KPI_INDICATORS,
  KPI_INDICATOR_DEFINITIONS,
  KPI_INDICATOR_LABELS,
  KPI_ACTUAL_UNITS,
  formatActual,
  formatGap,
  formatTarget,
  type KpiFigure,
  type KpiIndicator,
} from '@baotou/shared';
import { createPdf, pdfToBuffer, type PdfDocument } from '../pdf/document';
import type { KpiReport } from './reportData';

const NO_DATA = '暂无数据';
/** The PDF lists at most this many rows per list; the .xlsx has them all. */
const PDF_LIST_LIMIT = 300;

const actualText = (f: KpiFigure) => (f.actual ? formatActual(f.actual) : NO_DATA);
const gapText = (f: KpiFigure) => (f.actual ? formatGap(f.indicator, { value: null, met: f.met, gap: f.gap }) : '—');
const noteText = (f: KpiFigure) => [f.history === 'missing' ? '历史记录缺失' : '', f.note ?? ''].filter(Boolean).join('：');

function title(r: KpiReport) {
  return `${r.regionName}${r.query.year}年度物业管理工作考核报告`;
}

/** Rows of the headline table: the scope's own figure for each indicator. */
function headline(r: KpiReport): KpiFigure[] {
  return KPI_INDICATORS.map((i) => r.figures.find((f) => f.indicator === i && f.regionCode === r.query.scopeCode)!).filter(Boolean);
}

function breakdownRegions(r: KpiReport): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const f of r.figures) if (f.regionCode !== r.query.scopeCode) seen.set(f.regionCode, f.regionName);
  return [...seen].map(([code, name]) => ({ code, name }));
}

function figureOf(r: KpiReport, indicator: KpiIndicator, code: string) {
  return r.figures.find((f) => f.indicator === indicator && f.regionCode === code);
}

/** A simple table: fixed column widths, wrapped cells, a new page when the page is full. */
function table(doc: PdfDocument, headings: string[], rows: string[][], widths: number[]) {
  const left = doc.page.margins.left;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.fontSize(bold ? 9.5 : 9);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i] - 6 }))) + 6;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.text(c || ' ', x + 3, y + 3, { width: widths[i] - 6 });
      x += widths[i];
    });
    doc
      .moveTo(left, y + height)
      .lineTo(x, y + height)
      .lineWidth(bold ? 0.8 : 0.3)
      .stroke();
    doc.x = left;
    doc.y = y + height;
  };
  drawRow(headings, true);
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.8);
}

function heading(doc: PdfDocument, text: string) {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
  doc.x = doc.page.margins.left;
  doc.fontSize(12.5).text(text);
  doc.moveDown(0.4);
}

/** The printable report (A4, CJK font embedded): headline, breakdown by region, other figures, the lists behind the figures. */
export async function kpiReportPdf(r: KpiReport, fontPath: string): Promise<Buffer> {
  const doc = await createPdf({ fontPath, info: { Title: title(r), Author: '包头市住房和城乡建设局' } });
  doc.fontSize(18).text(title(r), { align: 'center' });
  doc.moveDown(0.3);
  doc.fontSize(10).text(`统计截至：${r.query.asOf}　　目标依据：${r.targetDocuments.join('、') || '未设定'}`, { align: 'center' });
  doc.moveDown(1);

  heading(doc, '一、七项年度目标完成情况');
  table(
    doc,
    ['指标', '目标', '实际', '差距', '说明'],
    headline(r).map((f) => [KPI_INDICATOR_LABELS[f.indicator], formatTarget(f.indicator, f.target), actualText(f), gapText(f), noteText(f)]),
    [120, 60, 70, 80, 165],
  );
  doc.fontSize(8.5);
  for (const i of KPI_INDICATORS) doc.text(`${KPI_INDICATOR_LABELS[i]}：${KPI_INDICATOR_DEFINITIONS[i]}`);
  doc.moveDown(0.8);

  const regions = breakdownRegions(r);
  if (regions.length) {
    heading(doc, `二、分${r.query.groupBy === 'district' ? '区县' : '街道'}情况`);
    const short = ['组建率', '覆盖率', '二级以上', '优秀示范', 'AAA企业', '岗前培训', '继续教育'];
    table(
      doc,
      ['区域', ...short],
      regions.map((g) => [
        g.name,
        ...KPI_INDICATORS.map((i) => {
          const f = figureOf(r, i, g.code);
          return f ? actualText(f) : NO_DATA;
        }),
      ]),
      [83, 60, 60, 55, 55, 55, 63, 64],
    );
  }

  heading(doc, `${regions.length ? '三' : '二'}、其他工作情况`);
  table(
    doc,
    ['项目', '情况'],
    r.others.map((o) => [o.label, o.value ?? NO_DATA]),
    [160, 335],
  );

  heading(doc, `${regions.length ? '四' : '三'}、指标明细`);
  for (const list of r.lists) {
    doc.fontSize(11).text(`${list.title}（${list.rows.length}项）`);
    doc.moveDown(0.3);
    if (!list.rows.length) {
      doc.fontSize(9).text('无');
      doc.moveDown(0.6);
      continue;
    }
    const width = Math.floor(495 / list.headings.length);
    table(
      doc,
      list.headings,
      list.rows.slice(0, PDF_LIST_LIMIT),
      list.headings.map(() => width),
    );
    if (list.rows.length > PDF_LIST_LIMIT) {
      doc.fontSize(8.5).text(`仅列出前${PDF_LIST_LIMIT}项，完整名单见同名Excel文件。`);
      doc.moveDown(0.6);
    }
  }
  // page numbers
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    doc.fontSize(8).text(`第${p + 1}页 共${range.count}页`, doc.page.margins.left, doc.page.height - 35, { align: 'center', width: 495, lineBreak: false });
  }
  return pdfToBuffer(doc);
}

/** The same report as an .xlsx: 总览, 分区域, 其他工作, and one sheet per list (all rows). */
export async function kpiReportXlsx(r: KpiReport): Promise<Buffer> {
  const excel = await loadExcel();
  const wb = new excel.Workbook();
  const summary = wb.addWorksheet('总览');
  summary.addRow([title(r)]);
  summary.addRow([`统计截至 ${r.query.asOf}`, `目标依据 ${r.targetDocuments.join('、')}`]);
  summary.addRow(['指标', '目标', '实际', '分子/个数', '分母', '单位', '差距', '说明', '口径']);
  for (const f of headline(r)) {
    const a = f.actual;
    // the coverage's parts are floor areas kept in centi-m²: written in ㎡, as the unit column says
    const part = (n: number) => (f.indicator === 'management_coverage' ? n / 100 : n);
    summary.addRow([
      KPI_INDICATOR_LABELS[f.indicator],
      formatTarget(f.indicator, f.target),
      actualText(f),
      a ? ('count' in a ? a.count : part(a.numerator)) : NO_DATA,
      a && 'denominator' in a ? part(a.denominator) : '',
      KPI_ACTUAL_UNITS[f.indicator],
      gapText(f),
      noteText(f),
      KPI_INDICATOR_DEFINITIONS[f.indicator],
    ]);
  }
  summary.columns.forEach((c, i) => (c.width = i === 8 ? 60 : 16));

  const regions = breakdownRegions(r);
  if (regions.length) {
    const ws = wb.addWorksheet('分区域');
    ws.addRow(['区域', ...KPI_INDICATORS.map((i) => KPI_INDICATOR_LABELS[i])]);
    for (const g of regions)
      ws.addRow([
        g.name,
        ...KPI_INDICATORS.map((i) => {
          const f = figureOf(r, i, g.code);
          return f ? actualText(f) : NO_DATA;
        }),
      ]);
    ws.columns.forEach((c) => (c.width = 16));
  }
  const others = wb.addWorksheet('其他工作');
  others.addRow(['项目', '情况']);
  for (const o of r.others) others.addRow([o.label, o.value ?? NO_DATA]);
  others.columns.forEach((c, i) => (c.width = i ? 60 : 24));
  for (const list of r.lists) {
    const ws = wb.addWorksheet(KPI_INDICATOR_LABELS[list.indicator].slice(0, 28));
    ws.addRow(list.headings);
    for (const row of list.rows) ws.addRow(row);
    ws.columns.forEach((c) => (c.width = 20));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const reportFileName = (r: KpiReport, ext: 'pdf' | 'xlsx') => `${title(r)}.${ext}`;
