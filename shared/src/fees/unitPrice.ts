// A property fee's unit price is kept in milli-fen per m² per month (1 元 = 100,000 milli-fen; DOMAIN.md §12:
// prices such as 1.39 元/㎡·月, and guidance to four decimals). Staff read and type yuan; this turns one into
// the other by string arithmetic, never through a float.

const PRICE = /^(\d{1,4})(?:\.(\d{1,5}))?$/;

/**
 * "1.39" → 139000, "0.85" → 85000, "2" → 200000 (milli-fen per m² per month). Blanks, signs, separators,
 * more than five decimals or more than 1,000 元 (the schema's 100,000,000 milli-fen) give null — the form says why.
 */
export function parseUnitPriceYuan(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  const m = PRICE.exec(String(input).trim());
  if (!m) return null;
  const milli = Number(m[1]) * 100_000 + Number((m[2] ?? '').padEnd(5, '0'));
  return milli <= 100_000_000 ? milli : null;
}

/** 139000 → "1.39", 138500 → "1.385", 200000 → "2.00" (yuan per m² per month, at least two decimals, no trailing zeros beyond). */
export function formatUnitPriceYuan(milli: number): string {
  const whole = Math.floor(milli / 100_000);
  const frac = String(milli % 100_000)
    .padStart(5, '0')
    .replace(/0+$/, '')
    .padEnd(2, '0');
  return `${whole}.${frac}`;
}
