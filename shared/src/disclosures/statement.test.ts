import { fenToYuan, statementDifference, statementTotals } from './statement';

describe('DOMAIN.md §2–3 statements balance to the fen', () => {
  test.each([
    [
      'balanced',
      {
        openingFen: 100000,
        incomeLines: [{ label: '广告收入', amountFen: 50000 }],
        expenseLines: [{ label: '电梯维修', amountFen: 30000 }],
        closingFen: 120000,
      },
      0n,
    ],
    [
      'one fen short',
      {
        openingFen: 100000,
        incomeLines: [{ label: '广告收入', amountFen: 50000 }],
        expenseLines: [{ label: '电梯维修', amountFen: 30000 }],
        closingFen: 119999,
      },
      1n,
    ],
    ['one fen over', { openingFen: 0, incomeLines: [], expenseLines: [], closingFen: 1 }, -1n],
    [
      'beyond 2^53 fen in total stays exact',
      { openingFen: Number.MAX_SAFE_INTEGER, incomeLines: [{ label: 'a', amountFen: Number.MAX_SAFE_INTEGER }], expenseLines: [], closingFen: 0 },
      2n * BigInt(Number.MAX_SAFE_INTEGER),
    ],
  ])('%s', (_n, s, diff) => expect(statementDifference(s)).toBe(diff));

  test.each([
    [12345n, '123.45'],
    [5, '0.05'],
    [-150, '-1.50'],
    [0, '0.00'],
  ])('fenToYuan(%p) = %s', (fen, yuan) => expect(fenToYuan(fen)).toBe(yuan));
});

describe('statementTotals: what the forms and the published statement show (DOMAIN.md §2–3)', () => {
  const line = (amountFen: number) => ({ label: 'x', amountFen });
  test.each([
    [
      'balances',
      { openingFen: 10000, incomeLines: [line(5005)], expenseLines: [line(3000)], closingFen: 12005 },
      { income: 5005, expense: 3000, computed: 12005, incomeBalances: [15005], expenseBalances: [12005], difference: 0 },
    ],
    [
      'off by one fen',
      { openingFen: 0, incomeLines: [line(1)], expenseLines: [], closingFen: 0 },
      { income: 1, expense: 0, computed: 1, incomeBalances: [1], expenseBalances: [], difference: 1 },
    ],
    [
      'running balance line by line',
      { openingFen: 100, incomeLines: [line(50), line(25)], expenseLines: [line(100), line(75)], closingFen: 0 },
      { income: 75, expense: 175, computed: 0, incomeBalances: [150, 175], expenseBalances: [75, 0], difference: 0 },
    ],
    [
      'an unsafe amount counts as 0, never a float',
      { openingFen: 0, incomeLines: [line(0.5), line(2 ** 60)], expenseLines: [], closingFen: 0 },
      { income: 0, expense: 0, computed: 0, incomeBalances: [0, 0], expenseBalances: [], difference: 0 },
    ],
  ])('%s', (_label, s, totals) => expect(statementTotals(s)).toEqual(totals));
});
