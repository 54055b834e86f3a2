import { fenToYuan, statementDifference } from './statement';

describe('DOMAIN.md §2–3 statements balance to the fen', () => {
  test.each([
    ['balanced', { openingFen: 100000, incomeLines: [{ label: '广告收入', amountFen: 50000 }], expenseLines: [{ label: '电梯维修', amountFen: 30000 }], closingFen: 120000 }, 0n],
    ['one fen short', { openingFen: 100000, incomeLines: [{ label: '广告收入', amountFen: 50000 }], expenseLines: [{ label: '电梯维修', amountFen: 30000 }], closingFen: 119999 }, 1n],
    ['one fen over', { openingFen: 0, incomeLines: [], expenseLines: [], closingFen: 1 }, -1n],
    ['beyond 2^53 fen in total stays exact', { openingFen: Number.MAX_SAFE_INTEGER, incomeLines: [{ label: 'a', amountFen: Number.MAX_SAFE_INTEGER }], expenseLines: [], closingFen: 0 }, 2n * BigInt(Number.MAX_SAFE_INTEGER)],
  ])('%s', (_n, s, diff) => expect(statementDifference(s)).toBe(diff));

  test.each([
    [12345n, '123.45'],
    [5, '0.05'],
    [-150, '-1.50'],
    [0, '0.00'],
  ])('fenToYuan(%p) = %s', (fen, yuan) => expect(fenToYuan(fen)).toBe(yuan));
});
