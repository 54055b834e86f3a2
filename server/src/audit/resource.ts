import { and, eq, ilike, inArray, notInArray, or, sql } from 'drizzle-orm';
import type { Role } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import { hiddenFields, type ResourceDef } from '../http/resource';
import { filterValue, likeEscape } from '../http/listQuery';
import { isBureau, regionCondition } from '../jurisdiction/scope';
import { auditLogs } from '../db/schema';

/** Audit entities that are not a resource of their own, and the resource whose readers may see them. */
const GOVERNED_BY: Record<string, string> = {
  ballots: 'votes',
  'party-imports': 'party-members',
};

/** Which entities' audit rows a role may read: those whose resource it may read (its own readScope). */
interface EntityAccess {
  readable: string[];
  unreadable: string[];
}

function entityAccess(resources: ReadonlyMap<string, ResourceDef>, actor: Actor): EntityAccess {
  const readable: string[] = [];
  const unreadable: string[] = [];
  const entities = [...resources.keys(), ...Object.keys(GOVERNED_BY)].filter((e) => e !== 'audit-logs');
  for (const entity of entities) {
    const def = resources.get(GOVERNED_BY[entity] ?? entity);
    (def && def.readScope(actor) !== 'deny' ? readable : unreadable).push(entity);
  }
  return { readable, unreadable };
}

/**
 * The audit log (DOMAIN.md §7): a row is readable only by someone who may read its entity — the
 * entity's own resource decides, by role (its readScope) and by field (its fieldAccess, applied to
 * before/after) — and within their jurisdiction. City administrators also see events with no
 * region and entities that are no resource (uploads); other staff only entities they may read.
 * `resources`: the app's registered resources, read when the first request comes.
 */
export function auditLogsResource(resources: () => ReadonlyMap<string, ResourceDef>): ResourceDef {
  // Whether a role may read a resource does not depend on the person (only rows do): once per role.
  const byRole = new Map<Role, EntityAccess>();
  const accessOf = (actor: Actor) => {
    let a = byRole.get(actor.role);
    if (!a) byRole.set(actor.role, (a = entityAccess(resources(), actor)));
    return a;
  };
  const governing = (entity: string) => resources().get(GOVERNED_BY[entity] ?? entity);

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
      ip: auditLogs.ip,
      userAgent: auditLogs.userAgent,
      seq: auditLogs.seq,
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
    readScope: (actor) => {
      if (!isBureau(actor)) return 'deny';
      const { readable, unreadable } = accessOf(actor);
      if (actor.role === 'city_admin') return unreadable.length ? notInArray(auditLogs.entity, unreadable) : sql`true`;
      return readable.length ? and(inArray(auditLogs.entity, readable), regionCondition(actor, auditLogs.regionCode))! : 'deny';
    },
    present: (row, actor) => {
      const def = governing(row.entity as string);
      const hidden = def ? hiddenFields(def, actor.role) : [];
      if (!hidden.length) return row;
      const strip = (v: unknown) => (v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => !hidden.includes(k))) : v);
      return { ...row, before: strip(row.before), after: strip(row.after) };
    },
  };
}
