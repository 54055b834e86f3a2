import { and, eq, ilike, inArray, not, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { FULL_VIEW_ROLES, maskName, type Role } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import { hiddenFields, type ResourceDef } from '../http/resource';
import { filterValue, likeEscape } from '../http/listQuery';
import { isBureau, regionCondition } from '../jurisdiction/scope';
import { auditLogs } from '../db/schema';

/** Audit entities that are not a resource of their own, and the resource whose readers may see them. */
const GOVERNED_BY: Record<string, string> = {
  ballots: 'votes',
  'party-imports': 'party-members',
  'staff-imports': 'staff',
};

/**
 * Rows that say how and when a home voted (a ballot cast or entered, a ballot's scan viewed): an
 * owner's choice is personal data (DOMAIN.md §7), so only the roles that may see ballots' papers
 * read them, whoever else may read the vote itself (party-building staff may not).
 */
const BALLOT_READERS: readonly Role[] = FULL_VIEW_ROLES.ballotScan;
const isBallotRow = sql`(${auditLogs.entity} = 'ballots' OR (${auditLogs.entity} = 'votes' AND ${auditLogs.action} = 'ballot'))`;

/** Whether the row's actor is a resident (whose name is personal data; staff act under their office). */
const actorIsResident = sql<boolean>`EXISTS (SELECT 1 FROM users u WHERE u.id = ${auditLogs.actorId} AND u.role = 'resident')`;

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
  // Residents' names follow the households resource's rule for owners' names (its fieldAccess).
  const readsResidentNames = (actor: Actor) => {
    const households = resources().get('households');
    return !!households && households.readScope(actor) !== 'deny' && !hiddenFields(households, actor.role).includes('ownerName');
  };
  /** For a role that may not read residents' names, a condition on the actor holds only for staff actors. */
  const onActor = (cond: SQL, actor: Actor) => (readsResidentNames(actor) ? cond : and(cond, not(actorIsResident))!);

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
      actorIsResident,
    },
    sortable: { id: auditLogs.id, at: auditLogs.at, entity: auditLogs.entity, action: auditLogs.action },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v, actor) => {
        const q = likeEscape(filterValue.string('q', v, 40));
        return or(onActor(ilike(auditLogs.actorName, `%${q}%`), actor), ilike(auditLogs.entity, `%${q}%`), eq(auditLogs.entityId, q));
      },
      actorId: (v, actor) => onActor(eq(auditLogs.actorId, filterValue.int('actorId', v)), actor),
      entity: (v) => eq(auditLogs.entity, filterValue.string('entity', v, 40)),
      entityId: (v) => eq(auditLogs.entityId, filterValue.string('entityId', String(v), 40)),
      action: (v) => eq(auditLogs.action, filterValue.string('action', v, 40)),
    },
    readScope: (actor) => {
      if (!isBureau(actor)) return 'deny';
      const { readable, unreadable } = accessOf(actor);
      const ballots = BALLOT_READERS.includes(actor.role) ? sql`true` : not(isBallotRow);
      if (actor.role === 'city_admin') return unreadable.length ? and(notInArray(auditLogs.entity, unreadable), ballots)! : ballots;
      return readable.length ? and(inArray(auditLogs.entity, readable), regionCondition(actor, auditLogs.regionCode), ballots)! : 'deny';
    },
    present: ({ actorIsResident: resident, ...row }, actor) => {
      // A resident actor is shown masked (and without the account id linking their rows) to a role that may not read residents' names.
      if (resident && !readsResidentNames(actor)) Object.assign(row, { actorName: maskName(String(row.actorName)), actorId: null });
      const def = governing(row.entity as string);
      const hidden = def ? hiddenFields(def, actor.role) : [];
      if (!hidden.length) return row;
      const strip = (v: unknown) => (v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => !hidden.includes(k))) : v);
      return { ...row, before: strip(row.before), after: strip(row.after) };
    },
  };
}
