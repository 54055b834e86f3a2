import type Router from '@koa/router';
import { eq } from 'drizzle-orm';
import { STAFF_ROLES, exportAuditSchema, exportCarriesPersonalData, exportPurposeText } from '@baotou/shared';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { requireActor } from '../auth/middleware';
import { badRequest, forbidden } from '../http/errors';
import { registeredResources } from '../http/resource';
import { writeAudit } from './audit';

/**
 * POST /api/audit/exports {resource, filter, rowCount, purpose}: the console records an export of
 * personal data before it writes the file (DOMAIN.md §7; issue 17). Staff who may list the resource
 * only. Audited as the security event `export_personal` (with the request's address, via the actor),
 * under the exported resource, so whoever may read that resource's audit rows sees its exports.
 * → 201 {exportedBy, exportedAt, purpose}: the account and time the file's properties carry.
 * 400 VALIDATION_FAILED (no purpose, …), 400 NOT_PERSONAL_EXPORT, 403 ROLE_FORBIDDEN / RESOURCE_FORBIDDEN.
 */
export function registerExportAuditRoute(router: Router, db: Db): void {
  router.post('/api/audit/exports', async (ctx) => {
    const actor = requireActor(ctx, STAFF_ROLES);
    const input = exportAuditSchema.parse(ctx.request.body);
    const def = registeredResources(router).get(input.resource);
    if (!def || !exportCarriesPersonalData(input.resource)) {
      throw badRequest('NOT_PERSONAL_EXPORT', '该导出不含个人信息，无需登记用途', { resource: '不是含个人信息的导出' });
    }
    if (def.readScope(actor) === 'deny') throw forbidden('RESOURCE_FORBIDDEN', '无权导出该数据');
    const purpose = exportPurposeText(input.purpose);
    const result = await db.transaction(async (tx) => {
      const [account] = await tx.select({ username: users.username }).from(users).where(eq(users.id, actor.id));
      await writeAudit(tx, actor, {
        action: 'export_personal',
        entity: input.resource,
        entityId: input.resource,
        after: { rowCount: input.rowCount, filter: input.filter, purposeKind: input.purpose.kind, purpose },
      });
      return { exportedBy: account?.username ? `${actor.name}（${account.username}）` : actor.name, exportedAt: new Date().toISOString(), purpose };
    });
    ctx.status = 201;
    ctx.body = result;
  });
}
