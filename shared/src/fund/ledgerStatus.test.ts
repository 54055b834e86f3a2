import { firstDepositOwedFen, firstDepositRateFen, fundLedgerStatus, FUND_LEDGER_STATUSES, FUND_LEDGER_STATUS_LABELS } from './ledgerStatus';

const rates = { multiStorey: 5000, highRise: 8000 };

describe('DOMAIN.md §3 first-deposit rate by building height', () => {
  test.each([
    [6, 5000],
    [7, 8000],
    [null, 5000],
    [0, 5000],
  ])('%s floors → %i fen/m²', (floors, fen) => expect(firstDepositRateFen(floors, rates)).toBe(fen));
  test('refuses a fractional or negative floor count', () => {
    expect(() => firstDepositRateFen(2.5, rates)).toThrow(RangeError);
    expect(() => firstDepositRateFen(-1, rates)).toThrow(RangeError);
  });
});

describe('DOMAIN.md §3 / issue 16 §2: a home owing its first deposit', () => {
  test.each([
    ['never paid: the whole amount (89.50 m² × 50 元)', { firstDepositFen: 0, depositedFen: 0 }, 447500],
    ['part paid online: the rest', { firstDepositFen: 0, depositedFen: 100000 }, 347500],
    ['overpaid but not booked: nothing below 0', { firstDepositFen: 0, depositedFen: 500000 }, 0],
    ['first deposit booked: nothing owed', { firstDepositFen: 447500, depositedFen: 447500 }, 0],
  ])('%s', (_name, ledger, owed) => expect(firstDepositOwedFen(ledger, 8950, 5000)).toBe(owed));

  test.each([
    [{ firstDepositFen: 0, balanceFen: 0 }, 'first_deposit_owed'],
    [{ firstDepositFen: 100000, balanceFen: 29999 }, 'top_up_due'],
    [{ firstDepositFen: 100000, balanceFen: 30000 }, 'normal'],
  ] as const)('%j → %s', (ledger, status) => expect(fundLedgerStatus(ledger)).toBe(status));

  test('every status has a Chinese label', () => {
    for (const s of FUND_LEDGER_STATUSES) expect(FUND_LEDGER_STATUS_LABELS[s]).toMatch(/[\u4e00-\u9fa5]/);
  });
});
