import type { Middleware } from 'koa';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { writeAudit } from '../audit/audit';
import { AppError } from '../http/errors';

/**
 * Refused changes to the blacklist and filings are audited too (issue 10: "refusals … all
 * audited"): the change's own transaction rolled back, so the refusal is written on its own, after
 * it — who tried what, on which record, and the code they were answered with. Reads are not.
 */
export function auditRefusals(db: Db, entity: 'blacklist' | 'filings'): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      const actor = ctx.state.actor as Actor | undefined;
      if (actor && ctx.method !== 'GET' && err instanceof AppError && (err.status === 403 || err.status === 409)) {
        const id = /\/api\/[a-z-]+\/(\d{1,10})(\/|$)/.exec(ctx.path)?.[1] ?? '-';
        await writeAudit(db, actor, { action: 'refused', entity, entityId: id, after: { path: ctx.path, code: err.code, status: err.status } }).catch(
          () => undefined,
        );
      }
      throw err;
    }
  };
}
