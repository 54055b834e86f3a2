// Money is integer fen on the wire (DOMAIN.md §3). People read and type yuan with two decimals,
// turned into fen by string arithmetic — never through a float, so "0.29" is 29 fen, not 28.999….
// One rule for the console and the mini-program.

const YUAN = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * "123.45" → 12345, "8" → 800, "0.5" → 50 (fen). Blanks, signs, more than two decimals, thousands
 * separators and amounts beyond a safe integer give null (the caller says why).
 */
export function parseYuan(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  const m = YUAN.exec(String(input).trim());
  if (!m) return null;
  const digits = `${m[1]}${(m[2] ?? '').padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  if (digits.length > 16) return null;
  const fen = Number(digits);
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Fen as yuan: 12345 → "123.45", -5 → "-0.05"; grouped by default, 123456789 → "1,234,567.89"; null → "—". */
export function formatYuan(fen: number | null | undefined, { grouping = true }: { grouping?: boolean } = {}): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100));
  const grouped = grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${sign}${grouped}.${String(abs % 100).padStart(2, '0')}`;
}

/** A signed amount for a ledger: "+123.45" / "-67.80" (fen in). */
export function formatSignedYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return fen > 0 ? `+${formatYuan(fen)}` : formatYuan(fen);
}
