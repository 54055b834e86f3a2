import { formatYuan } from '../fund/money';
import { formatBasisPoints } from '../fees/collection';
import type { ExportColumn } from './columns';

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-07 23:18" — Beijing time (UTC+8, no daylight saving) of an instant; '' for no value or an unreadable one. */
export function beijingMinute(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const b = new Date(d.getTime() + BEIJING_OFFSET_MS);
  return `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}

/** Seconds to a deadline as the ticket queue shows it: "1 天 2 小时", "3 小时 5 分", "超时 12 分"; '—' for none. */
export function formatTimeLeft(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const abs = Math.abs(seconds);
  const d = Math.floor(abs / 86400);
  const h = Math.floor((abs % 86400) / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const text = d ? `${d} 天 ${h} 小时` : h ? `${h} 小时 ${m} 分` : `${m} 分`;
  return seconds < 0 ? `超时 ${text}` : text;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A presented value written by its type (kind 'value'): 是/否, a number, Beijing time for an instant, else text. */
function valueCell(value: unknown): string | number {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (value instanceof Date) return beijingMinute(value);
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? beijingMinute(value) : value;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** An integer (fen, tenths, basis points) from a presented number or numeric text; null when it is not one. */
function integerOf(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * The value written in `column`'s cell for a presented value (issue 15; the console's former
 * client-side export wrote the same). `refName` is the referenced row's name for ref columns; `row`
 * the whole presented row, for format columns.
 * Returns a string, a number, or '' for nothing.
 */
export function exportCell(column: ExportColumn, value: unknown, refName?: string, row: Readonly<Record<string, unknown>> = {}): string | number {
  if (column.kind === 'format') return column.format!(value, row);
  if (column.kind === 'timeLeft') return formatTimeLeft(typeof value === 'number' ? value : value == null ? null : Number(value));
  if (value === null || value === undefined || value === '') return '';
  switch (column.kind) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? n : String(value);
    }
    case 'enum':
      return column.labels?.[String(value)] ?? String(value);
    case 'bool':
      return value === true || value === 'true' ? '是' : '否';
    case 'datetime':
      return beijingMinute(value as Date | string);
    case 'ref':
      return refName ?? String(value);
    case 'value':
      return valueCell(value);
    case 'codes':
      return (Array.isArray(value) ? value : [value]).map((code) => column.labels?.[String(code)] ?? String(code)).join('、');
    case 'yuan': {
      const fen = integerOf(value);
      return fen === null ? String(value) : Number(formatYuan(fen, { grouping: false }));
    }
    case 'tenths': {
      const tenths = integerOf(value);
      return tenths === null ? String(value) : Number((tenths / 10).toFixed(1));
    }
    case 'basisPoints': {
      const bp = integerOf(value);
      return bp === null ? String(value) : formatBasisPoints(bp);
    }
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
