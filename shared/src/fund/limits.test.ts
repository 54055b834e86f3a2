import { amountOutOfRange, balanceOutOfRange } from './limits';

const limits = { maxPostingFen: 1_000_000_000_000, maxBalanceFen: 10_000_000_000_000 };

describe('issue 9 §2 / DOMAIN.md §3: every amount within ±maxPostingFen', () => {
  test.each([
    [0, null],
    [1, null],
    [1_000_000_000_000, null],
    [-1_000_000_000_000, null],
    [1_000_000_000_001, 'AMOUNT_TOO_LARGE'],
    [-1_000_000_000_001, 'AMOUNT_TOO_LARGE'],
    // the top-up: valid JSON, a safe integer, and 9,000 times the bound
    [9007199244740991, 'AMOUNT_TOO_LARGE'],
    [Number.MAX_SAFE_INTEGER + 2, 'AMOUNT_TOO_LARGE'],
    [1e300, 'AMOUNT_TOO_LARGE'],
  ])('%p fen → %p', (fen, code) => expect(amountOutOfRange(fen, limits)).toBe(code));
});

describe('issue 9 §2 / DOMAIN.md §3: every resulting balance or total within ±maxBalanceFen', () => {
  test.each([
    [0, null],
    [10_000_000_000_000, null],
    [-10_000_000_000_000, null],
    [10_000_000_000_001, 'BALANCE_OUT_OF_RANGE'],
    // two of the top-ups on one account: past 2^53, where fen are lost
    [9007199244740991 * 2, 'BALANCE_OUT_OF_RANGE'],
  ])('%p fen → %p', (fen, code) => expect(balanceOutOfRange(fen, limits)).toBe(code));
});

describe('a value that is not an integer is a caller error, not a range', () => {
  test.each([[1.5], [NaN], [Infinity], [-Infinity]])('%p throws', (fen) => {
    expect(() => amountOutOfRange(fen, limits)).toThrow(RangeError);
    expect(() => balanceOutOfRange(fen, limits)).toThrow(RangeError);
  });
});
