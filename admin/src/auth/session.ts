// The logged-in staff member, kept in localStorage so a reload stays signed in.

export type SessionUser = {
  id: number | string;
  username: string;
  name: string;
  role: string;
  regionCode: string | null;
  companyId: number | string | null;
  /** The password was set by an administrator: the console shows only 修改密码 until it is changed (issue 17). */
  mustChangePassword?: boolean;
};

const TOKEN_KEY = 'baotou.admin.token';
const USER_KEY = 'baotou.admin.user';

export const getToken = (): string | null => localStorage.getItem(TOKEN_KEY);

export const getUser = (): SessionUser | null => {
  const raw = localStorage.getItem(USER_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as SessionUser;
  } catch {
    return null;
  }
};

export const saveSession = (token: string, user: SessionUser) => {
  localStorage.setItem(TOKEN_KEY, token);
  localStorage.setItem(USER_KEY, JSON.stringify(user));
};

/**
 * A renewed token from the server (X-Session-Token: staff sessions slide while in use and end
 * after STAFF_IDLE_SECONDS without a request, issue 17). Ignored once signed out.
 */
export const renewToken = (token: string) => {
  if (getToken()) localStorage.setItem(TOKEN_KEY, token);
};

export const clearSession = () => {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(USER_KEY);
};

/** Headers for requests made outside the dataProvider (QR code image, workflow actions). */
export const authHeaders = (): Record<string, string> => {
  const token = getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
};
