import { DEFAULT_SATISFACTION_THRESHOLDS, satisfactionHigh, satisfactionResult } from './satisfaction';

describe('DOMAIN.md §9: satisfactionResult', () => {
  test.each<[string, { satisfied: number; valid: number; occupiedHomes: number }, { valid: boolean; rateBasisPoints: number; warning: boolean }]>([
    [
      'exactly 80% (8 of 10) is no warning (lower bound included)',
      { satisfied: 8, valid: 10, occupiedHomes: 30 },
      { valid: true, rateBasisPoints: 8000, warning: false },
    ],
    ['just below 80% (79 of 99) → warning', { satisfied: 79, valid: 99, occupiedHomes: 300 }, { valid: true, rateBasisPoints: 7979, warning: true }],
    ['799 of 1000 → warning', { satisfied: 799, valid: 1000, occupiedHomes: 1000 }, { valid: true, rateBasisPoints: 7990, warning: true }],
    ['800 of 1000 → no warning', { satisfied: 800, valid: 1000, occupiedHomes: 1000 }, { valid: true, rateBasisPoints: 8000, warning: false }],
    ['sample exactly 30% of occupied homes is valid', { satisfied: 0, valid: 30, occupiedHomes: 100 }, { valid: true, rateBasisPoints: 0, warning: true }],
    [
      'sample one home short of 30% → 样本不足, no warning',
      { satisfied: 0, valid: 29, occupiedHomes: 100 },
      { valid: false, rateBasisPoints: 0, warning: false },
    ],
    ['30% of 101 homes needs 31 (30.3 rounds up)', { satisfied: 10, valid: 30, occupiedHomes: 101 }, { valid: false, rateBasisPoints: 3333, warning: false }],
    ['31 of 101 is valid', { satisfied: 10, valid: 31, occupiedHomes: 101 }, { valid: true, rateBasisPoints: 3225, warning: true }],
    ['nobody answered → not valid, rate 0', { satisfied: 0, valid: 0, occupiedHomes: 50 }, { valid: false, rateBasisPoints: 0, warning: false }],
    ['no occupied homes → not valid', { satisfied: 0, valid: 0, occupiedHomes: 0 }, { valid: false, rateBasisPoints: 0, warning: false }],
    ['all satisfied', { satisfied: 40, valid: 40, occupiedHomes: 40 }, { valid: true, rateBasisPoints: 10000, warning: false }],
    ['rate rounds down (2 of 3 = 6666 bp)', { satisfied: 2, valid: 3, occupiedHomes: 3 }, { valid: true, rateBasisPoints: 6666, warning: true }],
  ])('%s', (_name, counts, expected) => {
    expect(satisfactionResult(counts)).toEqual(expected);
  });

  test('thresholds are settings: a 50% sample rule and a 90% warning line', () => {
    const t = { validSampleBasisPoints: 5000, warningBelowBasisPoints: 9000, highAtBasisPoints: 9500 };
    expect(satisfactionResult({ satisfied: 85, valid: 100, occupiedHomes: 200 }, t)).toEqual({ valid: true, rateBasisPoints: 8500, warning: true });
    expect(satisfactionResult({ satisfied: 85, valid: 99, occupiedHomes: 200 }, t).valid).toBe(false);
  });

  test.each<[string, { satisfied: number; valid: number; occupiedHomes: number }]>([
    ['negative', { satisfied: -1, valid: 3, occupiedHomes: 10 }],
    ['fraction', { satisfied: 1.5, valid: 3, occupiedHomes: 10 }],
    ['NaN', { satisfied: 1, valid: NaN, occupiedHomes: 10 }],
    ['unsafe integer', { satisfied: 1, valid: 3, occupiedHomes: 2 ** 53 }],
    ['more satisfied than valid', { satisfied: 4, valid: 3, occupiedHomes: 10 }],
  ])('throws on %s counts', (_name, counts) => {
    expect(() => satisfactionResult(counts)).toThrow(RangeError);
  });

  test('throws on thresholds outside basis points', () => {
    expect(() =>
      satisfactionResult({ satisfied: 1, valid: 1, occupiedHomes: 1 }, { ...DEFAULT_SATISFACTION_THRESHOLDS, warningBelowBasisPoints: 10001 }),
    ).toThrow(RangeError);
  });
});

describe('DOMAIN.md §5, research §2 rule 7: satisfactionHigh (≥ 90%, valid sample)', () => {
  test.each<[string, { satisfied: number; valid: number; occupiedHomes: number }, boolean]>([
    ['exactly 90% counts', { satisfied: 9, valid: 10, occupiedHomes: 10 }, true],
    ['just below 90% does not', { satisfied: 899, valid: 1000, occupiedHomes: 1000 }, false],
    ['100% but 样本不足 does not', { satisfied: 29, valid: 29, occupiedHomes: 100 }, false],
  ])('%s', (_name, counts, expected) => {
    expect(satisfactionHigh(counts)).toBe(expected);
  });
});
