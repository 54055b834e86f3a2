import type { TicketCategory, TicketKind, TicketLevel } from './enums';

/** Response (to accept) and completion (to resolve) limits, in minutes. */
export interface TimeLimit {
  responseMinutes: number;
  completionMinutes: number;
}

/**
 * The time-limit table (DOMAIN.md §6: "Time limits are settings"): defaults per kind and level,
 * with per-category overrides. The values live in config; this is only their shape and the rule.
 */
export interface TimeLimitTable {
  byKind: Record<TicketKind, Record<TicketLevel, TimeLimit>>;
  byCategory: Partial<Record<TicketCategory, Partial<Record<TicketLevel, TimeLimit>>>>;
}

const HOUR = 60;
const day = (n: number) => n * 24 * HOUR;
const mediation = {
  company: { responseMinutes: 4 * HOUR, completionMinutes: day(3) },
  community: { responseMinutes: day(1), completionMinutes: day(3) },
  street: { responseMinutes: day(1), completionMinutes: day(7) },
  district: { responseMinutes: day(2), completionMinutes: day(15) },
};

/** Defaults (local choices, not law): a repair answered within 2 h and done within a day. */
export const DEFAULT_TIME_LIMITS: TimeLimitTable = {
  byKind: {
    repair: { ...mediation, company: { responseMinutes: 2 * HOUR, completionMinutes: day(1) } },
    complaint: mediation,
    dispute: { ...mediation, community: { responseMinutes: day(1), completionMinutes: day(5) }, street: { responseMinutes: day(2), completionMinutes: day(10) }, district: { responseMinutes: day(3), completionMinutes: day(20) } },
  },
  byCategory: {
    // A stuck lift is a safety matter (DOMAIN.md §3 emergency repairs): half an hour to respond.
    elevator: { company: { responseMinutes: 30, completionMinutes: 8 * HOUR } },
    heating: { company: { responseMinutes: HOUR, completionMinutes: 12 * HOUR } },
  },
};

export function timeLimitFor(table: TimeLimitTable, kind: TicketKind, category: TicketCategory, level: TicketLevel): TimeLimit {
  return table.byCategory[category]?.[level] ?? table.byKind[kind][level];
}

export interface Deadlines {
  responseDueAt: Date;
  resolveDueAt: Date;
}

/** Deadlines counted from the moment a ticket arrives at a level (filing, or escalation). */
export function deadlinesFrom(table: TimeLimitTable, kind: TicketKind, category: TicketCategory, level: TicketLevel, from: Date): Deadlines {
  const l = timeLimitFor(table, kind, category, level);
  return {
    responseDueAt: new Date(from.getTime() + l.responseMinutes * 60_000),
    resolveDueAt: new Date(from.getTime() + l.completionMinutes * 60_000),
  };
}

/** The deadline that matters now: to accept while 待受理, to resolve after that. */
export function currentDueAt(status: string, d: Deadlines): Date {
  return status === 'submitted' ? d.responseDueAt : d.resolveDueAt;
}
