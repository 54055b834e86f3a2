import { BILLING_CYCLES, BILLING_CYCLE_MONTHS, type BillingCycle } from './enums';

/**
 * DOMAIN.md §12 / research §6 rule 1: bill = fee per m² per month × area × months, in integer fen,
 * rounded half-up ONCE (never per month). The fee is kept as integer milli-fen per m² per month
 * (1.39 元 = 139 fen = 139000 milli-fen) and the area as integer centi-m², so
 * fen = round_half_up(milliFen × areaCenti × months / 100 000). The product runs in BigInt (it
 * passes 2^53 for large areas). Throws on a non-integer, negative or unsafe input.
 *
 * @param input.areaCenti the home's area (registered → surveyed → contract, DOMAIN.md §1), centi-m²
 * @param input.feeMilliFenPerM2Month the contract's fee, milli-fen per m² per month
 * @param input.months whole months billed (1..120)
 * @returns integer fen
 */
export function billFen(input: { areaCenti: number; feeMilliFenPerM2Month: number; months: number }): number {
  const { areaCenti, feeMilliFenPerM2Month, months } = input;
  assertCount('areaCenti', areaCenti);
  assertCount('feeMilliFenPerM2Month', feeMilliFenPerM2Month);
  if (!Number.isInteger(months) || months < 1 || months > 120) throw new RangeError(`billFen: months must be 1..120, got ${JSON.stringify(months)}`);
  const product = BigInt(areaCenti) * BigInt(feeMilliFenPerM2Month) * BigInt(months);
  const fen = (product * 2n + 100_000n) / 200_000n; // half-up: floor(x/100000 + 1/2)
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('billFen: amount beyond exact range');
  return Number(fen);
}

/** A flat monthly item (parking, other): monthlyFen × months, integer fen. Throws as billFen. */
export function flatBillFen(input: { monthlyFen: number; months: number }): number {
  assertCount('monthlyFen', input.monthlyFen);
  if (!Number.isInteger(input.months) || input.months < 1 || input.months > 120)
    throw new RangeError(`flatBillFen: months must be 1..120, got ${JSON.stringify(input.months)}`);
  const fen = input.monthlyFen * input.months;
  if (!Number.isSafeInteger(fen)) throw new RangeError('flatBillFen: amount beyond exact range');
  return fen;
}

function assertCount(name: string, v: number) {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative safe integer, got ${JSON.stringify(v)}`);
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM' → { year, month } (month 1..12); throws on anything else or a year outside 2000..2099. */
export function parseBillingMonth(period: string): { year: number; month: number } {
  const m = typeof period === 'string' ? MONTH.exec(period) : null;
  if (!m) throw new RangeError(`billing month must be YYYY-MM, got ${JSON.stringify(period)}`);
  const year = Number(m[1]);
  if (year < 2000 || year > 2099) throw new RangeError(`billing month out of range: ${period}`);
  return { year, month: Number(m[2]) };
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthIndex = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;

/**
 * The period a fee item bills when a run bills `period` (a month 'YYYY-MM'): the calendar month,
 * quarter or year containing it, per the item's cycle, starting no earlier than the month the item
 * starts (`startsOn`, 'YYYY-MM-DD': billing starts with that month). Months are whole months.
 * Returns null when the item has not started by the end of that period. A run in any month of a
 * quarter finds the same quarterly period, so billing it again bills nobody twice.
 *
 * @returns { periodStart, periodEnd } as 'YYYY-MM-DD' (inclusive) and `months` billed
 */
export function billingPeriod(cycle: BillingCycle, period: string, startsOn: string): { periodStart: string; periodEnd: string; months: number } | null {
  if (!BILLING_CYCLES.includes(cycle)) throw new RangeError(`unknown billing cycle ${JSON.stringify(cycle)}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startsOn)) throw new RangeError(`startsOn must be YYYY-MM-DD, got ${JSON.stringify(startsOn)}`);
  const { year, month } = parseBillingMonth(period);
  const span = BILLING_CYCLE_MONTHS[cycle];
  const firstMonth = Math.floor((month - 1) / span) * span + 1; // 1, 4, 7, 10 for quarters; 1 for years
  const endMonth = firstMonth + span - 1;
  const periodEnd = `${year}-${pad(endMonth)}-${pad(lastDay(year, endMonth))}`;
  let startIdx = year * 12 + firstMonth - 1;
  const itemIdx = monthIndex(startsOn);
  if (itemIdx > year * 12 + endMonth - 1) return null;
  if (itemIdx > startIdx) startIdx = itemIdx;
  const sy = Math.floor(startIdx / 12);
  const sm = (startIdx % 12) + 1;
  return { periodStart: `${sy}-${pad(sm)}-01`, periodEnd, months: year * 12 + endMonth - 1 - startIdx + 1 };
}

/** The first and last day of a billing month 'YYYY-MM'. */
export function monthBounds(period: string): { from: string; to: string } {
  const { year, month } = parseBillingMonth(period);
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDay(year, month))}` };
}
