import type Router from '@koa/router';
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { maskName } from '@baotou/shared';
import type { Db } from '../db/client';
import { tickets } from '../db/schema';
import { forbidden } from '../http/errors';
import { filterValue } from '../http/listQuery';
import { requireActor } from '../auth/middleware';
import { isResidentOf } from '../places/residentHomes';

/**
 * 受理部门、受理人员、受理时限、受理结果公开 (action plan 四(七)): a compound's complaints and
 * disputes, shown to its own residents (a verified home there), with the person's name masked and
 * nothing about who filed them (DOMAIN.md §7).
 */
export function registerPublicTicketRoutes(router: Router, db: Db): void {
  router.get('/api/mini/compounds/:id/ticket-board', async (ctx) => {
    const actor = requireActor(ctx, ['resident']);
    const compoundId = filterValue.int('compoundId', ctx.params.id);
    const before = ctx.query.before === undefined ? undefined : filterValue.int('before', ctx.query.before);
    if (!(await isResidentOf(db, actor.id, compoundId))) throw forbidden('NOT_A_RESIDENT', '只有本小区已认证的居民可以查看');
    const rows = await db
      .select({
        id: tickets.id,
        kind: tickets.kind,
        category: tickets.category,
        against: tickets.against,
        level: tickets.level,
        status: tickets.status,
        acceptDepartment: tickets.acceptDepartment,
        acceptPersonName: tickets.acceptPersonName,
        acceptedAt: tickets.acceptedAt,
        resolveDueAt: tickets.resolveDueAt,
        result: tickets.result,
        answer: tickets.answer,
        createdAt: tickets.createdAt,
      })
      .from(tickets)
      .where(and(eq(tickets.compoundId, compoundId), inArray(tickets.kind, ['complaint', 'dispute']), before ? lt(tickets.id, before) : undefined))
      .orderBy(desc(tickets.id))
      .limit(20);
    ctx.body = rows.map((r) => ({
      ...r,
      acceptPersonName: r.acceptPersonName ? maskName(r.acceptPersonName) : null,
      timeLimit: r.acceptedAt ? r.resolveDueAt : null,
    }));
  });
}
