import { creditCodeCheckChar, isValidCreditCode } from './creditCode';

describe('GB 32100-2015 unified social credit code', () => {
  test.each([
    ['91350100M000100Y43', true, 'published sample code'],
    ['91110108551385082Q', true, 'a real company code'],
    ['91350100M000100Y44', false, 'wrong check character'],
    ['91350100M000100Y4', false, '17 characters'],
    ['91350100M000100Y433', false, '19 characters'],
    ['91350100I000100Y43', false, 'I is not in the character set'],
    ['91350100m000100Y43', false, 'lower case'],
    ['9135A100M000100Y43', false, 'division code positions 3–8 must be digits'],
    ['', false, 'empty'],
  ])('%s → %s (%s)', (code, valid) => {
    expect(isValidCreditCode(code)).toBe(valid);
  });

  test('check character 31 is written as 0, value 30 as Y', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('short')).toBeUndefined();
  });
});
