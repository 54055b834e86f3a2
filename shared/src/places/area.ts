/**
 * Areas are exact: integer hundredths of a square metre ("centi-m²") in rules, numeric(12,2)
 * in the database, a decimal string on the wire. No floats.
 */
const AREA_PATTERN = /^(\d{1,10})(?:\.(\d{1,2}))?$/;

/** "89.5" or 89.5 → 8950; undefined when not a non-negative amount with at most two decimals. */
export function parseAreaCenti(value: string | number): number | undefined {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  if (text === undefined) return undefined;
  const m = AREA_PATTERN.exec(text);
  if (!m) return undefined;
  const whole = Number(m[1]);
  const frac = Number((m[2] ?? '').padEnd(2, '0'));
  const centi = whole * 100 + frac;
  return Number.isSafeInteger(centi) ? centi : undefined;
}

/** 8950 → "89.50" */
export function formatAreaCenti(centi: number): string {
  const sign = centi < 0 ? '-' : '';
  const abs = Math.abs(centi);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function numberToPlainString(n: number): string | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined;
  // A JS number typed into a form (89.5) prints exactly as typed for ≤ 2 decimals in this range.
  const s = String(n);
  return /e/i.test(s) ? undefined : s;
}
