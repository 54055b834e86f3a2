import { monthChoices, yuan } from './choices';

describe('billing months (Beijing calendar), newest first', () => {
  test.each([
    ['a December evening in Beijing', '2026-12-01T14:00:00Z', '2026-12', '2026-11'],
    ['New Year in Beijing is still 31 December in UTC', '2026-12-31T16:30:00Z', '2027-01', '2026-12'],
    ['January', '2027-01-15T02:00:00Z', '2027-01', '2026-12'],
    ['November', '2026-11-30T03:00:00Z', '2026-11', '2026-10'],
  ])('%s', (_label, iso, first, second) => {
    const months = monthChoices(new Date(iso));
    expect(months.slice(0, 2).map((m) => m.id)).toEqual([first, second]);
    expect(months).toHaveLength(25);
  });
  test('labels in Chinese', () => expect(monthChoices(new Date('2026-12-01T14:00:00Z'))[0]).toEqual({ id: '2026-12', name: '2026年12月' }));
});

test('yuan: exact, grouped, with the unit', () => {
  expect([yuan(123456789), yuan(-5), yuan(null)]).toEqual(['1,234,567.89 元', '-0.05 元', '—']);
});
