import Taro from '@tarojs/taro';

import { ApiError, clearToken, getToken, request, setToken } from './request';

export interface Resident {
  id: number;
  name: string;
  role: string;
}

interface Session {
  token: string;
  user: Resident;
}

const USER_KEY = 'user';
const DEV_OPENID_KEY = 'devOpenid';

export function isLoggedIn(): boolean {
  return !!getToken();
}

export function currentUser(): Resident | null {
  return Taro.getStorageSync(USER_KEY) || null;
}

export function logout(): void {
  clearToken();
  Taro.removeStorageSync(USER_KEY);
}

function save(session: Session): Resident {
  setToken(session.token);
  Taro.setStorageSync(USER_KEY, session.user);
  return session.user;
}

/** H5 only: whether the server offers the development login. */
export async function devLoginAvailable(): Promise<boolean> {
  const options = await request<{ devLogin: boolean }>('/auth/options', { auth: false, loading: false, toast: false });
  return !!options.devLogin;
}

// One stable openid per browser, so a tester stays the same resident across reloads.
function devOpenid(): string {
  let openid: string = Taro.getStorageSync(DEV_OPENID_KEY);
  if (!openid) {
    openid = `dev-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    Taro.setStorageSync(DEV_OPENID_KEY, openid);
  }
  return openid;
}

export async function devLogin(name?: string): Promise<Resident> {
  const openid = devOpenid();
  const session = await request<Session>('/auth/dev-login', {
    method: 'POST',
    data: { openid, name: name || `住户${openid.slice(-4)}` },
    auth: false,
    loading: false,
  });
  return save(session);
}

async function doLogin(): Promise<Resident> {
  if (process.env.TARO_ENV === 'h5') {
    // Taro.login resolves to undefined in a browser: only the development login exists here.
    if (!(await devLoginAvailable())) throw new ApiError('LOGIN_UNAVAILABLE', 401, '请在微信中打开小程序登录');
    return devLogin();
  }
  const { code } = await Taro.login();
  if (!code) throw new ApiError('WECHAT_LOGIN_FAILED', 401, '微信登录失败，请重试');
  const session = await request<Session>('/auth/wechat', { method: 'POST', data: { code }, auth: false, loading: false });
  return save(session);
}

// Several requests may hit 401 together; they share one login.
let pending: Promise<Resident> | null = null;

export function login(): Promise<Resident> {
  if (!pending)
    pending = doLogin().finally(() => {
      pending = null;
    });
  return pending;
}
