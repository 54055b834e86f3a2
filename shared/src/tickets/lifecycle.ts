import { TICKET_STATUSES, type TicketStatus } from './enums';

/**
 * One ticket lifecycle read the same way by staff queues, residents and statistics (DOMAIN.md §6:
 * "a resolved case waits for the resident: confirm with a rating, reject once, or an automatic
 * confirmation … only then may it close"; issue 16 §1):
 *
 *   handling (待受理 … 处理中) → awaiting_rating (待评价) → awaiting_close (已评价待办结) → closed (已办结)
 *
 * Staff still have work in `handling` and in `awaiting_close` (write the answer, close): both are in
 * their to-do queue. Only `closed` counts as 办结 in statistics.
 */
export const TICKET_PHASES = ['handling', 'awaiting_rating', 'awaiting_close', 'closed'] as const;
export type TicketPhase = (typeof TICKET_PHASES)[number];

export const TICKET_PHASE_LABELS: Record<TicketPhase, string> = {
  handling: '办理中',
  awaiting_rating: '待评价',
  awaiting_close: '已评价待办结',
  closed: '已办结',
};

const PHASE_OF: Record<TicketStatus, TicketPhase> = {
  submitted: 'handling',
  accepted: 'handling',
  dispatched: 'handling',
  in_progress: 'handling',
  resolved: 'awaiting_rating',
  confirmed: 'awaiting_close',
  closed: 'closed',
};

/** The phase of a status. Throws on a value outside TICKET_STATUSES. */
export function ticketPhase(status: string): TicketPhase {
  const phase = (PHASE_OF as Record<string, TicketPhase | undefined>)[status];
  if (!phase) throw new Error(`unknown ticket status: ${status}`);
  return phase;
}

/** The statuses of one phase, in state-machine order. Throws on an unknown phase. */
export function statusesInPhase(phase: TicketPhase): TicketStatus[] {
  if (!(TICKET_PHASES as readonly string[]).includes(phase)) throw new Error(`unknown ticket phase: ${phase}`);
  return TICKET_STATUSES.filter((s) => PHASE_OF[s] === phase);
}

/** Phases in which the staff handling a case still have something to do (their queue, 待办). */
export const STAFF_TODO_PHASES: readonly TicketPhase[] = ['handling', 'awaiting_close'];

/** Statuses in the staff's to-do queue: handling, or confirmed by the resident and not yet closed. */
export const STAFF_TODO_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter((s) => STAFF_TODO_PHASES.includes(PHASE_OF[s]));

/** Counts as 办结 in statistics (closure rate numerator). Throws on an unknown status. */
export function countsAsClosed(status: string): boolean {
  return ticketPhase(status) === 'closed';
}
