import Taro from '@tarojs/taro';

import { currentUser } from './auth';
import { ApiError, getToken, request, setToken } from './request';

/** A console account signed in on the phone (POST /api/auth/login's user). */
export interface StaffAccount {
  id: number;
  username: string;
  name: string;
  role: string;
}

/** The signed-in staff account when its role is one of `roles`, else null (a resident or no session). */
export function staffSession<U extends StaffAccount>(roles: readonly string[]): U | null {
  const u = currentUser() as unknown as U | null;
  return getToken() && u && roles.includes(u.role) ? u : null;
}

/**
 * Staff sign in with their console account (POST /api/auth/login); an account whose role is not
 * one of `roles` is refused with `refusal` (toasted, nothing kept). The token and user are kept
 * where the request wrapper and auth.ts keep the resident's, so the wrapper needs no change.
 */
export async function staffLoginAs<U extends StaffAccount>(
  username: string,
  password: string,
  roles: readonly string[],
  refusal: { code: string; message: string },
): Promise<U> {
  const session = await request<{ token: string; user: U }>('/auth/login', {
    method: 'POST',
    data: { username: username.trim(), password },
    auth: false,
    loading: '登录中',
  });
  if (!roles.includes(session.user.role)) {
    const e = new ApiError(refusal.code, 403, refusal.message);
    Taro.showToast({ title: e.message, icon: 'none', duration: 2500 });
    throw e;
  }
  setToken(session.token);
  Taro.setStorageSync('user', session.user);
  return session.user;
}
