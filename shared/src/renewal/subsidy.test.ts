import { enrolmentYearIn, monthsServedIn, quasiSubsidy, quasiSubsidyRateFen } from './subsidy';

describe('quasiSubsidy — DOMAIN.md §4: area × rate(year) × months, half up once, odd fen to the city', () => {
  test.each<[string, number, number, number, [number, number, number]]>([
    ['year 1: 40 fen/m²/month', 10000, 1, 12, [48000, 24000, 24000]],
    ['year 2: 30 fen/m²/month', 10000, 2, 12, [36000, 18000, 18000]],
    ['year 3: 20 fen/m²/month', 10000, 3, 12, [24000, 12000, 12000]],
    ['year 4: nothing', 10000, 4, 12, [0, 0, 0]],
    ['year 9: nothing', 10000, 9, 12, [0, 0, 0]],
    ['months 0: nothing', 10000, 1, 0, [0, 0, 0]],
    ['odd fen goes to the city (2.75 m² × 20 = 55)', 275, 3, 1, [55, 28, 27]],
    ['1 m² for a month in year 3 is 20 fen', 100, 3, 1, [20, 10, 10]],
    ['0.01 m², year 2, one month: 0.3 fen rounds to 0', 1, 2, 1, [0, 0, 0]],
    ['0.02 m², year 3, 1 month: 0.4 fen rounds down', 2, 3, 1, [0, 0, 0]],
    ['0.05 m², year 1, 1 month: 2.0 fen', 5, 1, 1, [2, 1, 1]],
    ['exactly half a fen rounds up (0.05 m² × 30 × 1 = 1.5)', 5, 2, 1, [2, 1, 1]],
    ['three fen: city 2, district 1', 5, 3, 3, [3, 2, 1]],
    ['123,456.78 m² in year 1 for 12 months (59,259,254.4 fen)', 12345678, 1, 12, [59259254, 29629627, 29629627]],
    ['123,456.78 m² in year 1 for 1 month (4,938,271.2 fen)', 12345678, 1, 1, [4938271, 2469136, 2469135]],
    ['123,456.78 m² in year 2 for 7 months (25,925,923.8 fen)', 12345678, 2, 7, [25925924, 12962962, 12962962]],
  ])('%s', (_name, areaCenti, enrolmentYear, months, [totalFen, cityFen, districtFen]) => {
    const out = quasiSubsidy({ areaCenti, enrolmentYear, months });
    expect(out).toEqual({ totalFen, cityFen, districtFen });
    expect(out.cityFen + out.districtFen).toBe(out.totalFen);
    expect(out.cityFen - out.districtFen).toBeGreaterThanOrEqual(0);
    expect(out.cityFen - out.districtFen).toBeLessThanOrEqual(1);
  });

  test('the product beyond 2^53 is computed exactly in BigInt', () => {
    // 2^50 centi-m² × 40 × 12 ≈ 5.4e17 before the division by 100: beyond 2^53, the result is not
    const out = quasiSubsidy({ areaCenti: 2 ** 50, enrolmentYear: 1, months: 12 });
    expect(BigInt(out.totalFen)).toBe((2n ** 50n * 480n * 2n + 100n) / 200n);
    expect(out.totalFen).toBe(5404319552844595);
  });

  test.each<[string, Record<string, number>]>([
    ['13 months', { areaCenti: 100, enrolmentYear: 1, months: 13 }],
    ['negative months', { areaCenti: 100, enrolmentYear: 1, months: -1 }],
    ['fractional months', { areaCenti: 100, enrolmentYear: 1, months: 1.5 }],
    ['negative area', { areaCenti: -100, enrolmentYear: 1, months: 1 }],
    ['fractional area', { areaCenti: 100.5, enrolmentYear: 1, months: 1 }],
    ['enrolment year 0', { areaCenti: 100, enrolmentYear: 0, months: 1 }],
    ['fractional enrolment year', { areaCenti: 100, enrolmentYear: 1.5, months: 1 }],
    ['NaN area', { areaCenti: NaN, enrolmentYear: 1, months: 1 }],
    ['a total beyond 2^53 fen', { areaCenti: Number.MAX_SAFE_INTEGER, enrolmentYear: 1, months: 12 }],
  ])('throws on %s', (_name, input) => {
    expect(() => quasiSubsidy(input as never)).toThrow(RangeError);
  });

  test('rates by year', () => {
    expect([1, 2, 3, 4].map(quasiSubsidyRateFen)).toEqual([40, 30, 20, 0]);
  });
});

describe('enrolmentYearIn / monthsServedIn — DOMAIN.md §4 months served, by calendar year [D]', () => {
  test.each<[string, string, number, number]>([
    ['the start year is year 1', '2024-03-01', 2024, 1],
    ['the next year is year 2', '2024-03-01', 2025, 2],
    ['year 4 after three years', '2024-03-01', 2027, 4],
    ['before the start: 0', '2024-03-01', 2023, 0],
  ])('%s', (_n, start, year, expected) => expect(enrolmentYearIn(start, year)).toBe(expected));

  test.each<[string, string, string | null, number, number]>([
    ['started on 1 March: March–December', '2024-03-01', null, 2024, 10],
    ['started mid-March: April–December', '2024-03-15', null, 2024, 9],
    ['a whole later year', '2024-03-15', null, 2025, 12],
    ['started 1 January: 12', '2024-01-01', null, 2024, 12],
    ['started in December after the 1st: 0', '2024-12-02', null, 2024, 0],
    ['a year before the start: 0', '2024-03-01', null, 2023, 0],
    ['ended on 30 June: January–June', '2023-01-01', '2024-06-30', 2024, 6],
    ['ended on 29 June: January–May', '2023-01-01', '2024-06-29', 2024, 5],
    ['ended the year before: 0', '2023-01-01', '2023-12-31', 2024, 0],
    ['February of a leap year ends on the 29th', '2024-02-01', '2024-02-29', 2024, 1],
  ])('%s', (_n, start, end, year, expected) => expect(monthsServedIn(start, end, year)).toBe(expected));

  test('a malformed date throws', () => {
    expect(() => monthsServedIn('2024/03/01', null, 2024)).toThrow(RangeError);
  });
});
