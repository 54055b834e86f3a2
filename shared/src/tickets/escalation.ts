import { TICKET_LEVELS, type TicketKind, type TicketLevel, type TicketStatus } from './enums';
import { isOpenStatus } from './transitions';

/** The level above, or undefined at the district (the top). DOMAIN.md §6: "moves up one level". */
export function nextLevel(level: TicketLevel): TicketLevel | undefined {
  const i = TICKET_LEVELS.indexOf(level);
  return i >= 0 && i < TICKET_LEVELS.length - 1 ? TICKET_LEVELS[i + 1] : undefined;
}

/** The level a new ticket starts at: repairs with the company serving the compound (else the community), other cases at the community unless staff choose higher. */
export function initialLevel(kind: TicketKind, hasCompany: boolean, chosen?: TicketLevel): TicketLevel {
  if (kind === 'repair') return hasCompany ? 'company' : 'community';
  return chosen && chosen !== 'company' ? chosen : 'community';
}

/** Overdue: still open and past the deadline that matters now (DOMAIN.md §6 "overruns its time limit"). */
export function isOverdue(t: { status: TicketStatus; dueAt: Date }, now: Date): boolean {
  return isOpenStatus(t.status) && t.dueAt.getTime() < now.getTime();
}

/** The scheduler moves an overdue case up one level; at the district it stays, flagged overdue. */
export function shouldEscalate(t: { status: TicketStatus; level: TicketLevel; dueAt: Date }, now: Date): boolean {
  return isOverdue(t, now) && nextLevel(t.level) !== undefined;
}

/**
 * A resident rejects a result (once): a complaint or dispute moves up one level to be mediated
 * again; a repair goes back to whoever handles it (a repair at the district, or any case at the
 * top, reopens where it is).
 */
export function afterReject(t: { kind: TicketKind; level: TicketLevel }): { level: TicketLevel; status: TicketStatus; escalated: boolean } {
  const up = t.kind === 'repair' ? undefined : nextLevel(t.level);
  if (up) return { level: up, status: 'submitted', escalated: true };
  return { level: t.level, status: t.kind === 'repair' && t.level === 'company' ? 'accepted' : 'submitted', escalated: false };
}

/** Whole seconds left before the deadline (negative when overdue). */
export function secondsLeft(dueAt: Date, now: Date): number {
  return Math.floor((dueAt.getTime() - now.getTime()) / 1000);
}
