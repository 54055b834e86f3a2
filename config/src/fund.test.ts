import { loadConfig } from './index';
import { DEFAULT_FUND_LIMITS } from './fund';

describe('fund limits (issue 9 §2: every amount bounded far below 2^53)', () => {
  test('defaults: 10^12 fen per amount, 10^13 fen per balance or total', () => {
    expect(loadConfig({}).fund.limits).toEqual({ maxPostingFen: 1e12, maxBalanceFen: 1e13 });
    expect(DEFAULT_FUND_LIMITS.maxBalanceFen + DEFAULT_FUND_LIMITS.maxPostingFen).toBeLessThan(Number.MAX_SAFE_INTEGER / 100);
  });

  test('FUND_MAX_POSTING_FEN and FUND_MAX_BALANCE_FEN set them', () => {
    expect(loadConfig({ FUND_MAX_POSTING_FEN: '500000', FUND_MAX_BALANCE_FEN: '9000000' }).fund.limits).toEqual({
      maxPostingFen: 500000,
      maxBalanceFen: 9000000,
    });
  });

  test.each([
    [{ FUND_MAX_POSTING_FEN: '0' }, /FUND_MAX_POSTING_FEN/],
    [{ FUND_MAX_POSTING_FEN: '1.5' }, /FUND_MAX_POSTING_FEN/],
    [{ FUND_MAX_BALANCE_FEN: '9007199254740992' }, /FUND_MAX_BALANCE_FEN/],
    // a posting larger than any balance may hold
    [{ FUND_MAX_POSTING_FEN: '1000', FUND_MAX_BALANCE_FEN: '999' }, /FUND_MAX_POSTING_FEN/],
    // a balance at its bound plus one posting would pass 2^53
    [{ FUND_MAX_POSTING_FEN: '4503599627370496', FUND_MAX_BALANCE_FEN: '4503599627370496' }, /2\^53/],
  ])('refused at start-up: %j', (env, message) => expect(() => loadConfig(env)).toThrow(message));
});
