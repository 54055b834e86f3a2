import { collectionRate, formatBasisPoints } from './collection';
import { lateFeeFen } from './lateFee';

describe('collectionRate — DOMAIN.md §12: collected for P within P ÷ due for P, integer basis points half-up', () => {
  test.each<[number, number, number | null]>([
    [9234, 10000, 9234],
    [2, 3, 6667],
    [1, 3, 3333],
    [1, 20000, 1], // 0.5 bp rounds up
    [0, 500, 0],
    [500, 500, 10000],
    [0, 0, null],
  ])('%i of %i → %p bp', (n, d, bp) => {
    expect(collectionRate(n, d)).toEqual({ numerator: n, denominator: d, basisPoints: bp });
  });
  test('exact beyond 2^53 in the intermediate product', () => {
    expect(collectionRate(Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER).basisPoints).toBe(10000);
  });
  test('sums beyond 2^53 (bigints, as PostgreSQL sums them) give an exact rate, not an error', () => {
    // 10,560,000,000,000,000 fen due (beyond 2^53), one fen short of half collected: 4999.99… bp, half-up 5000.
    expect(collectionRate(5_280_000_000_000_000n - 1n, 10_560_000_000_000_000n).basisPoints).toBe(5000);
    expect(collectionRate(1n, 10_560_000_000_000_000n)).toEqual({ numerator: 1, denominator: 10_560_000_000_000_000, basisPoints: 0 });
    expect(collectionRate(2 ** 60, 2 ** 61).basisPoints).toBe(5000);
    expect(collectionRate(0n, 0n)).toEqual({ numerator: 0, denominator: 0, basisPoints: null });
  });
  test.each<[number | bigint, number | bigint]>([
    [-1, 5],
    [6, 5],
    [1.5, 5],
    [1, NaN],
    [1, Infinity],
    [-1n, 5n],
    [6n, 5n],
  ])('%p of %p is refused', (n, d) => {
    expect(() => collectionRate(n, d)).toThrow(RangeError);
  });
  test('format', () => {
    expect(formatBasisPoints(9234)).toBe('92.34%');
    expect(formatBasisPoints(5)).toBe('0.05%');
    expect(formatBasisPoints(null)).toBe('—');
  });
});

describe('lateFeeFen — research §6 rule 2: only where the contract sets a rate, capped', () => {
  test.each<[string, number, number | null, number, number]>([
    ['no rate in the contract: none (the default)', 10000, null, 6, 0],
    ['30 bp a month for 2 months on 100 元', 10000, 30, 2, 60],
    ['half a fen rounds up once', 5000, 1, 1, 1],
    ['not late yet', 10000, 30, 0, 0],
  ])('%s', (_n, owedFen, rate, months, expected) => {
    expect(lateFeeFen({ owedFen, rateBpPerMonth: rate, monthsLate: months, capBpPerMonth: 33 })).toBe(expected);
  });
  test('a rate above the cap is refused', () => {
    expect(() => lateFeeFen({ owedFen: 100, rateBpPerMonth: 34, monthsLate: 1, capBpPerMonth: 33 })).toThrow(RangeError);
  });
});
