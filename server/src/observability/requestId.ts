import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** A caller's (or the load balancer's) id is kept when it is a plain token; anything else is replaced. */
const ACCEPTABLE = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Every request gets an id (ctx.state.requestId), echoed in the `X-Request-Id` response header, on
 * every log line and in error bodies, so a resident's "错误编号" finds the server's log line.
 */
export function requestId(): Middleware {
  return async (ctx, next) => {
    const given = ctx.get(REQUEST_ID_HEADER);
    const id = ACCEPTABLE.test(given) ? given : randomUUID();
    ctx.state.requestId = id;
    ctx.set(REQUEST_ID_HEADER, id);
    await next();
  };
}
