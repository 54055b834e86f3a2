/**
 * Separator dots people type inside a name (少数民族/外国人姓名的间隔号 "·"): the middle dot U+00B7,
 * bullet U+2022, katakana middle dot U+30FB (and its half-width form U+FF65), full-width full stop
 * U+FF0E, full stop, hyphenation point U+2027, bullet and dot operators U+2219/U+22C5, Greek ano teleia U+0387.
 */
const NAME_DOTS = /[\u00B7\u2022\u30FB\uFF65\uFF0E.\u2027\u2219\u22C5\u0387\u2E31\u318D]/g;

/**
 * A person's name as compared when binding a home to the owner registry (DOMAIN.md §7: only what
 * matching needs): full-width letters and digits folded to half-width (NFKC), every separator dot
 * to "·", all whitespace (including the ideographic space U+3000) removed, Latin letters upper-cased.
 * Input: any string; output: the comparison form (never shown). Throws nothing.
 */
export function normalizePersonName(name: string): string {
  return name.normalize('NFKC').replace(NAME_DOTS, '\u00B7').replace(/\s+/gu, '').toUpperCase();
}

/** Do two names denote the same registered name? (normalizePersonName on both sides; empty never matches). */
export function samePersonName(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const x = normalizePersonName(a);
  return x !== '' && x === normalizePersonName(b);
}
