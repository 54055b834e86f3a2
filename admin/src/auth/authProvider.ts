import type { AuthProvider } from 'react-admin';
import { API_BASE, toHttpError } from '../dataProvider';
import { canAccess, STAFF_ROLES } from './canAccess';
import { checkError } from './checkError';
import { clearSession, getToken, getUser, saveSession, type SessionUser } from './session';

type LoginResponse = { token: string; user: SessionUser } | { totpEnrolmentRequired: true; enrolmentToken: string; user: SessionUser };

/** Sign-in stopped for a second factor: the login form asks for the code, or shows enrolment (issue 17). */
export class SecondFactorStep extends Error {
  constructor(
    readonly step: 'otp' | 'enrol',
    message: string,
    readonly enrolmentToken?: string,
  ) {
    super(message);
  }
}

export const authProvider: AuthProvider = {
  /**
   * `otp`: the authenticator's code (or a recovery code) when the server asked for one. `session`:
   * the session a second-factor enrolment returned, signed in without asking again.
   */
  async login({ username, password, otp, session }: { username: string; password: string; otp?: string; session?: { token: string; user: SessionUser } }) {
    if (session) {
      saveSession(session.token, session.user);
      return session.user.mustChangePassword ? { redirectTo: '/password' } : undefined;
    }
    let res: Response;
    try {
      res = await fetch(`${API_BASE}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ username, password, ...(otp ? { otp } : {}) }),
      });
    } catch {
      throw new Error('无法连接服务器，请检查网络');
    }
    const body = await res.json().catch(() => null);
    if (res.status === 401 && body?.error?.code === 'OTP_REQUIRED') throw new SecondFactorStep('otp', body.error.message);
    if (!res.ok) throw toHttpError(res.status, body, '用户名或密码错误');
    const signedIn = body as LoginResponse;
    if (!STAFF_ROLES.has(signedIn.user.role)) throw new Error('该账号无权登录管理后台');
    if ('totpEnrolmentRequired' in signedIn) throw new SecondFactorStep('enrol', '首次登录须设置两步验证', signedIn.enrolmentToken);
    saveSession(signedIn.token, signedIn.user);
    // Issue 17: a password an administrator set is changed before anything else.
    if (signedIn.user.mustChangePassword) return { redirectTo: '/password' };
  },

  async logout() {
    clearSession();
  },

  async checkAuth() {
    if (!getToken()) throw new Error('ra.auth.auth_check_error');
  },

  checkError,

  async getIdentity() {
    const user = getUser();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { id: user.id, fullName: user.name || user.username };
  },

  async getPermissions() {
    return getUser()?.role ?? null;
  },

  async canAccess({ action, resource }) {
    return canAccess(getUser()?.role, { action, resource });
  },
};
