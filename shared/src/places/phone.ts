/**
 * Phone numbers (DOMAIN.md §7 keeps them as personal data; the numbering plan is MIIT's):
 * a mobile is 11 digits starting 13–19; a landline is an area code (0 + 2–3 digits, e.g. 0472
 * for Baotou) and a 7–8 digit local number, written "0472-5267086", "0472 5267086" or
 * "04725267086", or the local number alone (5267086) for a call within the city.
 *
 * One rule for every contact field: a hotline caller, a company's contact may answer with a
 * landline; a resident binding a home must give a mobile (it receives messages and is matched
 * against the registry).
 */
export type PhoneKind = 'mobile' | 'landline';

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE_WITH_AREA = /^(0\d{2,3})[- ]?([2-9]\d{6,7})$/;
const LANDLINE_LOCAL = /^[2-9]\d{6,7}$/;

/**
 * The kind of `raw` (surrounding spaces ignored), or undefined when it is neither a mobile nor a
 * landline. Throws nothing.
 */
export function phoneKind(raw: string): PhoneKind | undefined {
  const v = raw.trim();
  if (MOBILE.test(v)) return 'mobile';
  if (LANDLINE_WITH_AREA.test(v) || LANDLINE_LOCAL.test(v)) return 'landline';
  return undefined;
}

/**
 * The stored form: a mobile as its 11 digits, a landline as "area-local" ("0472-5267086") or the
 * local number alone. Throws an Error on a string that is not a phone number (check phoneKind first).
 */
export function normalizePhone(raw: string): string {
  const v = raw.trim();
  if (MOBILE.test(v) || LANDLINE_LOCAL.test(v)) return v;
  const m = LANDLINE_WITH_AREA.exec(v);
  if (!m) throw new Error(`not a phone number: ${raw}`);
  return `${m[1]}-${m[2]}`;
}

/** The Chinese message for a refused phone field. */
export function phoneProblem(label: string, allowLandline: boolean): string {
  return allowLandline ? `${label}须为11位手机号或固定电话（如 0472-5267086）` : `${label}必须是11位手机号`;
}
