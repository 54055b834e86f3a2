export type ApiError = { status?: number; message?: string; body?: { code?: string } };

/** What react-admin does with a rejection that keeps the user signed in and sends them elsewhere. */
export class RedirectWithoutLogout extends Error {
  readonly logoutUser = false;
  constructor(
    message: string,
    readonly redirectTo: string,
  ) {
    super(message);
  }
}

/**
 * authProvider.checkError: a 401 means the token is missing, expired or its session ended (the
 * account was disabled, or its role, region, company or password changed: SESSION_REVOKED). The
 * rejection makes react-admin notify the server's reason where it helps, then call
 * authProvider.logout (which clears the session) and show the login page. The session is not
 * cleared here: react-admin notifies only while still signed in. A 403 is a jurisdiction or role
 * refusal: stay signed in (PASSWORD_CHANGE_REQUIRED: on the 修改密码 page).
 */
export async function checkError(error: ApiError): Promise<void> {
  // Issue 17: signed in with a password an administrator set — stay signed in, change it first.
  if (error?.status === 403 && error.body?.code === 'PASSWORD_CHANGE_REQUIRED') {
    throw new RedirectWithoutLogout(error.message || '首次登录须先修改密码', '/password');
  }
  if (error?.status === 401) {
    const reason = error.body?.code === 'SESSION_REVOKED' || error.body?.code === 'TOKEN_EXPIRED' ? error.message : undefined;
    throw new Error(reason || 'ra.notification.logged_out');
  }
}
