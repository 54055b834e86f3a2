import { beijingDateStamp, defaultToBeijingTime, formatBeijing, parseTimestamp } from './beijingTime';
import { exportFileName } from './exportFileName';

// Issue 16 §3: a fund application's export wrote "2026-12-07 15:18:06.334+00"; dates a person
// reads are Beijing time whatever the device's clock.
test.each([
  ['2026-12-07 15:18:06.334+00', '2026-12-07 23:18:06'],
  ['2026-12-07T15:18:06.334Z', '2026-12-07 23:18:06'],
  ['2026-12-07T15:18:06', '2026-12-07 23:18:06'],
  ['2026-12-07 23:18:06+08', '2026-12-07 23:18:06'],
  ['2026-12-31T16:30:00+0000', '2027-01-01 00:30:00'],
])('%s reads %s', (raw, text) => {
  expect(formatBeijing(parseTimestamp(raw)!)).toBe(text);
});

test.each(['2025-07-01', '第1期', '', '2026-13-45 99:99'])('%j is not a timestamp', (raw) => {
  expect(parseTimestamp(raw)).toBeNull();
});

test('export file names are Chinese with the Beijing date', () => {
  expect(exportFileName('维修资金使用申请', new Date('2026-12-07T16:30:00Z'))).toBe('维修资金使用申请_20261208.xlsx');
  expect(beijingDateStamp(new Date('2026-12-07T15:59:59Z'))).toBe('20261207');
});

test('after defaultToBeijingTime, toLocaleString and Intl.DateTimeFormat show Beijing time on a New York device', () => {
  const at = new Date('2026-12-07T15:18:06Z');
  const was = process.env.TZ;
  process.env.TZ = 'America/New_York';
  try {
    defaultToBeijingTime();
    expect(at.toLocaleString('zh-CN', { hour12: false })).toContain('23:18:06');
    expect(at.toLocaleTimeString('zh-CN', { hour12: false })).toBe('23:18:06');
    expect(new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', hourCycle: 'h23' }).format(at)).toContain('23');
    // A caller naming its zone keeps it.
    expect(at.toLocaleTimeString('en-GB', { timeZone: 'UTC' })).toBe('15:18:06');
  } finally {
    process.env.TZ = was;
  }
});
