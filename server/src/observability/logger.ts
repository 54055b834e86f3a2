import type { Middleware } from 'koa';
import pino, { type Logger } from 'pino';
import type { Actor } from '../auth/actor';
import { routeLabel } from './metrics';

/** Structured JSON lines on stdout (one object per line), for the site's log collector. */
export function createLogger(level: 'info' | 'warn' | 'error' | 'silent' = 'info'): Logger {
  return pino({ level, base: { service: 'baotou-property' }, timestamp: pino.stdTimeFunctions.isoTime });
}

/**
 * One line per request, after it ends: request id, method, route pattern, status, milliseconds and
 * the user id (never a name, phone or token). Static files are left out (the proxy logs those).
 */
export function accessLog(logger: Logger): Middleware {
  return async (ctx, next) => {
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      if (ctx.path.startsWith('/api')) {
        const actor = ctx.state.actor as Actor | undefined;
        logger.info({
          reqId: ctx.state.requestId,
          method: ctx.method,
          route: routeLabel(ctx),
          status: ctx.status,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          userId: actor?.id,
          role: actor?.role,
        });
      }
    }
  };
}
