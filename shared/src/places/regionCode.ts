import type { RegionLevel } from './enums';

/**
 * China's administrative division codes (行政区划代码) as used here: city 6 digits ending in 00
 * (150200), district 6 digits, street 9 digits, community 12 digits. A code's prefix is its
 * ancestry, so "inside my jurisdiction" is a prefix test.
 */
export function regionLevel(code: string): RegionLevel | undefined {
  if (/^\d{4}00$/.test(code)) return 'city';
  if (/^\d{6}$/.test(code)) return 'district';
  if (/^\d{9}$/.test(code)) return 'street';
  if (/^\d{12}$/.test(code)) return 'community';
  return undefined;
}

/** The prefix every code in this region's subtree starts with (the city drops its trailing 00). */
export function jurisdictionPrefix(code: string): string {
  const level = regionLevel(code);
  if (!level) throw new Error(`不是有效的行政区划代码: ${code}`);
  return level === 'city' ? code.slice(0, 4) : code;
}

/** True when `code` lies in the subtree of `scopeCode` (a region is inside its own jurisdiction). */
export function isWithin(code: string, scopeCode: string): boolean {
  if (!regionLevel(code) || !regionLevel(scopeCode)) return false;
  return code.startsWith(jurisdictionPrefix(scopeCode));
}

/** The parent's code, or undefined for a city. */
export function parentRegionCode(code: string): string | undefined {
  switch (regionLevel(code)) {
    case 'community':
      return code.slice(0, 9);
    case 'street':
      return code.slice(0, 6);
    case 'district':
      return `${code.slice(0, 4)}00`;
    default:
      return undefined;
  }
}

/** The district (6 digits) and street (9 digits) a code belongs to, where it is that deep. */
export function ancestry(code: string): { district?: string; street?: string } {
  const level = regionLevel(code);
  return {
    district: level === 'district' || level === 'street' || level === 'community' ? code.slice(0, 6) : undefined,
    street: level === 'street' || level === 'community' ? code.slice(0, 9) : undefined,
  };
}
