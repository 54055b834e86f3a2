import type Router from '@koa/router';
import type { Config } from '@baotou/config';
import { mergeIntoSchema } from '@baotou/shared';
import type { Db } from '../db/client';
import { requireActor } from '../auth/middleware';
import { notFound } from '../http/errors';
import { ledgerService } from '../fund/ledgerService';
import { mergeCompound } from './merge';

/** `POST /api/compounds/:id/merge-into {targetCompoundId}`: district staff merge a compound into a neighbour's management area. */
export function registerMergeRoutes(router: Router, db: Db, config: Config): void {
  const ledgers = ledgerService(db, config.fund);
  router.post('/api/compounds/:id/merge-into', async (ctx) => {
    const actor = requireActor(ctx, ['district_staff']);
    const id = Number(ctx.params.id);
    if (!/^\d{1,10}$/.test(ctx.params.id) || id > 2147483647) throw notFound('小区');
    const { targetCompoundId } = mergeIntoSchema.parse(ctx.request.body);
    ctx.body = await mergeCompound(db, actor, id, targetCompoundId, (tx, accountId) => ledgers.reconciliation(tx, accountId));
  });
}
