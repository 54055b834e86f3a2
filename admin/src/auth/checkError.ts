import { clearSession } from './session';

export type ApiError = { status?: number; message?: string; body?: { code?: string } };

/**
 * authProvider.checkError: a 401 means the token is missing, expired or its session ended (the
 * account was disabled, or its role, region, company or password changed: SESSION_REVOKED), so the
 * session is cleared and the rejection makes react-admin show the login page, with the server's
 * reason where it helps. A 403 is a jurisdiction or role refusal: stay signed in.
 */
export async function checkError(error: ApiError): Promise<void> {
  if (error?.status === 401) {
    clearSession();
    const reason = error.body?.code === 'SESSION_REVOKED' || error.body?.code === 'TOKEN_EXPIRED' ? error.message : undefined;
    throw new Error(reason || 'ra.notification.logged_out');
  }
}
