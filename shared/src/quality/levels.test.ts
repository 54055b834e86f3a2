import { levelAtOrAbove, reachedTarget } from './levels';

describe('levelAtOrAbove — DOMAIN.md §8, §11: level 1 is the best; "level 2 or above" is order ≤ 2', () => {
  test.each([
    [{ order: 1 }, 2, true],
    [{ order: 2 }, 2, true], // 二级以上(含二级): level 2 itself counts
    [{ order: 3 }, 2, false],
    [{ order: 1 }, 1, true],
    [{ order: 2 }, 1, false],
    [null, 2, false], // no accepted level
    [undefined, 2, false],
  ])('%p at or above %p → %p', (level, order, expected) => {
    expect(levelAtOrAbove(level, order)).toBe(expected);
  });

  test.each([0, -1, 1.5, NaN, Number.MAX_SAFE_INTEGER + 1])('a bound of %p throws', (order) => {
    expect(() => levelAtOrAbove({ order: 1 }, order)).toThrow(RangeError);
  });
  test('a level whose order is not a positive integer throws', () => {
    expect(() => levelAtOrAbove({ order: 0 }, 2)).toThrow(RangeError);
    expect(() => levelAtOrAbove({ order: '1' as unknown as number }, 2)).toThrow(RangeError);
  });
});

describe('reachedTarget — research §5 rule 2: a plan item is upgraded when its accepted level is at or above the target', () => {
  test.each([
    [{ order: 2 }, { order: 2 }, true],
    [{ order: 1 }, { order: 2 }, true],
    [{ order: 3 }, { order: 2 }, false],
    [null, { order: 3 }, false],
  ])('%p against target %p → %p', (current, target, expected) => {
    expect(reachedTarget(current, target)).toBe(expected);
  });
});
