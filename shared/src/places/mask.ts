/** Masking for anything shown beyond the people who need it (DOMAIN.md §7). */

/** 张三 → 张*, 欧阳娜娜 → 欧阳** is not attempted: the first character only, then one "*". */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return `${chars[0]}*`;
}

/** 13812341234 → 138****1234; anything shorter than 7 digits is hidden whole. */
export function maskPhone(phone: string): string {
  const p = phone.replace(/\s+/g, '');
  if (p.length < 7) return '*'.repeat(p.length);
  return `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}${p.slice(-4)}`;
}

/** ID number: first 6 + last 4 (150203199001011234 → 150203********1234). */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 10) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}
