import type Router from '@koa/router';
import { eq } from 'drizzle-orm';
import { FULL_VIEW_ROLES } from '@baotou/shared';
import type { Db } from '../db/client';
import { owners } from '../db/schema';
import { requireActor } from '../auth/middleware';
import { notFound } from '../http/errors';
import { regionAllows } from '../jurisdiction/scope';
import { writeAudit } from '../audit/audit';
import type { PersonalDataCipher } from './personalData';

/** Full phone and ID number, only to staff who manage owners, and every view is audited (DOMAIN.md §7). */
export function registerOwnerContactRoute(router: Router, db: Db, cipher: PersonalDataCipher): void {
  router.get('/api/owners/:id/contact', async (ctx) => {
    const actor = requireActor(ctx, FULL_VIEW_ROLES.ownerContact);
    const id = Number(ctx.params.id);
    if (!Number.isSafeInteger(id) || id <= 0) throw notFound('业主');
    ctx.body = await db.transaction(async (tx) => {
      const [o] = await tx.select().from(owners).where(eq(owners.id, id));
      if (!o || !regionAllows(actor, o.regionCode)) throw notFound('业主');
      await writeAudit(tx, actor, { action: 'view_personal', entity: 'owners', entityId: id, regionCode: o.regionCode });
      return {
        id,
        phone: o.phoneEnc ? cipher.decrypt(o.phoneEnc) : null,
        idNumber: o.idNumberEnc ? cipher.decrypt(o.idNumberEnc) : null,
      };
    });
  });
}
