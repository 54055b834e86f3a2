// Money is integer fen on the wire (DOMAIN.md §3). The console shows yuan with two decimals and
// turns what staff type in yuan back into fen by string arithmetic — never through a float, so
// "0.29" is 29 fen and not 28.999….

const YUAN = /^(\d+)(?:\.(\d{1,2}))?$/;

/** Largest amount accepted from a form: below 2^53 fen, so JSON numbers stay exact. */
export const MAX_FEN = Number.MAX_SAFE_INTEGER;

/**
 * "123.45" → 12345, "8" → 800, "0.5" → 50. Blanks, signs, more than two decimals, thousands
 * separators and amounts beyond a safe integer give null (the caller shows why).
 */
export function parseYuan(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  const text = String(input).trim();
  const m = YUAN.exec(text);
  if (!m) return null;
  const whole = m[1].replace(/^0+(?=\d)/, '');
  const cents = (m[2] ?? '').padEnd(2, '0');
  const digits = `${whole}${cents}`.replace(/^0+(?=\d)/, '');
  if (digits.length > 16) return null;
  const fen = Number(digits);
  return Number.isSafeInteger(fen) && fen <= MAX_FEN ? fen : null;
}

/** 12345 → "123.45", -5 → "-0.05"; with grouping, 123456789 → "1,234,567.89". */
export function formatYuan(fen: number | null | undefined, { grouping = true }: { grouping?: boolean } = {}): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100));
  const grouped = grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${sign}${grouped}.${String(abs % 100).padStart(2, '0')}`;
}

/** A signed amount for the journal: "+123.45" / "-67.80". */
export function formatSignedYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return fen > 0 ? `+${formatYuan(fen)}` : formatYuan(fen);
}

/** react-admin validator for a yuan amount input: required, non-negative, at most two decimals. */
export const yuanValidator =
  ({ allowZero = false }: { allowZero?: boolean } = {}) =>
  (value: unknown) => {
    if (value === null || value === undefined || String(value).trim() === '') return '请输入金额';
    const fen = parseYuan(value as string);
    if (fen === null) return '金额应为不小于零的数字，最多两位小数（元）';
    if (!allowZero && fen === 0) return '金额应大于零';
    return undefined;
  };

/** Areas arrive as centi-m² integers or "89.50" strings. */
export function formatAreaCenti(centi: number | null | undefined): string {
  if (centi === null || centi === undefined) return '—';
  return `${Math.floor(centi / 100)}.${String(centi % 100).padStart(2, '0')}`;
}
