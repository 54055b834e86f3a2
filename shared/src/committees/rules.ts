import { COMMITTEE_KINDS, COMMITTEE_STATUSES, type CommitteeAlert, type CommitteeKind, type CommitteeStatus } from './enums';

/**
 * 业主大会和业主委员会指导规则 (建房〔2009〕274号), DOMAIN.md §2. Dates are ISO "YYYY-MM-DD"
 * strings compared as text (same format, so text order is date order).
 */

/** An owners' committee has 5–11 members, an odd number. */
export function isValidCommitteeSize(members: number): boolean {
  return members >= 5 && members <= 11 && members % 2 === 1;
}

/** Calendar arithmetic on ISO dates without time zones: add months, clamped to the month's end. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * 86400000).toISOString().slice(0, 10);
}

/** The first day of the quarter before the one `today` is in. */
export function previousQuarterStart(today: string): string {
  const [y, m] = today.split('-').map(Number);
  const q = Math.floor((m - 1) / 3);
  const startMonth = q * 3 + 1;
  return addMonths(`${y}-${String(startMonth).padStart(2, '0')}-01`, -3);
}

export interface CommitteeFacts {
  kind: CommitteeKind;
  status: CommitteeStatus;
  electedAt: string | null;
  termEnd: string | null;
  filedAt: string | null;
  memberCount: number;
  /** Date of the latest published fund or income statement. */
  lastStatementAt: string | null;
}

/**
 * What the console flags for a committee (DOMAIN.md §2): re-election is organised 3 months before
 * the term ends; filing is due within 30 days of election; fund and public-income accounts are
 * published every quarter (setting); an in-office committee has 5–11 members, odd.
 * Throws on a kind or status outside its enum (an unknown value must not silently mean "no alert").
 */
export function committeeAlerts(c: CommitteeFacts, today: string, opts = { reelectionMonths: 3, filingDays: 30 }): CommitteeAlert[] {
  if (!(COMMITTEE_KINDS as readonly string[]).includes(c.kind)) throw new Error(`组织类型 ${String(c.kind)} 不在可选范围内`);
  if (!(COMMITTEE_STATUSES as readonly string[]).includes(c.status)) throw new Error(`组织状态 ${String(c.status)} 不在可选范围内`);
  if (c.status !== 'in_office' || c.kind === 'preparatory') return [];
  const alerts: CommitteeAlert[] = [];
  if (c.termEnd && addMonths(c.termEnd, -opts.reelectionMonths) <= today) alerts.push('TERM_ENDING');
  if (!c.filedAt && c.electedAt && addDays(c.electedAt, opts.filingDays) < today) alerts.push('NOT_FILED');
  if (!c.lastStatementAt || c.lastStatementAt < previousQuarterStart(today)) alerts.push('NO_DISCLOSURE');
  if (c.kind === 'owners_committee' && !isValidCommitteeSize(c.memberCount)) alerts.push('BAD_SIZE');
  return alerts;
}

/** Formation rate in per mille, rounded down, and whether it meets a target percentage, exactly. */
export function formationRate(withCommittee: number, residential: number, targetPct: number | undefined) {
  const ratePermille = residential === 0 ? 0 : Math.floor((withCommittee * 1000) / residential);
  const met = targetPct === undefined ? null : residential > 0 && withCommittee * 100 >= residential * targetPct;
  return { ratePermille, met };
}
