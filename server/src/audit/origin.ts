import type { Context } from 'koa';

/** Where a request came from, as audit rows record it (issue 17: security events with the actor's address). */
export interface RequestOrigin {
  ip?: string;
  userAgent?: string;
}

/**
 * The client's address (ctx.ip: X-Forwarded-For's first entry when app.proxy is on, else the
 * socket's) and User-Agent, each cut to its column's length (45, 200).
 */
export function requestOrigin(ctx: Pick<Context, 'ip' | 'get'>): RequestOrigin {
  const ua = ctx.get('user-agent');
  return { ip: ctx.ip ? ctx.ip.slice(0, 45) : undefined, userAgent: ua ? ua.slice(0, 200) : undefined };
}
