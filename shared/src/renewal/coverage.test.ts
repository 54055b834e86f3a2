import { coverageRate, type CoverageInput } from './coverage';

const row = (group: string, mode: CoverageInput['mode'], compounds: number, floorAreaCenti: number, households: number): CoverageInput => ({
  group,
  mode,
  compounds,
  floorAreaCenti,
  households,
});

describe('DOMAIN.md §13: coverageRate by compound count, floor area and households', () => {
  // Hand-counted: district A has 3 compounds (2 managed), B has 1 unmanaged, C has none.
  const rows = [
    row('A', 'professional', 1, 10_000_00, 100),
    row('A', 'self', 1, 2_000_00, 30),
    row('A', 'none', 1, 3_000_00, 50),
    row('B', 'none', 1, 5_000_00, 70),
  ];

  test('each district and the city as the ratio of totals, a district with no compounds included', () => {
    const { groups, total } = coverageRate(rows, { groups: ['A', 'B', 'C'], targetPermille: 600 });
    expect(groups.map((g) => [g.group, g.compounds, g.floorArea, g.households, g.meetsTarget])).toEqual([
      [
        'A',
        { covered: 2, total: 3, permille: 667 },
        { covered: 12_000_00, total: 15_000_00, permille: 800 },
        { covered: 130, total: 180, permille: 722 },
        true,
      ],
      ['B', { covered: 0, total: 1, permille: 0 }, { covered: 0, total: 5_000_00, permille: 0 }, { covered: 0, total: 70, permille: 0 }, false],
      ['C', { covered: 0, total: 0, permille: null }, { covered: 0, total: 0, permille: null }, { covered: 0, total: 0, permille: null }, null],
    ]);
    // 12,000 / 20,000 m² = 600‰ exactly meets 600‰; never the mean of 800 and 0.
    expect(total.floorArea).toEqual({ covered: 12_000_00, total: 20_000_00, permille: 600 });
    expect(total.meetsTarget).toBe(true);
    expect(total.compounds).toEqual({ covered: 2, total: 4, permille: 500 });
    expect(groups[0].byMode).toEqual({ professional: 1, quasi: 0, community: 0, self: 1, none: 1 });
  });

  test('which modes count is a setting: without self, A covers 1 of 3', () => {
    const { groups } = coverageRate(rows, { groups: ['A', 'B', 'C'], coveredModes: ['professional', 'quasi', 'community'] });
    expect(groups[0].compounds).toEqual({ covered: 1, total: 3, permille: 333 });
    expect(groups[0].meetsTarget).toBeNull();
  });

  test('target compared exactly, not through the rounded permille: 9149/10000 misses 915‰', () => {
    const r = coverageRate([row('A', 'quasi', 1, 9149, 1), row('A', 'none', 1, 851, 1)], { groups: ['A'], targetPermille: 915 });
    expect(r.total.floorArea.permille).toBe(915); // 914.9 rounds half up for display
    expect(r.total.meetsTarget).toBe(false);
  });

  test('city-sized floor areas stay exact (sums × 1000 beyond 2^53)', () => {
    const big = 4_000_000_000_000; // 40 billion m² in centi-m²
    const r = coverageRate([row('A', 'quasi', 1, big, 1), row('A', 'none', 1, big + 1, 1)], { groups: ['A'], targetPermille: 500 });
    expect(r.total.meetsTarget).toBe(false);
    expect(r.total.floorArea.permille).toBe(500);
  });

  test.each<[string, () => unknown]>([
    ['a mode outside the enum', () => coverageRate([row('A', 'managed' as never, 1, 1, 1)], { groups: ['A'] })],
    ['none counted as covered', () => coverageRate([], { groups: ['A'], coveredModes: ['none'] })],
    ['a row of an unlisted group', () => coverageRate([row('Z', 'quasi', 1, 1, 1)], { groups: ['A'] })],
    ['negative households', () => coverageRate([row('A', 'quasi', 1, 1, -1)], { groups: ['A'] })],
    ['fractional area', () => coverageRate([row('A', 'quasi', 1, 1.5, 1)], { groups: ['A'] })],
    ['a target above 1000‰', () => coverageRate([], { groups: ['A'], targetPermille: 1001 })],
  ])('throws on %s', (_name, f) => expect(f).toThrow(RangeError));
});
