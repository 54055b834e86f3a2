import { shouldRetry } from './queryClient';

/** The shape of react-admin's HttpError: a message, a status and the body. */
const httpError = (message: string, status: number, body: object) => Object.assign(new Error(message), { status, body });

describe('shouldRetry (no retry of a refused query)', () => {
  it.each([
    { label: '403 FORBIDDEN', error: httpError('无权访问', 403, { code: 'FORBIDDEN' }), count: 0, expected: false },
    { label: '403 PASSWORD_CHANGE_REQUIRED', error: httpError('首次登录须先修改密码', 403, { code: 'PASSWORD_CHANGE_REQUIRED' }), count: 0, expected: false },
    { label: '400', error: httpError('参数错误', 400, {}), count: 0, expected: false },
    { label: '401', error: httpError('未登录', 401, {}), count: 0, expected: false },
    { label: '500', error: httpError('服务器错误', 500, {}), count: 0, expected: true },
    { label: '503', error: httpError('服务器错误', 503, {}), count: 2, expected: true },
    { label: '500', error: httpError('服务器错误', 500, {}), count: 3, expected: false },
    { label: 'network', error: new TypeError('Failed to fetch'), count: 0, expected: true },
    { label: 'unknown', error: null, count: 1, expected: true },
  ])('$label after $count failures → $expected', ({ error, count, expected }) => {
    expect(shouldRetry(count, error)).toBe(expected);
  });
});
