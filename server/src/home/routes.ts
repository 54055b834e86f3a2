import type Router from '@koa/router';
import { STAFF_ROLES } from '@baotou/shared';
import { requireActor } from '../auth/middleware';
import type { Db } from '../db/client';
import { readDb } from '../db/replica';
import { homeFor } from './service';

/** GET /api/home: the signed-in staff member's to-dos, alerts and charts (issue 16 §4). */
export function registerHomeRoutes(router: Router, db: Db): void {
  router.get('/api/home', async (ctx) => {
    const actor = requireActor(ctx, STAFF_ROLES);
    ctx.body = await homeFor(readDb(db), router, actor);
  });
}
