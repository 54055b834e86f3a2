import { creditGrade, creditScore, type ScoredCreditItem } from './score';

describe('creditGrade — DOMAIN.md §5: AAA ≥ 85, AA ≥ 80, A ≥ 70, B ≥ 60, C < 60, lower bound included', () => {
  test.each([
    [1200, 'AAA'],
    [850, 'AAA'],
    [849, 'AA'],
    [800, 'AA'],
    [799, 'A'],
    [700, 'A'],
    [699, 'B'],
    [600, 'B'],
    [599, 'C'],
    [0, 'C'],
    [-120, 'C'],
  ])('%d tenths → %s', (tenths, grade) => expect(creditGrade(tenths)).toBe(grade));
  test.each([84.9, NaN, Infinity, '850' as unknown as number])('%p throws', (v) => expect(() => creditGrade(v)).toThrow(RangeError));
});

const on = '2026-12-31';
const item = (category: ScoredCreditItem['category'], pointsTenths: number, extra: Partial<ScoredCreditItem> = {}): ScoredCreditItem => ({
  category,
  pointsTenths,
  projectId: null,
  status: 'published',
  publicUntil: '2026-01-09',
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
  ...extra,
});

describe('creditScore — DOMAIN.md §5: base ≤ 80 + good ≤ 40 − bad, in tenths, items valid on the date', () => {
  test.each([
    // [items, total, grade] at each band edge
    [[item('base', 800), item('good', 50)], 850, 'AAA'],
    [[item('base', 800), item('good', 50), item('bad', -1)], 849, 'AA'],
    [[item('base', 800)], 800, 'AA'],
    [[item('base', 800), item('bad', -1)], 799, 'A'],
    [[item('base', 700)], 700, 'A'],
    [[item('base', 700), item('bad', -1)], 699, 'B'],
    [[item('base', 600)], 600, 'B'],
    [[item('base', 600), item('bad', -1)], 599, 'C'],
  ])('%p → %d (%s)', (items, total, grade) => {
    expect(creditScore(items, on)).toMatchObject({ totalTenths: total, grade });
  });

  test('caps: base at 80, good at 40; bad is not capped', () => {
    expect(creditScore([item('base', 500), item('base', 500), item('good', 300), item('good', 300), item('bad', -900)], on)).toEqual({
      baseTenths: 800,
      goodTenths: 400,
      badTenths: 900,
      totalTenths: 300,
      grade: 'C',
    });
  });

  test('caps are settings', () => {
    expect(creditScore([item('base', 900), item('good', 500)], on, { baseCapTenths: 850, goodCapTenths: 450 })).toMatchObject({
      baseTenths: 850,
      goodTenths: 450,
    });
  });

  test('公示中, 异议中, withdrawn, not yet valid and expired items do not count', () => {
    const items = [
      item('base', 800),
      item('bad', -100, { publicUntil: on }), // still published for comment on the date
      item('bad', -100, { status: 'objected' }),
      item('bad', -100, { status: 'withdrawn' }),
      item('bad', -100, { validFrom: '2027-01-01', validUntil: '2027-12-31' }),
      item('bad', -100, { validFrom: '2025-01-01', validUntil: '2025-12-31' }),
      item('bad', -5, { validUntil: on }), // the last valid day counts
    ];
    expect(creditScore(items, on)).toMatchObject({ baseTenths: 800, badTenths: 5, totalTenths: 795, grade: 'A' });
  });

  test('project-level items weigh by floor area; company-level items count in full', () => {
    // project 1: 3,000 m², project 2: 1,000 m² → a +5 upgrade on project 2 is worth 1.25 → 13 tenths (half up)
    const areas = { 1: 300_000, 2: 100_000 };
    const items = [item('base', 600), item('good', 50, { projectId: 2 }), item('bad', -20, { projectId: 1 }), item('good', 20)];
    // good: 20 + round(50 × 1/4 = 12.5) = 33; bad: round(20 × 3/4) = 15
    expect(creditScore(items, on, { projectAreas: areas })).toEqual({ baseTenths: 600, goodTenths: 33, badTenths: 15, totalTenths: 618, grade: 'B' });
    // without areas every item counts in full
    expect(creditScore(items, on)).toMatchObject({ goodTenths: 70, badTenths: 20 });
  });

  test('no floor area registered: the projects weigh equally', () => {
    expect(creditScore([item('bad', -30, { projectId: 1 })], on, { projectAreas: { 1: 0, 2: 0, 3: 0 } })).toMatchObject({ badTenths: 10 });
  });

  test('large areas and many items stay exact (BigInt products)', () => {
    const areas = { 1: 2_000_000_000_000, 2: 1 };
    const items = Array.from({ length: 1000 }, () => item('bad', -1000, { projectId: 1 }));
    expect(creditScore(items, on, { projectAreas: areas }).badTenths).toBe(1_000_000);
  });

  test('bad input throws', () => {
    expect(() => creditScore([item('great' as never, 1)], on)).toThrow(RangeError);
    expect(() => creditScore([item('good', 1.5)], on)).toThrow(RangeError);
    expect(() => creditScore([item('good', -10)], on)).toThrow(RangeError);
    expect(() => creditScore([item('bad', 10)], on)).toThrow(RangeError);
    expect(() => creditScore([item('good', 10, { projectId: 9 })], on, { projectAreas: { 1: 10 } })).toThrow(RangeError);
    expect(() => creditScore([], on, { projectAreas: { 1: -1 } })).toThrow(RangeError);
    expect(() => creditScore([item('good', 10, { status: 'gone' as never })], on)).toThrow(RangeError);
  });
});
