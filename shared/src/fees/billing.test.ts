import { billFen, billingPeriod, flatBillFen, monthBounds, parseBillingMonth } from './billing';

describe('billFen — DOMAIN.md §12: fee per m² per month × area × months, integer fen, half-up once', () => {
  test.each<[string, number, number, number, number]>([
    // name, areaCenti, milli-fen per m² per month, months, fen
    ['89.50 m² at 1.39 元 for a month: 124.405 → 12441 (half-up)', 8950, 139000, 1, 12441],
    ['the same for a quarter rounds once: 373.215 元 → 37322 (not 3 × 12441 = 37323)', 8950, 139000, 3, 37322],
    ['exact amount, no rounding', 10000, 150000, 1, 15000],
    ['just below one half rounds down: 0.4999 fen → 0', 1, 49999, 1, 0],
    ['exactly one half rounds up: 0.5 fen → 1', 1, 50000, 1, 1],
    ['a year of 120.37 m² at 2.05 元', 12037, 205000, 12, 296110],
    ['milli-fen precision: 1.2345 元 per m²', 10000, 123450, 1, 12345],
    ['zero area bills nothing', 0, 139000, 1, 0],
  ])('%s', (_n, areaCenti, fee, months, expected) => {
    expect(billFen({ areaCenti, feeMilliFenPerM2Month: fee, months })).toBe(expected);
  });

  test('a product beyond 2^53 is exact (BigInt inside)', () => {
    // 1,000,000.01 m² × 1000 元 × 120 months: the product 1.2 × 10^18 is past 2^53
    expect(billFen({ areaCenti: 100_000_001, feeMilliFenPerM2Month: 100_000_000, months: 120 })).toBe(12_000_000_120_000);
    expect(() => billFen({ areaCenti: 999_999_999_999, feeMilliFenPerM2Month: 100_000_000, months: 120 })).toThrow(RangeError);
  });

  test.each<[string, Record<string, unknown>]>([
    ['a float area', { areaCenti: 89.5, feeMilliFenPerM2Month: 139000, months: 1 }],
    ['a negative fee', { areaCenti: 8950, feeMilliFenPerM2Month: -1, months: 1 }],
    ['zero months', { areaCenti: 8950, feeMilliFenPerM2Month: 139000, months: 0 }],
    ['a string', { areaCenti: '8950', feeMilliFenPerM2Month: 139000, months: 1 }],
  ])('%s is refused', (_n, input) => {
    expect(() => billFen(input as never)).toThrow(RangeError);
  });

  test('flat items: monthly fen × months', () => {
    expect(flatBillFen({ monthlyFen: 15000, months: 3 })).toBe(45000);
    expect(() => flatBillFen({ monthlyFen: 1.5, months: 1 })).toThrow(RangeError);
  });
});

describe("billingPeriod — the calendar period of the item's cycle containing the run's month, from the item's start", () => {
  test.each<[string, 'monthly' | 'quarterly' | 'yearly', string, string, ReturnType<typeof billingPeriod>]>([
    ['monthly', 'monthly', '2026-11', '2024-01-01', { periodStart: '2026-11-01', periodEnd: '2026-11-30', months: 1 }],
    ['February of a leap year', 'monthly', '2028-02', '2024-01-01', { periodStart: '2028-02-01', periodEnd: '2028-02-29', months: 1 }],
    ['quarterly from any month of the quarter', 'quarterly', '2026-11', '2024-01-01', { periodStart: '2026-10-01', periodEnd: '2026-12-31', months: 3 }],
    [
      'quarter started mid-way: billed from the start month',
      'quarterly',
      '2026-11',
      '2026-11-01',
      { periodStart: '2026-11-01', periodEnd: '2026-12-31', months: 2 },
    ],
    ['yearly', 'yearly', '2026-03', '2020-07-01', { periodStart: '2026-01-01', periodEnd: '2026-12-31', months: 12 }],
    ['yearly, first year from July', 'yearly', '2026-03', '2026-07-01', { periodStart: '2026-07-01', periodEnd: '2026-12-31', months: 6 }],
    ['not started by the period end', 'monthly', '2026-11', '2026-12-01', null],
  ])('%s', (_n, cycle, period, startsOn, expected) => {
    expect(billingPeriod(cycle, period, startsOn)).toEqual(expected);
  });

  test.each(['2026-13', '2026-1', '1999-12', 'now', ''])('a month %p is refused', (p) => {
    expect(() => parseBillingMonth(p)).toThrow(RangeError);
  });
  test('an unknown cycle is refused', () => {
    expect(() => billingPeriod('weekly' as never, '2026-11', '2026-01-01')).toThrow(RangeError);
  });
  test('month bounds', () => {
    expect(monthBounds('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
});
