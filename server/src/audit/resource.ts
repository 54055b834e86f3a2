import { eq, ilike, or, sql } from 'drizzle-orm';
import type { ResourceDef } from '../http/resource';
import { filterValue, likeEscape } from '../http/listQuery';
import { isBureau, regionCondition } from '../jurisdiction/scope';
import { auditLogs } from '../db/schema';

export function auditLogsResource(): ResourceDef {
  return {
    name: 'audit-logs',
    label: '审计日志',
    table: auditLogs,
    id: auditLogs.id,
    idKind: 'int',
    fields: {
      id: auditLogs.id,
      actorId: auditLogs.actorId,
      actorName: auditLogs.actorName,
      action: auditLogs.action,
      entity: auditLogs.entity,
      entityId: auditLogs.entityId,
      before: auditLogs.before,
      after: auditLogs.after,
      regionCode: auditLogs.regionCode,
      at: auditLogs.at,
    },
    sortable: { id: auditLogs.id, at: auditLogs.at, entity: auditLogs.entity, action: auditLogs.action },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => {
        const q = likeEscape(filterValue.string('q', v, 40));
        return or(ilike(auditLogs.actorName, `%${q}%`), ilike(auditLogs.entity, `%${q}%`), eq(auditLogs.entityId, q));
      },
      actorId: (v) => eq(auditLogs.actorId, filterValue.int('actorId', v)),
      entity: (v) => eq(auditLogs.entity, filterValue.string('entity', v, 40)),
      entityId: (v) => eq(auditLogs.entityId, filterValue.string('entityId', String(v), 40)),
      action: (v) => eq(auditLogs.action, filterValue.string('action', v, 40)),
    },
    // City administrators also see events with no region (residents registering, for one).
    readScope: (actor) => (actor.role === 'city_admin' ? sql`true` : isBureau(actor) ? regionCondition(actor, auditLogs.regionCode) : 'deny'),
  };
}
