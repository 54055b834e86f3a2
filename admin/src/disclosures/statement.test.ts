import { formatYuan, statementTotals } from './statement';

describe('statement balance (issue 3: must balance to the fen)', () => {
  it('balances', () => {
    expect(
      statementTotals({ openingFen: 10000, incomeLines: [{ label: '停车', amountFen: 5005 }], expenseLines: [{ label: '保洁', amountFen: 3000 }], closingFen: 12005 }),
    ).toEqual({ income: 5005, expense: 3000, computed: 12005, difference: 0 });
  });
  it('shows the difference computed − stated', () => {
    expect(statementTotals({ openingFen: 0, incomeLines: [{ label: 'a', amountFen: 1 }], expenseLines: [], closingFen: 0 }).difference).toBe(1);
  });
  it.each([
    [123405, '1,234.05'],
    [-1, '-0.01'],
    [0, '0.00'],
  ])('%i fen → %s 元', (fen, text) => expect(formatYuan(fen)).toBe(text));
});
