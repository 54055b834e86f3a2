import { TICKET_STATUSES } from './enums';
import { STAFF_TODO_STATUSES, TICKET_PHASE_LABELS, countsAsClosed, statusesInPhase, ticketPhase } from './lifecycle';
import { TICKET_STATUS_LABELS } from './enums';

// DOMAIN.md §6; issue 16 §1: a rated case neither vanishes from the staff queue nor counts as closed.
describe('ticket lifecycle', () => {
  test.each([
    ['submitted', 'handling', true, false],
    ['accepted', 'handling', true, false],
    ['dispatched', 'handling', true, false],
    ['in_progress', 'handling', true, false],
    ['resolved', 'awaiting_rating', false, false],
    ['confirmed', 'awaiting_close', true, false],
    ['closed', 'closed', false, true],
  ])('%s → phase %s, staff to-do %s, counts as closed %s', (status, phase, todo, closed) => {
    expect(ticketPhase(status)).toBe(phase);
    expect(STAFF_TODO_STATUSES.includes(status as never)).toBe(todo);
    expect(countsAsClosed(status)).toBe(closed);
  });

  test('every status has exactly one phase', () => {
    const all = (['handling', 'awaiting_rating', 'awaiting_close', 'closed'] as const).flatMap(statusesInPhase);
    expect([...all].sort()).toEqual([...TICKET_STATUSES].sort());
  });

  test('the status labels say 待评价 and 已评价待办结 where they are', () => {
    expect(TICKET_STATUS_LABELS.resolved).toBe(TICKET_PHASE_LABELS.awaiting_rating);
    expect(TICKET_STATUS_LABELS.confirmed).toBe(TICKET_PHASE_LABELS.awaiting_close);
    expect(TICKET_STATUS_LABELS.confirmed).toBe('已评价待办结');
  });

  test.each(['open', '', 'CLOSED'])('an unknown status %j throws', (s) => expect(() => ticketPhase(s)).toThrow());
  test('an unknown phase throws', () => expect(() => statusesInPhase('done' as never)).toThrow());
});
