import { formatSignedYuan, formatYuan, parseYuan, yuanValidator } from './money';

// DOMAIN.md §3: money is integer fen; the console converts yuan without floats.
describe('parseYuan', () => {
  const table: [string, string | number | null, number | null][] = [
    ['whole yuan', '8', 800],
    ['two decimals', '123.45', 12345],
    ['one decimal is tenths of a yuan', '0.5', 50],
    ['float-unsafe value stays exact', '0.29', 29],
    ['float-unsafe value stays exact (2)', '1.15', 115],
    ['leading zeros', '007.05', 705],
    ['zero', '0', 0],
    ['spaces trimmed', ' 12.30 ', 1230],
    ['number input', 19.99, 1999],
    ['largest safe amount', '90071992547409.91', 9007199254740991],
    ['beyond 2^53 fen refused', '90071992547409.92', null],
    ['three decimals refused', '1.234', null],
    ['negative refused', '-1', null],
    ['plus sign refused', '+1', null],
    ['thousands separator refused', '1,000', null],
    ['exponent refused', '1e3', null],
    ['blank', '', null],
    ['dot only', '.', null],
    ['trailing dot', '1.', null],
    ['null', null, null],
  ];
  test.each(table)('%s: %p → %p', (_name, input, fen) => {
    expect(parseYuan(input)).toBe(fen);
  });
});

describe('formatYuan', () => {
  test.each([
    [0, '0.00'],
    [5, '0.05'],
    [-5, '-0.05'],
    [12345, '123.45'],
    [123456789, '1,234,567.89'],
    [-100000, '-1,000.00'],
  ])('%p fen → %p', (fen, text) => expect(formatYuan(fen)).toBe(text));
  test('no grouping for inputs', () => expect(formatYuan(123456789, { grouping: false })).toBe('1234567.89'));
  test('signed', () => {
    expect(formatSignedYuan(100)).toBe('+1.00');
    expect(formatSignedYuan(-100)).toBe('-1.00');
    expect(formatSignedYuan(null)).toBe('—');
  });
});

describe('yuanValidator', () => {
  const v = yuanValidator();
  test('messages in Chinese', () => {
    expect(v('')).toBe('请输入金额');
    expect(v('1.234')).toMatch(/最多两位小数/);
    expect(v('0')).toBe('金额应大于零');
    expect(yuanValidator({ allowZero: true })('0')).toBeUndefined();
    expect(v('12.5')).toBeUndefined();
  });
});
