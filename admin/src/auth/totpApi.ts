import { API_BASE, toHttpError } from '../dataProvider';
import type { SessionUser } from './session';

/** GET /api/auth/totp */
export type TotpStatus = { enrolled: boolean; enrolledAt: string | null; required: boolean; recoveryCodesLeft: number };
/** POST /api/auth/totp/confirm: the codes and a new session (every other one ends). */
export type TotpConfirmed = { recoveryCodes: string[]; token: string; user: SessionUser };

/** A second-factor call with `token` (the session's, or the enrolment token): the body, or the server's error. */
export async function totpCall<T>(path: '' | '/enroll' | '/confirm', token: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${API_BASE}/auth/totp${path}`, {
      method: path ? 'POST' : 'GET',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new Error('无法连接服务器，请检查网络');
  }
  const json = await res.json().catch(() => null);
  if (!res.ok) throw toHttpError(res.status, json, '两步验证操作失败');
  return json as T;
}
