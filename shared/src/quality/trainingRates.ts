/**
 * Staff training rates (action plan 三 targets; DOMAIN.md §13; research domain-2026-11 §7 rules 1, 2, 4).
 * No official definition was found, so the two knobs are settings (config/src/qualityWorkforce.ts).
 */

/** A staff member as the rates need them. Dates are Beijing calendar days 'YYYY-MM-DD'; leftOn is the last day employed. */
export interface RateStaff {
  id: number;
  hiredOn: string;
  leftOn: string | null;
  specialist: boolean;
}

/** A training record as the rates need it; hours in tenths of an hour (integer, 1..240). */
export interface RateTraining {
  staffId: number;
  kind: 'pre_job' | 'continuing' | 'skills_contest';
  trainedOn: string;
  hoursTenths: number;
}

export interface TrainingRateSettings {
  /** A pre-job training counts when dated no later than the start date + this many days (0 = on the start date). */
  preJobGraceDays: number;
  /** Continuing education needed in the year, tenths of an hour (default 240 = 24 h). */
  continuingHoursTenths: number;
}

/** Integer pairs, never a ratio: pre-job trained ÷ hired in the year; specialists qualified ÷ specialists on 31 December. */
export interface TrainingRates {
  preJob: { trained: number; hired: number };
  continuing: { qualified: number; specialists: number };
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** 'YYYY-MM-DD' + n days, in calendar days (no time zone involved). Throws on a malformed date. */
export function addDaysIso(iso: string, days: number): string {
  if (!ISO.test(iso)) throw new RangeError(`日期无效: ${iso}`);
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`日期无效: ${iso}`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function checkSettings(s: TrainingRateSettings) {
  if (!Number.isSafeInteger(s.preJobGraceDays) || s.preJobGraceDays < 0) throw new RangeError('preJobGraceDays must be a non-negative integer');
  if (!Number.isSafeInteger(s.continuingHoursTenths) || s.continuingHoursTenths <= 0) throw new RangeError('continuingHoursTenths must be a positive integer');
}

/**
 * The training rates of a set of staff for year `year` (DOMAIN.md §13):
 * - pre-job: staff hired in the year (hiredOn in the year, whether or not they have left since) with a
 *   pre-job training dated on or before hiredOn + preJobGraceDays ÷ staff hired in the year;
 * - continuing: specialist staff employed on 31 December (hiredOn ≤ Dec 31 and leftOn empty or ≥ Dec 31)
 *   whose continuing-education hours dated in the year sum to ≥ continuingHoursTenths ÷ those staff.
 * Counts are head counts, so rates over several companies are the sums of their pairs (never an
 * average of ratios). Trainings of staff not in `staff` are ignored.
 * Throws RangeError on a bad year, settings or date.
 */
export function trainingRates(staff: readonly RateStaff[], trainings: readonly RateTraining[], year: number, settings: TrainingRateSettings): TrainingRates {
  if (!Number.isSafeInteger(year) || year < 1900 || year > 2100) throw new RangeError(`year out of range: ${year}`);
  checkSettings(settings);
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const byStaff = new Map<number, RateTraining[]>();
  for (const t of trainings) {
    const list = byStaff.get(t.staffId);
    if (list) list.push(t);
    else byStaff.set(t.staffId, [t]);
  }
  const out: TrainingRates = { preJob: { trained: 0, hired: 0 }, continuing: { qualified: 0, specialists: 0 } };
  for (const s of staff) {
    const own = byStaff.get(s.id) ?? [];
    if (s.hiredOn >= first && s.hiredOn <= last) {
      out.preJob.hired++;
      const deadline = addDaysIso(s.hiredOn, settings.preJobGraceDays);
      if (own.some((t) => t.kind === 'pre_job' && t.trainedOn <= deadline)) out.preJob.trained++;
    }
    if (s.specialist && s.hiredOn <= last && (s.leftOn === null || s.leftOn >= last)) {
      out.continuing.specialists++;
      let tenths = 0;
      for (const t of own) if (t.kind === 'continuing' && t.trainedOn >= first && t.trainedOn <= last) tenths += t.hoursTenths;
      if (tenths >= settings.continuingHoursTenths) out.continuing.qualified++;
    }
  }
  return out;
}

/** Sum of rate pairs (head counts add; ratios never averaged). */
export function addTrainingRates(a: TrainingRates, b: TrainingRates): TrainingRates {
  return {
    preJob: { trained: a.preJob.trained + b.preJob.trained, hired: a.preJob.hired + b.preJob.hired },
    continuing: { qualified: a.continuing.qualified + b.continuing.qualified, specialists: a.continuing.specialists + b.continuing.specialists },
  };
}

/** Whether part ÷ whole reaches a target percent, in integers; an empty denominator reaches nothing. */
export function meetsPercent(part: number, whole: number, targetPct: number): boolean {
  return whole > 0 && part * 100 >= targetPct * whole;
}

/** Basis points (1/100 of a percent), rounded down, for display; null when the denominator is 0. */
export function rateBasisPoints(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.floor((part * 10000) / whole);
}

/** '83.33%' from a pair, or '—' when nobody is counted. */
export function formatRate(part: number, whole: number): string {
  const bp = rateBasisPoints(part, whole);
  if (bp === null) return '—';
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

/** Certificates: 'expired' before today, 'expiring' within `days` from today (inclusive), else null. */
export function certificateFlag(expiresOn: string | null | undefined, today: string, days: number): 'expired' | 'expiring' | null {
  if (!expiresOn) return null;
  if (expiresOn < today) return 'expired';
  return expiresOn <= addDaysIso(today, days) ? 'expiring' : null;
}
