import type Router from '@koa/router';
import { requireActor } from '../auth/middleware';
import type { Db } from '../db/client';
import { badRequest } from '../http/errors';
import { registerResource, registeredResources } from '../http/resource';
import { writeAudit } from './audit';
import { verifyAudit, type ChainRange } from './chain';
import { auditLogsResource } from './resource';

const ID = /^\d{1,18}$/;
const TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;

function parseBound(name: 'from' | 'to', raw: unknown): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !(ID.test(raw) || (TIME.test(raw) && !Number.isNaN(Date.parse(raw.replace(' ', 'T')))))) {
    throw badRequest('BAD_RANGE', '起止须为日志ID或时间（如 2026-01-31T08:00:00+08:00）', { [name]: '格式无效' });
  }
  return raw;
}

/**
 * The audit log: `GET /api/audit-logs/verify?from&to` (city admin; walks the hash chain) before the
 * read-only resource, whose `/:id` would otherwise take "verify" for an id. No route changes or
 * removes audit rows (POST/PUT/DELETE answer 403 READ_ONLY); retention is the purge's (purge.ts).
 */
export function registerAuditRoutes(router: Router, db: Db): void {
  router.get('/api/audit-logs/verify', async (ctx) => {
    const actor = requireActor(ctx, ['city_admin']);
    const range: ChainRange = { from: parseBound('from', ctx.query.from), to: parseBound('to', ctx.query.to) };
    const report = await verifyAudit(db, range);
    await db.transaction((tx) =>
      writeAudit(tx, actor, {
        action: 'verify',
        entity: 'audit-logs',
        entityId: 'chain',
        after: { ...range, ok: report.ok, checked: report.checked, firstBroken: report.firstBroken },
      }),
    );
    ctx.body = report;
  });
  registerResource(
    router,
    db,
    auditLogsResource(() => registeredResources(router)),
  );
}
