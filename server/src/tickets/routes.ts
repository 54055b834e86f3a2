import type Router from '@koa/router';
import type { Config } from '@baotou/config';
import { TICKET_ACTIONS, ticketStatsQuerySchema, type TicketAction } from '@baotou/shared';
import type { Db } from '../db/client';
import { readDb } from '../db/replica';
import { notFound } from '../http/errors';
import { registerResource } from '../http/resource';
import { requireActor } from '../auth/middleware';
import type { PersonalDataCipher } from '../places/personalData';
import { createTicketNotifier, type TicketNotifier } from './notify';
import { ticketEventsResource, ticketsResource } from './resource';
import { fileTicket, performAction, type TicketDeps } from './service';
import { ticketStats } from './stats';
import { registerUploadRoutes } from '../uploads/routes';
import { runTicketScheduler } from './escalation';
import { registerPublicTicketRoutes } from './publicRoutes';
import { registerTicketContactRoute } from './contact';

/**
 * Tickets (DOMAIN.md §6): filing, the action steps, statistics, uploads, the read-only resources.
 * Custom routes come before the resource's own so /stats and POST /api/tickets are ours.
 */
export function registerTicketRoutes(
  router: Router,
  db: Db,
  config: Config,
  cipher: PersonalDataCipher,
  notifier: TicketNotifier = createTicketNotifier(config),
): void {
  const def = ticketsResource(config.tickets);
  const deps: TicketDeps = { db, config, cipher, notifier, def };

  router.get('/api/tickets/stats', async (ctx) => {
    const actor = requireActor(ctx);
    ctx.body = await ticketStats(readDb(db), actor, ticketStatsQuerySchema.parse(ctx.query));
  });

  router.post('/api/tickets', async (ctx) => {
    const actor = requireActor(ctx);
    ctx.status = 201;
    ctx.body = await fileTicket(deps, actor, ctx.request.body);
  });

  router.post('/api/tickets/:id/:action', async (ctx) => {
    const actor = requireActor(ctx);
    const action = ctx.params.action as TicketAction;
    if (!TICKET_ACTIONS.includes(action)) throw notFound('操作');
    const id = Number(ctx.params.id);
    if (!Number.isSafeInteger(id) || id <= 0 || id > 2147483647) throw notFound('工单');
    ctx.body = await performAction(deps, actor, id, action, ctx.request.body);
  });

  // Tests drive the scheduler with their own clock; this route exists only under NODE_ENV=test.
  if (config.env === 'test') {
    router.post('/api/test/tickets/escalate-overdue', async (ctx) => {
      requireActor(ctx, ['city_admin']);
      const now = new Date(String((ctx.request.body as { now?: string })?.now ?? ''));
      if (Number.isNaN(now.getTime())) throw notFound('时间');
      ctx.body = await runTicketScheduler(db, config, now, notifier);
    });
  }

  registerPublicTicketRoutes(router, db);
  registerTicketContactRoute(router, db, cipher);
  registerUploadRoutes(router, db, config);
  registerResource(router, db, def);
  registerResource(router, db, ticketEventsResource());
}
