import type { AuthProvider } from 'react-admin';
import { API_BASE, toHttpError } from '../dataProvider';
import { canAccess, STAFF_ROLES } from './canAccess';
import { checkError } from './checkError';
import { clearSession, getToken, getUser, saveSession, type SessionUser } from './session';

type LoginResponse = { token: string; user: SessionUser };

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    let res: Response;
    try {
      res = await fetch(`${API_BASE}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ username, password }),
      });
    } catch {
      throw new Error('无法连接服务器，请检查网络');
    }
    const body = await res.json().catch(() => null);
    if (!res.ok) throw toHttpError(res.status, body, '用户名或密码错误');
    const { token, user } = body as LoginResponse;
    if (!STAFF_ROLES.has(user.role)) throw new Error('该账号无权登录管理后台');
    saveSession(token, user);
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
