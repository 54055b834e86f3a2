import { ancestry, isWithin, jurisdictionPrefix, parentRegionCode, regionLevel } from './regionCode';

describe('administrative division codes (ARCHITECTURE.md, Data)', () => {
  test.each([
    ['150200', 'city'],
    ['150203', 'district'],
    ['150271', 'district'],
    ['150203001', 'street'],
    ['150203001002', 'community'],
    ['15020', undefined],
    ['1502030011', undefined],
    ['abcdef', undefined],
  ])('level of %s is %s', (code, level) => expect(regionLevel(code)).toBe(level));

  test.each([
    ['150203001002', '150200', true],
    ['150203001002', '150203', true],
    ['150203001002', '150203001', true],
    ['150203001002', '150203001002', true],
    ['150203001002', '150202', false],
    ['150203001002', '150203002', false],
    ['150202', '150203', false],
    ['150300', '150200', false],
    ['150203', '150203001', false],
    ['bogus', '150200', false],
  ])('%s within %s → %s', (code, scope, within) => expect(isWithin(code, scope)).toBe(within));

  test('the city prefix drops its trailing 00', () => {
    expect(jurisdictionPrefix('150200')).toBe('1502');
    expect(jurisdictionPrefix('150203001')).toBe('150203001');
    expect(() => jurisdictionPrefix('x')).toThrow();
  });

  test('parents and ancestry', () => {
    expect(parentRegionCode('150203001002')).toBe('150203001');
    expect(parentRegionCode('150203001')).toBe('150203');
    expect(parentRegionCode('150203')).toBe('150200');
    expect(parentRegionCode('150200')).toBeUndefined();
    expect(ancestry('150203001002')).toEqual({ district: '150203', street: '150203001' });
    expect(ancestry('150200')).toEqual({ district: undefined, street: undefined });
  });
});
