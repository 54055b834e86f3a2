import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { filterValue, likeEscape } from '../http/listQuery';
import { notifications } from '../db/schema';
import { ilike } from 'drizzle-orm';

/**
 * A person's own notifications (read only; `POST /api/notifications/:id/read` marks one read).
 * Everyone reads only their own rows: staff their console list, residents what was sent to them.
 */
export function notificationsResource(): ResourceDef {
  return {
    name: 'notifications',
    label: '通知',
    table: notifications,
    id: notifications.id,
    idKind: 'int',
    fields: {
      id: notifications.id,
      channel: notifications.channel,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      entity: notifications.entity,
      entityId: notifications.entityId,
      status: notifications.status,
      sentAt: notifications.sentAt,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    },
    sortable: { id: notifications.id, createdAt: notifications.createdAt, kind: notifications.kind },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => ilike(notifications.title, `%${likeEscape(filterValue.string('q', v, 40))}%`),
      kind: (v) => eq(notifications.kind, filterValue.oneOf('kind', v, NOTIFICATION_KINDS)),
      channel: (v) => eq(notifications.channel, filterValue.oneOf('channel', v, NOTIFICATION_CHANNELS)),
      unread: (v) => (filterValue.bool('unread', v) ? isNull(notifications.readAt) : isNotNull(notifications.readAt)),
    },
    readScope: (actor) =>
      actor.role === 'resident' ? eq(notifications.userId, actor.id) : and(eq(notifications.userId, actor.id), eq(notifications.channel, 'console'))!,
  };
}
