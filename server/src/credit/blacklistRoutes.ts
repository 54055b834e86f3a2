import type Router from '@koa/router';
import type { Db } from '../db/client';
import { registerResource } from '../http/resource';
import { requireActor } from '../auth/middleware';
import { pathId } from '../quality/assessments';
import { blacklistResource, removeListing } from './blacklist';
import { listingLetters, lettersPdf } from './letters';
import { auditRefusals } from './blacklistRefusals';

/** Issue 10, blacklist: listings, removal on the same record, and the letters recommending the contracts' end. */
export function registerBlacklistRoutes(router: Router, db: Db): void {
  router.use('/api/blacklist', auditRefusals(db, 'blacklist'));
  router.post('/api/blacklist/:id/remove', async (ctx) => {
    ctx.body = await removeListing(db, requireActor(ctx), pathId(ctx.params.id, '黑名单记录'), ctx.request.body);
  });
  router.get('/api/blacklist/:id/letters.pdf', async (ctx) => {
    const { companyName, letters } = await listingLetters(db, requireActor(ctx), pathId(ctx.params.id, '黑名单记录'));
    ctx.type = 'application/pdf';
    ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`解除合同建议函_${companyName}.pdf`)}`);
    ctx.body = await lettersPdf(companyName, letters);
  });
  registerResource(router, db, blacklistResource());
}
