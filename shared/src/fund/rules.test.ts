import {
  FUND_APPLICATION_STATUSES,
  earningsPeriodRefusal,
  firstDepositFen,
  isTopUpDue,
  nextFundStatus,
  type FundAction,
  type FundApplicationStatus,
} from './rules';

describe('DOMAIN.md §3 first deposit = area × per-m² amount', () => {
  test.each([
    [8950, 5000, 447500],
    [10001, 5000, 500050],
    [10001, 333, 33303],
    [12345, 8000, 987600],
  ])('%i centi-m² × %i fen/m² = %i fen', (area, rate, fen) => expect(firstDepositFen(area, rate)).toBe(fen));
  test('rounds half up to the fen', () => expect(firstDepositFen(150, 1)).toBe(2));
  test('refuses a non-positive area', () => expect(() => firstDepositFen(0, 5000)).toThrow(RangeError));
});

describe('DOMAIN.md §3 top-up when the balance falls below 30% of the first deposit', () => {
  test.each([
    [30000, 100000, false],
    [29999, 100000, true],
    [0, 100000, true],
    [0, 0, false],
  ])('balance %i of first deposit %i → due %s', (b, f, due) => expect(isTopUpDue(b, f)).toBe(due));
});

describe('DOMAIN.md §3 usage procedure as a state machine', () => {
  const normal: [FundApplicationStatus, FundAction, FundApplicationStatus | undefined][] = [
    ['draft', 'submit', 'voting'],
    ['voting', 'vote_passed', 'under_review'],
    ['voting', 'vote_failed', 'rejected'],
    ['voting', 'approve', undefined],
    ['under_review', 'approve', 'approved'],
    ['under_review', 'return', 'returned'],
    ['returned', 'submit', 'under_review'],
    ['approved', 'supervise', 'supervised'],
    ['approved', 'accept', undefined],
    ['approved', 'disburse', undefined],
    ['supervised', 'accept', 'accepted'],
    ['accepted', 'disburse', 'disbursed'],
    ['disbursed', 'disburse', undefined],
    ['rejected', 'submit', undefined],
  ];
  test.each(normal)('normal: %s --%s--> %s', (from, action, to) => expect(nextFundStatus(false, from, action)).toBe(to));

  const emergency: [FundApplicationStatus, FundAction, FundApplicationStatus | undefined][] = [
    ['draft', 'submit', 'under_review'],
    ['under_review', 'approve', 'approved'],
    ['approved', 'accept', 'accepted'],
    ['approved', 'supervise', 'supervised'],
    ['accepted', 'disburse', 'disbursed'],
    ['draft', 'vote_passed', undefined],
  ];
  test.each(emergency)('emergency (no vote): %s --%s--> %s', (from, action, to) => expect(nextFundStatus(true, from, action)).toBe(to));

  test('nothing leaves disbursed or rejected', () => {
    for (const a of ['submit', 'vote_passed', 'vote_failed', 'approve', 'return', 'supervise', 'accept', 'disburse'] as FundAction[]) {
      expect(nextFundStatus(false, 'disbursed', a)).toBeUndefined();
      expect(nextFundStatus(false, 'rejected', a)).toBeUndefined();
    }
    expect(FUND_APPLICATION_STATUSES).toContain('disbursed');
  });
});

describe('DOMAIN.md §3 earnings are credited for a period that has ended (no period end after today)', () => {
  test.each([
    ['2026-11-30', '2026-11-30', null],
    ['2026-11-29', '2026-11-30', null],
    ['2025-12-31', '2026-11-30', null],
    ['2026-12-01', '2026-11-30', 'PERIOD_IN_FUTURE'],
    ['2027-01-01', '2026-12-31', 'PERIOD_IN_FUTURE'],
    // the attack: a period end 73 years ahead was posted
    ['2099-12-02', '2026-11-30', 'PERIOD_IN_FUTURE'],
  ])('period end %s, today %s → %p', (end, today, code) => expect(earningsPeriodRefusal(end, today)).toBe(code));
  test.each([['2026-13-01'], ['20261130'], [''], ['2026-11-30T00:00']])('%p is not a day: throws', (bad) => {
    expect(() => earningsPeriodRefusal(bad, '2026-11-30')).toThrow(RangeError);
    expect(() => earningsPeriodRefusal('2026-11-30', bad)).toThrow(RangeError);
  });
});
