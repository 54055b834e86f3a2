import type Router from '@koa/router';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { requireActor } from '../auth/middleware';
import { notFound } from '../http/errors';

/**
 * What a compound's residents see of its renewal (issue 11): its management mode, the quasi-property
 * company enrolled today, and its latest renovation with the owners' decision (the linked vote's
 * status and, once closed, whether it passed). Nothing personal: any signed-in user who can open the
 * compound's page (scan-in is public) may read it.
 */
export function registerCompoundSummary(router: Router, db: Db): void {
  router.get('/api/renewal/compounds/:id', async (ctx) => {
    requireActor(ctx);
    const raw = ctx.params.id;
    if (!/^\d{1,10}$/.test(raw) || Number(raw) > 2147483647) throw notFound('小区');
    const id = Number(raw);
    const { rows } = await db.execute(sql`
      SELECT c.id, c.name, c.management_mode AS "managementMode",
             (SELECT json_build_object('name', co.name, 'startDate', e.start_date) FROM quasi_enrolments e JOIN companies co ON co.id = e.company_id
               WHERE e.compound_id = c.id AND e.start_date <= (now() AT TIME ZONE 'Asia/Shanghai')::date
                 AND (e.end_date IS NULL OR e.end_date >= (now() AT TIME ZONE 'Asia/Shanghai')::date)
               ORDER BY e.start_date DESC LIMIT 1) AS "quasiCompany",
             (SELECT json_build_object('title', r.title, 'status', r.status,
                       'decision', CASE WHEN v.id IS NULL THEN NULL ELSE json_build_object('voteId', v.id, 'title', v.title, 'status', v.status,
                         'approved', CASE WHEN v.status = 'closed' THEN (v.result ->> 'approved')::boolean END) END)
                FROM renovations r LEFT JOIN votes v ON v.id = r.vote_id
               WHERE r.compound_id = c.id ORDER BY r.id DESC LIMIT 1) AS renovation
        FROM compounds c WHERE c.id = ${id}`);
    if (!rows.length) throw notFound('小区');
    ctx.body = rows[0];
  });
}
