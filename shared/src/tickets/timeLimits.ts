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

export type DeadlineKind = 'response' | 'resolve';

/**
 * Each deadline by its name, wherever a time left is shown beside it (issue 16 §2: "剩余 1 小时 59 分"
 * must say which limit it counts down to): 响应时限 to accept, 办结时限 to resolve.
 */
export const DEADLINE_LABELS: Record<DeadlineKind, string> = { response: '响应时限', resolve: '办结时限' };

/** The deadline that matters now: to accept (response) while 待受理, to resolve after that. */
export function currentDeadlineKind(status: string): DeadlineKind {
  return status === 'submitted' ? 'response' : 'resolve';
}

/** The deadline that matters now: to accept while 待受理, to resolve after that. */
export function currentDueAt(status: string, d: Deadlines): Date {
  return currentDeadlineKind(status) === 'response' ? d.responseDueAt : d.resolveDueAt;
}
