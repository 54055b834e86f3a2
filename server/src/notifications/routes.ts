import type Router from '@koa/router';
import { and, eq, isNull } from 'drizzle-orm';
import type { Config } from '@baotou/config';
import { requireActor } from '../auth/middleware';
import { writeAudit } from '../audit/audit';
import type { Db } from '../db/client';
import { notifications } from '../db/schema';
import { notFound } from '../http/errors';
import { getPresented, registerResource } from '../http/resource';
import type { NotificationDispatcher } from './dispatcher';
import { notificationsResource } from './resource';

/** The bell's list, marking read, and (tests only) one dispatcher pass with the test's clock. */
export function registerNotificationRoutes(router: Router, db: Db, config: Config, dispatcher: NotificationDispatcher): void {
  const def = notificationsResource();

  // The mini-program asks the resident to subscribe to these templates (wx.requestSubscribeMessage) before filing or voting.
  router.get('/api/mini/notification-templates', (ctx) => {
    ctx.body = { ticket: config.tickets.wechatTemplateId, vote: config.notifications.templates.vote, fund: config.notifications.templates.fund };
  });

  router.post('/api/notifications/read-all', async (ctx) => {
    const actor = requireActor(ctx);
    const marked = await db.transaction(async (tx) => {
      const rows = await tx
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.userId, actor.id), eq(notifications.channel, 'console'), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      if (rows.length) await writeAudit(tx, actor, { action: 'read_all', entity: 'notifications', entityId: String(actor.id), after: { count: rows.length } });
      return rows.length;
    });
    ctx.body = { marked };
  });

  router.post('/api/notifications/:id/read', async (ctx) => {
    const actor = requireActor(ctx);
    const id = Number(ctx.params.id);
    if (!Number.isSafeInteger(id) || id <= 0 || id > 2147483647) throw notFound('通知');
    await db.transaction(async (tx) => {
      const [row] = await tx
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.id, id), eq(notifications.userId, actor.id), isNull(notifications.readAt)))
        .returning({ id: notifications.id, readAt: notifications.readAt });
      if (row) await writeAudit(tx, actor, { action: 'read', entity: 'notifications', entityId: String(id), after: row });
    });
    const row = await getPresented(db, def, actor, id);
    if (!row) throw notFound('通知');
    ctx.body = row;
  });

  if (config.env === 'test') {
    router.post('/api/test/notifications/dispatch', async (ctx) => {
      requireActor(ctx, ['city_admin']);
      const raw = (ctx.request.body as { now?: string })?.now;
      const now = raw ? new Date(String(raw)) : new Date();
      if (Number.isNaN(now.getTime())) throw notFound('时间');
      ctx.body = await dispatcher.runOnce(now);
    });
  }

  registerResource(router, db, def);
}
