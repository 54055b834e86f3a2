import { formatUnitPriceYuan, parseUnitPriceYuan } from './unitPrice';

// DOMAIN.md §12: unit prices in 元/㎡·月 (e.g. 1.39), kept as integer milli-fen; the console once asked for "139000".
describe('unit price in yuan ↔ milli-fen per m² per month', () => {
  test.each([
    ['1.39', 139000],
    ['0.85', 85000],
    ['2', 200000],
    [' 1.38500 ', 138500],
    ['0.00001', 1],
    ['1000', 100_000_000],
    ['0', 0],
    ['1000.00001', null],
    ['1.000001', null],
    ['-1', null],
    ['1,39', null],
    ['1.3e2', null],
    ['', null],
    ['元', null],
    [null, null],
  ])('%p → %p', (text, milli) => expect(parseUnitPriceYuan(text)).toBe(milli));
  test.each([
    [139000, '1.39'],
    [138500, '1.385'],
    [200000, '2.00'],
    [1, '0.00001'],
  ])('%p → %p', (milli, text) => expect(formatUnitPriceYuan(milli)).toBe(text));
});
