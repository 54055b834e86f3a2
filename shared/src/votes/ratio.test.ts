import { formatArea, formatPercent, formatTurnout, meets } from './ratio';

describe('vote figures as the console and the mini-program show them', () => {
  it.each([
    [1234567, '12,345.67'],
    [5, '0.05'],
    [0, '0.00'],
    [-250, '-2.50'],
  ])('area %i centi-m² → %s', (centi, text) => expect(formatArea(centi)).toBe(text));

  it.each([
    [2, 3, '66.6%'],
    [1, 2, '50.0%'],
    [3, 3, '100.0%'],
    [0, 5, '0.0%'],
    [1, 0, '—'],
  ])('%i/%i → %s (rounded down)', (n, d, text) => expect(formatPercent(n, d)).toBe(text));

  it('turnout', () => expect(formatTurnout(12, 150)).toBe('12 / 150（8.0%）'));

  // DOMAIN.md §1: quorum at exactly 2/3, special matters at exactly 3/4, "more than half" strictly.
  it.each([
    ['two_thirds', 2, 3, true],
    ['two_thirds', 199, 300, false],
    ['three_quarters', 3, 4, true],
    ['three_quarters', 74, 100, false],
    ['more_than_half', 1, 2, false],
    ['more_than_half', 51, 100, true],
    ['two_thirds', 0, 0, false],
  ] as const)('DOMAIN.md §1: %s %i/%i → %s', (t, n, d, ok) => expect(meets(t, n, d)).toBe(ok));

  it('a threshold outside the enum throws rather than falling back to one', () => {
    expect(() => meets('half' as never, 1, 2)).toThrow(/不在可选范围内/);
  });
});
