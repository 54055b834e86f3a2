import { idNumberCheckChar, idNumberProblem, normalizeIdNumber } from './idNumber';
import { ownerSchema } from './schemas';

/** 2026-11-30 09:00 in Baotou (01:00 UTC). */
const TODAY = new Date('2026-11-30T01:00:00Z');

describe('GB 11643-1999 check character (ISO 7064 MOD 11-2)', () => {
  test.each([
    ['11010519491231002', 'X'], // the standard's own example
    ['15020319900101123', '2'],
    ['44052418800101001', '4'],
  ])('%s → %s', (first17, check) => expect(idNumberCheckChar(first17)).toBe(check));

  test('anything but 17 digits throws', () => {
    expect(() => idNumberCheckChar('1101051949123100')).toThrow();
    expect(() => idNumberCheckChar('1101051949123100X')).toThrow();
  });
});

describe('ID numbers are normalised, then checked (GB 11643-1999)', () => {
  test.each([
    ['11010519491231002x', '11010519491231002X'],
    ['11010519491231002Ｘ', '11010519491231002X'],
    ['11010519491231002ｘ', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X'],
    [' 110105 19491231 002X ', '11010519491231002X'],
  ])('%j → %s', (raw, normalized) => {
    expect(normalizeIdNumber(raw)).toBe(normalized);
    expect(idNumberProblem(normalized, TODAY)).toBeUndefined();
  });

  test.each([
    ['11010519491231002', '身份证号须为18位：17位数字加1位数字或X'],
    ['1101051949123100XX', '身份证号须为18位：17位数字加1位数字或X'],
    ['11010519491231002Y', '身份证号须为18位：17位数字加1位数字或X'],
    ['110105194902300020', '身份证号中的出生日期无效'],
    ['110105194912310021', '身份证号校验位不正确，请核对'],
    ['150203199001011230', '身份证号校验位不正确，请核对'],
  ])('%s → %s', (n, problem) => expect(idNumberProblem(n, TODAY)).toBe(problem));

  test('the owner schema stores the normalised number and refuses a wrong check digit with that reason', () => {
    expect(ownerSchema.shape.idNumber.parse('11010519491231002x')).toBe('11010519491231002X');
    expect(ownerSchema.shape.idNumber.parse('11010519491231002Ｘ')).toBe('11010519491231002X');
    const wrong = ownerSchema.shape.idNumber.safeParse('110105194912310021');
    expect(wrong.success).toBe(false);
    expect(wrong.error!.issues[0].message).toBe('身份证号校验位不正确，请核对');
    expect(ownerSchema.shape.idNumber.parse(null)).toBeNull();
  });

  test('the owner schema refuses a birth date after today (checked against the day of parsing)', () => {
    const future = ownerSchema.shape.idNumber.safeParse('150203209901011234');
    expect(future.success).toBe(false);
    expect(future.error!.issues[0].message).toBe('身份证号中的出生日期晚于今天');
  });
});

// GB 11643-1999 §6.2.2: the birth date code is the holder's date of birth, which cannot lie ahead.
describe('the birth date is not after today (in China time, UTC+8)', () => {
  const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);
  test.each([
    [withCheck('15020320990101123'), TODAY, '身份证号中的出生日期晚于今天'], // the attack: born 2099
    [withCheck('15020320261201123'), TODAY, '身份证号中的出生日期晚于今天'], // tomorrow
    [withCheck('15020320261130123'), TODAY, undefined], // born today
    [withCheck('15020320261201123'), new Date('2026-11-30T16:00:00Z'), undefined], // already 1 Dec in Baotou
    [withCheck('15020320261201123'), new Date('2026-11-30T15:59:59Z'), '身份证号中的出生日期晚于今天'], // still 30 Nov in Baotou
  ])('%s on %s → %s', (n, today, problem) => expect(idNumberProblem(n, today)).toBe(problem));
});
