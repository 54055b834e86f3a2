import type Router from '@koa/router';
import { eq } from 'drizzle-orm';
import { seesTicketContactInFull } from '@baotou/shared';
import type { Db } from '../db/client';
import { tickets } from '../db/schema';
import { requireActor } from '../auth/middleware';
import { forbidden, notFound } from '../http/errors';
import { writeAudit } from '../audit/audit';
import type { PersonalDataCipher } from '../places/personalData';
import { ticketVisible } from './scope';

/**
 * A hotline or visit caller's full name and phone, to call them back: only to the staff handling
 * the case now or who entered it (shared seesTicketContactInFull), and every view is audited
 * (DOMAIN.md §7). Others who may see the case get 403; those who may not, 404.
 */
export function registerTicketContactRoute(router: Router, db: Db, cipher: PersonalDataCipher): void {
  router.get('/api/tickets/:id/contact', async (ctx) => {
    const actor = requireActor(ctx);
    const id = Number(ctx.params.id);
    if (!Number.isSafeInteger(id) || id <= 0 || id > 2147483647) throw notFound('工单');
    ctx.body = await db.transaction(async (tx) => {
      const [t] = await tx.select().from(tickets).where(eq(tickets.id, id));
      if (!t || !ticketVisible(actor, t)) throw notFound('工单');
      if (!seesTicketContactInFull(actor.role, t.level, t.createdById === actor.id))
        throw forbidden('NOT_HANDLER', '只有当前处理该工单的工作人员可以查看来电人联系方式');
      await writeAudit(tx, actor, { action: 'view_personal', entity: 'tickets', entityId: id, regionCode: t.regionCode });
      return { id, contactName: t.contactName, contactPhone: t.contactPhoneEnc ? cipher.decrypt(t.contactPhoneEnc) : null };
    });
  });
}
