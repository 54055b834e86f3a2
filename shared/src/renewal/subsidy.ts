/**
 * Quasi-property subsidy (DOMAIN.md §4; action plan 四(四)2): area × rate of the enrolment year ×
 * months served, in integer fen, shared 1:1 by city and district with the odd fen to the city.
 */

/** Fen per m² per month in the 1st / 2nd / 3rd year of quasi-property management; none after. */
export const QUASI_SUBSIDY_RATES_FEN = [40, 30, 20] as const;

function assertCount(name: string, v: number, max?: number): bigint {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative integer, got ${String(v)}`);
  if (max !== undefined && v > max) throw new RangeError(`${name} must be at most ${max}, got ${v}`);
  return BigInt(v);
}

/** The rate in fen per m² per month for enrolment year 1, 2, 3 (40 / 30 / 20) and 0 from year 4. Throws RangeError below 1 or fractional. */
export function quasiSubsidyRateFen(enrolmentYear: number): number {
  assertCount('enrolmentYear', enrolmentYear);
  if (enrolmentYear < 1) throw new RangeError(`enrolmentYear starts at 1, got ${enrolmentYear}`);
  return QUASI_SUBSIDY_RATES_FEN[enrolmentYear - 1] ?? 0;
}

/**
 * `{ areaCenti, enrolmentYear, months }` → `{ totalFen, cityFen, districtFen }`.
 * areaCenti: floor area in hundredths of m² (integer ≥ 0); enrolmentYear: 1-based year of quasi-property
 * management; months: months served in that year, 0–12.
 * totalFen = areaCenti × rate × months / 100, rounded half up once (computed in BigInt);
 * cityFen = ⌈total / 2⌉, districtFen = ⌊total / 2⌋.
 * Throws RangeError on negative or fractional inputs, enrolmentYear < 1, months > 12, or a total beyond 2^53.
 */
export function quasiSubsidy(input: { areaCenti: number; enrolmentYear: number; months: number }): { totalFen: number; cityFen: number; districtFen: number } {
  const area = assertCount('areaCenti', input.areaCenti);
  const months = assertCount('months', input.months, 12);
  const rate = BigInt(quasiSubsidyRateFen(input.enrolmentYear));
  const numerator = area * rate * months;
  const total = (numerator * 2n + 100n) / 200n; // half up: ⌊(n/100) + 1/2⌋
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('subsidy total exceeds 2^53 fen');
  const city = (total + 1n) / 2n;
  return { totalFen: Number(total), cityFen: Number(city), districtFen: Number(total - city) };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function parts(date: string, name: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`${name} must be YYYY-MM-DD, got ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}
function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * The enrolment year (1-based) that calendar year `year` is for an enrolment starting on `startDate`
 * ('YYYY-MM-DD'): the calendar year of the start is year 1 [D: the subsidy is paid yearly by calendar
 * year, 四(四)2]. Returns 0 for a year before the start.
 */
export function enrolmentYearIn(startDate: string, year: number): number {
  const [y] = parts(startDate, 'startDate');
  return year < y ? 0 : year - y + 1;
}

/**
 * Whole calendar months of `year` served by an enrolment from `startDate` to `endDate` (inclusive,
 * null = open), 0–12. A month counts when served from its first to its last day [D: a part month is
 * not a month served]: a start on the 1st counts its month, an end on the month's last day counts its month.
 */
export function monthsServedIn(startDate: string, endDate: string | null, year: number): number {
  const [sy, sm, sd] = parts(startDate, 'startDate');
  let first = sy < year ? 1 : sy > year ? 13 : sd === 1 ? sm : sm + 1;
  let last = 12;
  if (endDate) {
    const [ey, em, ed] = parts(endDate, 'endDate');
    last = ey > year ? 12 : ey < year ? 0 : ed === lastDay(ey, em) ? em : em - 1;
  }
  if (first < 1) first = 1;
  return Math.max(0, last - first + 1);
}
