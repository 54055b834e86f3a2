/**
 * Working days for publicity and answer periods (DOMAIN.md §5: "published for comment (default 5
 * working days)", "answers within 20 working days"). Saturdays and Sundays are not working days;
 * the State Council's yearly holiday calendar is not modelled (a setting could add it), so a period
 * spanning a holiday ends early rather than late.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD as a calendar date (UTC midnight); throws RangeError on anything else. */
export function parseCalendarDate(value: string): Date {
  const m = DATE.exec(value);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${String(value)}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.toISOString().slice(0, 10) !== value) throw new RangeError(`not a calendar date: ${value}`);
  return d;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The date `days` working days after `from` (YYYY-MM-DD), e.g. Friday 2026-11-27 + 5 → Friday
 * 2026-12-04. `days` is an integer 0–400; 0 returns `from` itself. Throws RangeError otherwise.
 */
export function addWorkingDays(from: string, days: number): string {
  if (!Number.isInteger(days) || days < 0 || days > 400) throw new RangeError(`working days must be an integer 0–400, got ${String(days)}`);
  const d = parseCalendarDate(from);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return iso(d);
}

/**
 * The last day of an item valid for `years` from `from`: 2026-03-01 + 1 year → 2027-02-28 (the day
 * before the anniversary; 29 February's anniversary in a common year is 1 March). Throws RangeError
 * for a bad date or years outside 1–10.
 */
export function validUntilAfterYears(from: string, years: number): string {
  if (!Number.isInteger(years) || years < 1 || years > 10) throw new RangeError(`years must be an integer 1–10, got ${String(years)}`);
  const d = parseCalendarDate(from);
  const end = new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()));
  if (end.getUTCDate() !== d.getUTCDate()) end.setUTCDate(1); // 29 Feb → 1 Mar
  end.setUTCDate(end.getUTCDate() - 1);
  return iso(end);
}
