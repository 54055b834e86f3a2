import { formatAreaCenti, parseAreaCenti } from './area';

describe('exact areas in centi-m² (ARCHITECTURE.md, Data)', () => {
  test.each([
    ['89.5', 8950],
    ['89.50', 8950],
    ['180', 18000],
    [' 45.01 ', 4501],
    [89.5, 8950],
    [0.1, 10],
    ['0', 0],
    ['89.501', undefined],
    ['-1', undefined],
    ['1e3', undefined],
    ['abc', undefined],
    [Number.NaN, undefined],
    [-3, undefined],
  ])('parse %p → %p', (input, centi) => expect(parseAreaCenti(input as string | number)).toBe(centi));

  test.each([
    [8950, '89.50'],
    [5, '0.05'],
    [0, '0.00'],
    [-150, '-1.50'],
  ])('format %p → %s', (centi, text) => expect(formatAreaCenti(centi)).toBe(text));
});
