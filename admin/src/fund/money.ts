import { parseYuan } from '@baotou/shared';

// Money is integer fen on the wire (DOMAIN.md §3); the console's form helpers around shared's yuan rule.

/** Largest amount accepted from a form: below 2^53 fen, so JSON numbers stay exact. */
export const MAX_FEN = Number.MAX_SAFE_INTEGER;

// One rule for the console and the mini-program (shared/src/fund/money.ts).
export { formatSignedYuan, formatYuan, parseYuan } from '@baotou/shared';

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
