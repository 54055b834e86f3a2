import { COST_ITEMS, costComposition, feeBandFlag, feeSummary, formatFenAsYuan, spansOverlap, type CostItem } from './fees';

describe('feeBandFlag — DOMAIN.md §11: a contract outside its band is flagged, not blocked', () => {
  const band = { minFen: 100, maxFen: 150 };
  test.each([
    [99, 'below'],
    [100, null], // bounds inclusive
    [125, null],
    [150, null],
    [151, 'above'],
  ])('%p fen against 100–150 → %p', (fee, expected) => {
    expect(feeBandFlag(fee, band)).toBe(expected);
  });
  test.each([
    [1.5, band],
    [-1, band],
    [100, { minFen: 200, maxFen: 100 }],
  ])('bad input %p %p throws', (fee, b) => {
    expect(() => feeBandFlag(fee, b)).toThrow(RangeError);
  });
});

describe('spansOverlap — DOMAIN.md §11: one band per level and type on any day (inclusive ends, null = open)', () => {
  test.each([
    [{ effectiveFrom: '2024-01-01', effectiveUntil: '2024-12-31' }, { effectiveFrom: '2025-01-01', effectiveUntil: null }, false],
    [{ effectiveFrom: '2024-01-01', effectiveUntil: '2024-12-31' }, { effectiveFrom: '2024-12-31', effectiveUntil: null }, true], // shares the last day
    [{ effectiveFrom: '2024-01-01', effectiveUntil: null }, { effectiveFrom: '2030-01-01', effectiveUntil: '2030-02-01' }, true],
    [{ effectiveFrom: '2025-01-01', effectiveUntil: null }, { effectiveFrom: '2024-01-01', effectiveUntil: '2024-06-30' }, false],
  ])('%p and %p → %p', (a, b, expected) => {
    expect(spansOverlap(a, b)).toBe(expected);
    expect(spansOverlap(b, a)).toBe(expected);
  });
});

describe('feeSummary — research §5 rule 4: median and range of fee per m², integer fen', () => {
  test('odd count: the middle fee', () => expect(feeSummary([150, 90, 120])).toEqual({ count: 3, minFen: 90, medianFen: 120, maxFen: 150 }));
  test('even count: mean of the middle two, half-up once (DOMAIN.md §12)', () => {
    expect(feeSummary([90, 120, 121, 150])).toEqual({ count: 4, minFen: 90, medianFen: 121, maxFen: 150 }); // 120.5 → 121
    expect(feeSummary([100, 110])?.medianFen).toBe(105);
  });
  test('none → null', () => expect(feeSummary([])).toBeNull());
  test('a fractional fee throws', () => expect(() => feeSummary([1.5])).toThrow(RangeError));
});

describe('costComposition — DOMAIN.md §11: the nine standard cost items, shares in basis points', () => {
  const report = (over: Partial<Record<CostItem, number>>) => ({ ...(Object.fromEntries(COST_ITEMS.map((k) => [k, 0])) as Record<CostItem, number>), ...over });
  test('sums reports and floors each share', () => {
    const c = costComposition([report({ staffFen: 200, cleaningFen: 100 }), report({ staffFen: 0, otherFen: 0, securityFen: 0 })])!;
    expect(c.totalFen).toBe(300);
    expect(c.totals.staffFen).toBe(200);
    expect(c.sharesBp.staffFen).toBe(6666);
    expect(c.sharesBp.cleaningFen).toBe(3333);
  });
  test('totals beyond 2^53 fen stay exact (BigInt)', () => {
    const c = costComposition([report({ staffFen: Number.MAX_SAFE_INTEGER }), report({ staffFen: 1 })]);
    expect(c!.sharesBp.staffFen).toBe(10000);
  });
  test('nothing reported → null', () => expect(costComposition([report({})])).toBeNull());
  test('a negative amount throws', () => expect(() => costComposition([report({ staffFen: -1 })])).toThrow(RangeError));
});

test('formatFenAsYuan', () => {
  expect(formatFenAsYuan(139)).toBe('1.39');
  expect(formatFenAsYuan(5)).toBe('0.05');
});
