import { loadConfig } from './index';
import { DEFAULT_TIME_LIMITS } from './tickets';

describe('ticket settings (DOMAIN.md §6: time limits are settings)', () => {
  test('defaults', () => {
    const c = loadConfig({ DATA_DIR: '/srv/bt' });
    expect(c.tickets.timeLimits).toEqual(DEFAULT_TIME_LIMITS);
    expect(c.tickets.escalationIntervalSeconds).toBe(300);
    // DOMAIN.md §6: a resolved case is confirmed automatically after 7 days by default
    expect(c.tickets.autoConfirmDays).toBe(7);
  });

  test('TICKET_AUTO_CONFIRM_DAYS sets the wait; a non-positive or fractional value is refused at start-up', () => {
    expect(loadConfig({ TICKET_AUTO_CONFIRM_DAYS: '15' }).tickets.autoConfirmDays).toBe(15);
    for (const bad of ['0', '-3', '2.5', 'seven', '91']) expect(() => loadConfig({ TICKET_AUTO_CONFIRM_DAYS: bad })).toThrow(/TICKET_AUTO_CONFIRM_DAYS/);
  });

  test('TICKET_TIME_LIMITS overrides parts of the table', () => {
    const c = loadConfig({
      TICKET_TIME_LIMITS: JSON.stringify({
        byKind: { complaint: { community: { completionMinutes: 60 } } },
        byCategory: { elevator: { company: { responseMinutes: 15 } }, fees: { community: { responseMinutes: 10, completionMinutes: 20 } } },
      }),
    });
    expect(c.tickets.timeLimits.byKind.complaint.community).toEqual({ responseMinutes: 1440, completionMinutes: 60 });
    expect(c.tickets.timeLimits.byCategory.elevator?.company).toEqual({ responseMinutes: 15, completionMinutes: 480 });
    expect(c.tickets.timeLimits.byCategory.fees?.community).toEqual({ responseMinutes: 10, completionMinutes: 20 });
    // the defaults themselves are untouched
    expect(DEFAULT_TIME_LIMITS.byKind.complaint.community.completionMinutes).toBe(4320);
  });

  test.each([
    ['not json', /不是有效的JSON/],
    [JSON.stringify({ byKind: { nope: {} } }), /未知类型/],
    [JSON.stringify({ byKind: { repair: { moon: { responseMinutes: 1 } } } }), /未知层级/],
    [JSON.stringify({ byCategory: { fees: { street: { responseMinutes: 5 } } } }), /须同时给出/],
    [JSON.stringify({ byKind: { repair: { company: { responseMinutes: -1 } } } }), /TICKET_TIME_LIMITS/],
  ])('bad TICKET_TIME_LIMITS %s is refused at start-up', (raw, message) => {
    expect(() => loadConfig({ TICKET_TIME_LIMITS: raw })).toThrow(message);
  });
});
