import { passwordClassCount, passwordProblem } from './passwordPolicy';

// Issue 17 (MLPS 2.0 level 3, GB/T 22239-2019 8.1.4.1 a): length and character classes per
// setting, never the username.
const policy = { minLength: 8, minClasses: 3 };

describe('passwordProblem — issue 17 password rule', () => {
  test.each<[string, string, string | null | undefined, string | null]>([
    ['complies: lower, digit, symbol', 'new-password-2024', 'city', null],
    ['complies: upper, lower, digit', 'Baotou2024x', 'city', null],
    ['too short by one', 'Ab1-xyz', null, '密码至少8位'],
    ['exactly the minimum length', 'Ab1-xyzw', null, null],
    ['length counts characters, not UTF-16 units', '密码Ab1😀😀😀', null, null],
    ['two classes only (the demo password)', 'baotou2024', null, '密码须包含小写字母、大写字母、数字、符号中的至少3类'],
    ['one class only', 'abcdefghij', null, '密码须包含小写字母、大写字母、数字、符号中的至少3类'],
    ['Chinese characters count as symbols', '包头物业abc123', null, null],
    ['contains the username', 'd150203-Pass', 'd150203', '密码不能包含用户名'],
    ['contains the username in another case', 'CITY-admin-01', 'city', '密码不能包含用户名'],
    ['is the username', 'Street_staff1', 'street_staff1', '密码不能包含用户名'],
    ['no username given', 'city-Admin-01', undefined, null],
  ])('%s', (_name, password, username, expected) => {
    expect(passwordProblem(password, policy, username)).toBe(expected);
  });

  test.each([
    [{ minLength: 12, minClasses: 2 }, 'abcdef123456', null],
    [{ minLength: 12, minClasses: 2 }, 'abcdef12345', '密码至少12位'],
    [{ minLength: 8, minClasses: 4 }, 'Abc-1234', null],
    [{ minLength: 8, minClasses: 4 }, 'abc-1234', '密码须同时包含小写字母、大写字母、数字和符号'],
    [{ minLength: 8, minClasses: 1 }, 'aaaaaaaa', null],
  ])('settings %j: %s → %s', (p, password, expected) => {
    expect(passwordProblem(password, p)).toBe(expected);
  });

  test.each([[{ minLength: 0, minClasses: 3 }], [{ minLength: 8.5, minClasses: 3 }], [{ minLength: 8, minClasses: 0 }], [{ minLength: 8, minClasses: 5 }]])(
    'a policy outside its bounds throws: %j',
    (p) => {
      expect(() => passwordProblem('Abc-12345', p)).toThrow(RangeError);
    },
  );

  test('class count', () => {
    expect(passwordClassCount('')).toBe(0);
    expect(passwordClassCount('aA1!')).toBe(4);
  });
});
