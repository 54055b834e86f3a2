import { phoneKind, phoneProblem } from '@baotou/shared';

/** What the API shows for a stored phone (138****1234): sending it back unchanged keeps the number. */
const MASKED = /^1\d{2}\*{4}\d{4}$/;

/**
 * A react-admin validator by the API's own phone rule (shared/src/places/phone.ts): a mobile, or a
 * landline where `landline` (a hotline caller); a masked stored value passes where `keepMasked`.
 * Blank passes (say `required()` beside it where the field is required).
 */
export const phoneValidator =
  ({ label = '手机号', landline = false, keepMasked = false }: { label?: string; landline?: boolean; keepMasked?: boolean } = {}) =>
  (value: unknown) => {
    if (value === null || value === undefined || String(value).trim() === '') return undefined;
    const v = String(value).trim();
    if (keepMasked && MASKED.test(v)) return undefined;
    const kind = phoneKind(v);
    return kind === 'mobile' || (landline && kind === 'landline') ? undefined : phoneProblem(label, landline);
  };
