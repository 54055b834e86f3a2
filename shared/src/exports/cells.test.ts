import { beijingMinute, exportCell, formatTimeLeft } from './cells';
import { EXPORT_COLUMNS, EXPORT_SHEET_NAMES, type ExportColumn } from './columns';

// Issue 15: the cells of a server export read as the console shows them (Chinese, Beijing time).
const col = (resource: keyof typeof EXPORT_COLUMNS, field: string) => EXPORT_COLUMNS[resource].find((c) => c.field === field)!;

test.each([
  ['households', 'area', '86.50', 86.5],
  ['households', 'areaBasis', 'surveyed', '实测面积'],
  ['households', 'developerUnsold', true, '是'],
  ['households', 'developerUnsold', false, '否'],
  ['households', 'ownerName', null, ''],
  ['tickets', 'status', 'submitted', '待受理'],
  ['tickets', 'timeLeftSeconds', -720, '超时 12 分'],
  ['tickets', 'timeLeftSeconds', null, '—'],
  ['household-claims', 'createdAt', '2026-12-07T15:18:06.334Z', '2026-12-07 23:18'],
] as const)('%s.%s %p → %p', (resource, field, value, expected) => {
  expect(exportCell(col(resource, field), value)).toBe(expected);
});

// The kinds the other lists' columns use (issue 15 "Export anything": money in 元, scores in points, rates in %).
test.each([
  [{ field: 'amountFen', header: '金额（元）', kind: 'yuan' }, 123456, 1234.56],
  [{ field: 'amountFen', header: '金额（元）', kind: 'yuan' }, -5, -0.05],
  [{ field: 'scoreTenths', header: '总分', kind: 'tenths' }, 955, 95.5],
  [{ field: 'rateBasisPoints', header: '满意度', kind: 'basisPoints' }, 9234, '92.34%'],
  [{ field: 'active', header: '启用', kind: 'value' }, true, '是'],
  [{ field: 'count', header: '数', kind: 'value' }, 7, 7],
  [{ field: 'at', header: '时间', kind: 'value' }, '2026-12-07T15:18:06.334Z', '2026-12-07 23:18'],
  [{ field: 'on', header: '日期', kind: 'value' }, '2026-12-07', '2026-12-07'],
  [{ field: 'x', header: 'x', kind: 'value' }, null, ''],
] as const)('%j with %p → %p', (column, value, expected) => {
  expect(exportCell(column as ExportColumn, value)).toBe(expected);
});

test('a list of codes reads as its labels; a computed cell as the table computes it', () => {
  const alerts = EXPORT_COLUMNS.committees.find((c) => c.field === 'alerts')!;
  expect(exportCell(alerts, ['NOT_FILED', 'NO_DISCLOSURE'])).toBe('选举后30日内未备案、上季度未公开账目');
  expect(exportCell(alerts, [])).toBe('');
  const turnout = EXPORT_COLUMNS.votes.find((c) => c.field === 'turnout')!;
  expect(exportCell(turnout, undefined, undefined, { ballotCount: 5, eligibleCount: 8 })).toBe('62.5%');
  expect(exportCell(turnout, undefined, undefined, { ballotCount: 0, eligibleCount: 0 })).toBe('—');
  const line = EXPORT_COLUMNS['disclosure-flags'].find((c) => c.field === 'line')!;
  expect(exportCell(line, 'expense:2')).toBe('支出第 3 行');
});

test('every list column has a Chinese header, and every enum column its labels', () => {
  for (const [resource, columns] of Object.entries(EXPORT_COLUMNS)) {
    expect(EXPORT_SHEET_NAMES[resource as keyof typeof EXPORT_SHEET_NAMES]).toMatch(/[\u4e00-\u9fff]/);
    for (const c of columns as readonly ExportColumn[]) {
      expect([resource, c.header]).toEqual([resource, expect.stringMatching(/[\u4e00-\u9fff]|^ID$/)]);
      if (c.kind === 'enum') expect([resource, c.field, Object.keys(c.labels ?? {}).length > 0]).toEqual([resource, c.field, true]);
    }
  }
});

test('a ref column writes the referenced name, or the code when none was found', () => {
  expect(exportCell(col('households', 'regionCode'), '150203001001', '某社区')).toBe('某社区');
  expect(exportCell(col('households', 'regionCode'), '150203001001')).toBe('150203001001');
});

test('Beijing time crosses midnight; time left reads in days, hours or minutes', () => {
  expect(beijingMinute(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01 00:30');
  expect(beijingMinute('not a time')).toBe('');
  expect(formatTimeLeft(90000)).toBe('1 天 1 小时');
  expect(formatTimeLeft(3900)).toBe('1 小时 5 分');
});
