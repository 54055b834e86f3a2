// A revoked session (issue 9 §3) must send the user to the login page: react-admin signs out and
// shows the login page when checkError rejects; a 403 must not sign anyone out.
const store = new Map<string, string>();
(globalThis as { localStorage?: unknown }).localStorage = {
  getItem: (k: string) => store.get(k) ?? null,
  setItem: (k: string, v: string) => void store.set(k, v),
  removeItem: (k: string) => void store.delete(k),
};

import { checkError } from './checkError';
import { getToken, saveSession } from './session';

const user = { id: 1, username: 'd150203', name: '昆都仑区住建局', role: 'district_staff', regionCode: '150203', companyId: null };

describe('authProvider.checkError (checkError.ts)', () => {
  // react-admin then notifies the message and calls authProvider.logout (clearSession) — see test/e2e/admin-session.
  test("401 SESSION_REVOKED: rejected with the server's reason", async () => {
    saveSession('old-token', user);
    await expect(checkError({ status: 401, message: '账号已变更或停用，请重新登录', body: { code: 'SESSION_REVOKED' } })).rejects.toThrow(
      '账号已变更或停用，请重新登录',
    );
  });

  test('401 TOKEN_INVALID: rejected with the generic notice', async () => {
    await expect(checkError({ status: 401, message: 'x', body: { code: 'TOKEN_INVALID' } })).rejects.toThrow('ra.notification.logged_out');
  });

  test('sibling: 403 (jurisdiction) keeps the session', async () => {
    saveSession('kept-token', user);
    await expect(checkError({ status: 403, message: '无权', body: { code: 'OUT_OF_JURISDICTION' } })).resolves.toBeUndefined();
    expect(getToken()).toBe('kept-token');
  });
});

describe('issue 17: an administrator-set password', () => {
  test('403 PASSWORD_CHANGE_REQUIRED: stays signed in and goes to 修改密码', async () => {
    saveSession('must-change-token', { ...user, mustChangePassword: true });
    const err = await checkError({ status: 403, message: '首次登录须先修改密码', body: { code: 'PASSWORD_CHANGE_REQUIRED' } }).catch((e) => e);
    expect(err).toMatchObject({ message: '首次登录须先修改密码', logoutUser: false, redirectTo: '/password' });
    expect(getToken()).toBe('must-change-token');
  });
});
