import { allocatePayment, billStatusFor } from './allocation';

const bills = [
  { id: 7, periodStart: '2026-10-01', owedFen: 10000 },
  { id: 3, periodStart: '2026-09-01', owedFen: 5000 },
  { id: 9, periodStart: '2026-10-01', owedFen: 2000 },
];

describe('allocatePayment — research §6 rule 5: oldest bill first', () => {
  test.each<[string, number, { billId: number; amountFen: number }[]]>([
    [
      'pays the oldest first, then by id within a period',
      17000,
      [
        { billId: 3, amountFen: 5000 },
        { billId: 7, amountFen: 10000 },
        { billId: 9, amountFen: 2000 },
      ],
    ],
    [
      'a partial payment stops part-way',
      6000,
      [
        { billId: 3, amountFen: 5000 },
        { billId: 7, amountFen: 1000 },
      ],
    ],
    ['one fen', 1, [{ billId: 3, amountFen: 1 }]],
    ['exactly the oldest bill', 5000, [{ billId: 3, amountFen: 5000 }]],
  ])('%s', (_n, amount, expected) => {
    expect(allocatePayment(bills, amount)).toEqual(expected);
  });

  test('a bill owing nothing receives nothing', () => {
    expect(
      allocatePayment(
        [
          { id: 1, periodStart: '2026-01-01', owedFen: 0 },
          { id: 2, periodStart: '2026-02-01', owedFen: 5 },
        ],
        5,
      ),
    ).toEqual([{ billId: 2, amountFen: 5 }]);
  });

  test.each<[string, number]>([
    ['more than owed', 17001],
    ['zero', 0],
    ['negative', -5],
    ['a fraction of a fen', 10.5],
  ])('%s is refused', (_n, amount) => {
    expect(() => allocatePayment(bills, amount)).toThrow(RangeError);
  });
});

describe('billStatusFor', () => {
  test.each<[number, number, string]>([
    [10000, 0, 'unpaid'],
    [10000, 1, 'partly_paid'],
    [10000, 10000, 'paid'],
    [0, 0, 'paid'],
  ])('%i owed, %i paid → %s', (amount, paid, status) => expect(billStatusFor(amount, paid)).toBe(status));
  test('paid beyond the amount is refused', () => expect(() => billStatusFor(100, 101)).toThrow(RangeError));
});
