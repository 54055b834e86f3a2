import type { Role } from '@baotou/shared';

/** Who is acting: carried in the JWT, so no database read is needed per request. */
export interface Actor {
  id: number;
  name: string;
  role: Role;
  /** Staff: the region they answer for (company staff: none). */
  regionCode?: string;
  companyId?: number;
  /** Signed in with a password an administrator set: refused everywhere but /api/auth/* until changed (issue 17). */
  mustChangePassword?: boolean;
  /**
   * Staff: this session's sign-in passed the second factor (a code, a recovery code, or confirming
   * a factor). Carried in the token (claim `mfa`) and kept on renewal; a token without it is
   * refused once the account requires a factor (issue 17).
   */
  mfa?: boolean;
  /** Where this request came from (set per request by authenticate, never in the token): audit rows carry it. */
  ip?: string;
  /** The request's User-Agent, cut to 200 characters. */
  userAgent?: string;
}
