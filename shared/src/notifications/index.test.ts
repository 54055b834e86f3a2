import { afterFailure, clipWechatValue, retryDelaySeconds } from './index';

describe('notification outbox retry (issue 16 §4)', () => {
  it.each([
    [1, 30, 30],
    [2, 30, 60],
    [3, 30, 120],
    [5, 30, 480],
    [30, 30, 86_400],
  ])('after %i failed attempts with base %is the wait is %is', (attempts, base, expected) => {
    expect(retryDelaySeconds(attempts, base)).toBe(expected);
  });

  it.each([
    [1, 5, false, { status: 'pending', delaySeconds: 30 }],
    [4, 5, false, { status: 'pending', delaySeconds: 240 }],
    [5, 5, false, { status: 'failed' }],
    [1, 5, true, { status: 'failed' }],
  ])('attempt %i of %i (permanent %s) → %j', (attempts, max, permanent, expected) => {
    expect(afterFailure(attempts, max, 30, permanent)).toEqual(expected);
  });

  it.each([[0], [-1], [1.5], [Number.NaN]])('refuses attempts %p', (bad) => {
    expect(() => retryDelaySeconds(bad, 30)).toThrow(RangeError);
  });
});

describe('WeChat template values', () => {
  it('keeps a value within the limit and cuts a longer one with …', () => {
    expect(clipWechatValue('已受理', 5)).toBe('已受理');
    expect(clipWechatValue('一二三四五六', 5)).toBe('一二三四…');
  });
});
