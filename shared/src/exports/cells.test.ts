import { beijingMinute, exportCell, formatTimeLeft } from './cells';
import { EXPORT_COLUMNS } from './columns';

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
