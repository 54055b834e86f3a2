import type { Context, Middleware, Next } from 'koa';
import type { Role } from '@baotou/shared';
import type { Actor } from './actor';
import type { TokenService } from './tokens';
import { forbidden, unauthorized } from '../http/errors';

/** Reads the bearer token when present; routes that need a user call requireActor. */
export function authenticate(tokens: TokenService): Middleware {
  return async (ctx: Context, next: Next) => {
    const header = ctx.get('authorization');
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) throw unauthorized('TOKEN_INVALID', '登录凭证格式无效');
      ctx.state.actor = tokens.verify(m[1]);
    }
    await next();
  };
}

export function requireActor(ctx: Context, roles?: readonly Role[]): Actor {
  const actor = ctx.state.actor as Actor | undefined;
  if (!actor) throw unauthorized();
  if (roles && !roles.includes(actor.role)) throw forbidden('ROLE_FORBIDDEN', '当前角色无权执行此操作');
  return actor;
}
