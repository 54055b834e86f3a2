import type Router from '@koa/router';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { registerResource } from '../http/resource';
import { requireActor } from '../auth/middleware';
import type { PersonalDataCipher } from '../places/personalData';
import { committeesResource } from './committees';
import { committeeMembersResource } from './members';
import { registerFormationRoute } from './formation';
import { memberCompoundIds } from './membership';
import { registerCommitteeDelete } from './lifecycle';

export function registerCommitteeRoutes(router: Router, db: Db, cipher: PersonalDataCipher): void {
  registerFormationRoute(router, db);
  // The mini-program asks which compounds the resident serves on a committee for.
  router.get('/api/committees/mine', async (ctx) => {
    const actor = requireActor(ctx, ['resident']);
    const result = await db.execute(
      sql`SELECT DISTINCT c.id AS "compoundId", c.name AS "compoundName" FROM compounds c WHERE c.id IN ${memberCompoundIds(actor.id)} ORDER BY 1`,
    );
    ctx.body = result.rows;
  });
  registerCommitteeDelete(router, db);
  registerResource(router, db, committeesResource());
  registerResource(router, db, committeeMembersResource(cipher));
}
