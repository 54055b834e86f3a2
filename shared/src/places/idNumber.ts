/**
 * Resident identity card numbers (公民身份号码), GB 11643-1999: 6-digit address code, 8-digit
 * birth date (YYYYMMDD), 3-digit sequence, 1 check character (ISO 7064 MOD 11-2; 10 is written X).
 */

/** Weights 2^(17-i) mod 11 for the first 17 digits (GB 11643-1999 §8.2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by (Σ digit × weight) mod 11 (GB 11643-1999 §8.2). */
const CHECK = '10X98765432';

/**
 * What people type, as stored: trims, turns full-width digits and `Ｘ`/`ｘ` into half-width, and
 * a lower-case `x` into `X`. Inner spaces are dropped (numbers are often typed in groups).
 */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .replace(/x/g, 'X');
}

/** The check character for 17 digits. Throws on anything that is not 17 ASCII digits. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`idNumberCheckChar: 17 digits expected, got ${JSON.stringify(first17)}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

/** The calendar day of `today` in China Standard Time (UTC+8, no daylight saving) as YYYYMMDD. */
function chinaDay(today: Date): string {
  return new Date(today.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * Why a normalised ID number is not valid (Chinese, for the form), or undefined when it is.
 * Order matters to the user: length/characters first, then the birth date (a real date, not after
 * `today`'s day in China — nobody holds a number issued for a birth yet to come), then the check digit.
 * `today` is passed in so the rule stays pure (GB 11643-1999 §6.2.2: the birth date code).
 */
export function idNumberProblem(normalized: string, today: Date): string | undefined {
  if (!/^\d{17}[\dX]$/.test(normalized)) return '身份证号须为18位：17位数字加1位数字或X';
  const birth = normalized.slice(6, 14);
  if (!isRealDate(birth)) return '身份证号中的出生日期无效';
  if (birth > chinaDay(today)) return '身份证号中的出生日期晚于今天';
  if (idNumberCheckChar(normalized.slice(0, 17)) !== normalized[17]) return '身份证号校验位不正确，请核对';
  return undefined;
}
