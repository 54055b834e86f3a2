export type ApiError = { status?: number; message?: string; body?: { code?: string } };

/**
 * authProvider.checkError: a 401 means the token is missing, expired or its session ended (the
 * account was disabled, or its role, region, company or password changed: SESSION_REVOKED). The
 * rejection makes react-admin notify the server's reason where it helps, then call
 * authProvider.logout (which clears the session) and show the login page. The session is not
 * cleared here: react-admin notifies only while still signed in. A 403 is a jurisdiction or role
 * refusal: stay signed in.
 */
export async function checkError(error: ApiError): Promise<void> {
  if (error?.status === 401) {
    const reason = error.body?.code === 'SESSION_REVOKED' || error.body?.code === 'TOKEN_EXPIRED' ? error.message : undefined;
    throw new Error(reason || 'ra.notification.logged_out');
  }
}
