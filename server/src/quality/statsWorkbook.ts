import { loadExcel } from '../exports/excel';
import { COST_ITEMS, COST_ITEM_LABELS, formatFenAsYuan } from '@baotou/shared';
import type { QualityStatsGroupRow } from './stats';

const NO_DATA = '暂无数据';
const pct = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;

const HEADERS = [
  '分组',
  '项目数',
  '二级以上项目数',
  '提档升级达标',
  '优秀示范项目',
  '物业费中位数（元/㎡·月）',
  '物业费最低',
  '物业费最高',
  '收缴率',
  '满意度',
  '成本合计（元）',
  ...COST_ITEMS.map((k) => `${COST_ITEM_LABELS[k]}占比`),
];

function row(g: QualityStatsGroupRow): (string | number)[] {
  const c = g.costComposition;
  return [
    g.name,
    g.projects,
    g.atLevel2OrAbove,
    g.upgraded,
    g.awards,
    g.fee ? formatFenAsYuan(g.fee.medianFen) : NO_DATA,
    g.fee ? formatFenAsYuan(g.fee.minFen) : NO_DATA,
    g.fee ? formatFenAsYuan(g.fee.maxFen) : NO_DATA,
    NO_DATA,
    NO_DATA,
    c ? formatFenAsYuan(c.totalFen) : NO_DATA,
    ...COST_ITEMS.map((k) => (c ? pct(c.sharesBp[k]) : NO_DATA)),
  ];
}

/** The published statistics as an .xlsx: one sheet by district, one by level (no personal data). */
export async function statsWorkbook(year: number, sheets: { title: string; groups: QualityStatsGroupRow[]; totals: QualityStatsGroupRow }[]): Promise<Buffer> {
  const excel = await loadExcel();
  const wb = new excel.Workbook();
  wb.creator = '包头智慧物业管理服务平台';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.title);
    ws.addRow([`${year}年物业服务价格与质量统计（${s.title}）`]);
    ws.addRow(HEADERS);
    for (const g of s.groups) ws.addRow(row(g));
    ws.addRow(row(s.totals));
    ws.columns.forEach((col, i) => (col.width = i === 0 ? 16 : 14));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
