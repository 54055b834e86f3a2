import { TICKET_STATUSES, type TicketStatus } from './enums';
import { autoConfirmAt, isAutoConfirmDue } from './confirmation';

const resolvedAt = new Date('2026-03-01T10:00:00+08:00');
const at = (iso: string) => new Date(iso);

describe('DOMAIN.md §6 automatic confirmation after the set number of days', () => {
  test.each<[number, string]>([
    [7, '2026-03-08T10:00:00+08:00'],
    [1, '2026-03-02T10:00:00+08:00'],
    [30, '2026-03-31T10:00:00+08:00'],
  ])('%i days after resolving → %s', (days, iso) => {
    expect(autoConfirmAt(resolvedAt, days)).toEqual(at(iso));
  });

  test.each<[string, boolean]>([
    ['2026-03-08T09:59:59+08:00', false], // one second before the 7 days are up
    ['2026-03-08T10:00:00+08:00', true], // the moment itself
    ['2026-04-01T00:00:00+08:00', true],
  ])('a resolved case at %s → due %s', (now, due) => {
    expect(isAutoConfirmDue({ status: 'resolved', resolvedAt }, at(now), 7)).toBe(due);
  });

  test('only a case waiting for its resident (resolved) is ever due', () => {
    const late = at('2027-01-01T00:00:00Z');
    for (const status of TICKET_STATUSES) {
      expect([status, isAutoConfirmDue({ status, resolvedAt }, late, 7)]).toEqual([status, status === ('resolved' as TicketStatus)]);
    }
    expect(isAutoConfirmDue({ status: 'resolved', resolvedAt: null }, late, 7)).toBe(false);
  });

  test.each([0, -1, 1.5, Number.NaN])('a setting of %p days throws', (days) => {
    expect(() => autoConfirmAt(resolvedAt, days)).toThrow(RangeError);
  });
});
