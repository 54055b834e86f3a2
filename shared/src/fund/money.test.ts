import { formatSignedYuan, formatYuan, parseYuan } from './money';

// DOMAIN.md §3: money is integer fen; yuan are read and written by string arithmetic.
describe('parseYuan', () => {
  test.each([
    ['123.45', 12345],
    ['8', 800],
    ['0.5', 50],
    ['0.29', 29],
    [' 12.05 ', 1205],
    ['007.10', 710],
    ['90071992547409.91', 9007199254740991],
    ['90071992547409.92', null],
    ['', null],
    ['-1', null],
    ['1.234', null],
    ['1,000', null],
    ['abc', null],
    [null, null],
  ])('%j → %j', (text, fen) => expect(parseYuan(text)).toBe(fen));
});

describe('formatYuan', () => {
  test.each([
    [12345, '123.45'],
    [-5, '-0.05'],
    [0, '0.00'],
    [123456789, '1,234,567.89'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('%j → %s', (fen, text) => expect(formatYuan(fen)).toBe(text));
  test('without grouping', () => expect(formatYuan(123456789, { grouping: false })).toBe('1234567.89'));
  test('signed', () => expect([formatSignedYuan(100), formatSignedYuan(-100), formatSignedYuan(0)]).toEqual(['+1.00', '-1.00', '0.00']));
});
