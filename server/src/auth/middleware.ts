import type { Context, Middleware, Next } from 'koa';
import { secondFactorStep, type Role, type SecondFactorPolicy } from '@baotou/shared';
import type { Actor } from './actor';
import type { TokenService, TokenSession } from './tokens';
import type { SessionChecker } from './sessions';
import { AppError, forbidden, unauthorized } from '../http/errors';
import { requestOrigin } from '../audit/origin';

/** A staff token past half its life comes back renewed in this response header (the console keeps it). */
export const SESSION_TOKEN_HEADER = 'X-Session-Token';

/**
 * Reads the bearer token when present. A token that is malformed, expired, forged or from an
 * ended session (account disabled, role, region, company or password changed) makes the request
 * anonymous: public routes answer as to anyone, and routes that need a user (requireActor) give
 * the token's own 401.
 */
/**
 * `policy`: the second-factor rule (TOTP_REQUIRED…). A staff token whose sign-in did not pass a
 * second factor (no `mfa` claim: issued before the account had to have one) is refused 401
 * SECOND_FACTOR_REQUIRED once the account requires one, so such a session cannot live on by renewal.
 */
export function authenticate(tokens: TokenService, sessions: SessionChecker, policy?: SecondFactorPolicy): Middleware {
  const verify = verifiedTokens(tokens);
  return async (ctx: Context, next: Next) => {
    const header = ctx.get('authorization');
    if (header) {
      try {
        const m = /^Bearer\s+(\S+)$/i.exec(header);
        if (!m) throw unauthorized('TOKEN_INVALID', '登录凭证格式无效');
        const session = verify(m[1]);
        const { actor, epoch } = session;
        const account = await sessions.current(actor.id, epoch);
        if (!account) throw unauthorized('SESSION_REVOKED', '账号已变更或停用，请重新登录');
        if (policy && !actor.mfa && account.role !== 'resident' && secondFactorStep(account, policy) !== 'none') {
          throw unauthorized('SECOND_FACTOR_REQUIRED', '该账号须使用两步验证，请重新登录');
        }
        // Issue 17: an administrator-set password is changed before anything else (the login,
        // password and second-factor routes under /api/auth/ stay open).
        if (actor.mustChangePassword && !ctx.path.startsWith('/api/auth/')) throw new AppError('PASSWORD_CHANGE_REQUIRED', 403, '首次登录须先修改密码');
        const renewed = tokens.renewal(session);
        if (renewed) ctx.set(SESSION_TOKEN_HEADER, renewed);
        ctx.state.actor = { ...actor, ...requestOrigin(ctx) };
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        ctx.state.authError = err;
      }
    }
    await next();
  };
}

/** Verified tokens remembered; beyond this the memory starts afresh (a bound on memory, not a policy). */
const MAX_VERIFIED_TOKENS = 10_000;

/**
 * tokens.verify, remembered per token text until the token expires: the same bytes carry the same
 * valid signature, so a console or mini-program sending its token on every request pays the JWT
 * parse and HMAC once. Expiry is checked on every use (as jsonwebtoken does: expired from `exp`
 * on); whether the session is still current is not cached here (sessions.current decides that).
 * Refused tokens are not remembered.
 */
function verifiedTokens(tokens: TokenService): (token: string) => TokenSession {
  const verified = new Map<string, TokenSession>();
  return (token) => {
    const known = verified.get(token);
    if (known && Date.now() < known.expiresAt) return known;
    if (known) verified.delete(token);
    const session = tokens.verify(token);
    if (verified.size >= MAX_VERIFIED_TOKENS) verified.clear();
    verified.set(token, session);
    return session;
  };
}

export function requireActor(ctx: Context, roles?: readonly Role[]): Actor {
  const actor = ctx.state.actor as Actor | undefined;
  if (!actor) throw (ctx.state.authError as AppError | undefined) ?? unauthorized();
  if (roles && !roles.includes(actor.role)) throw forbidden('ROLE_FORBIDDEN', '当前角色无权执行此操作');
  return actor;
}
