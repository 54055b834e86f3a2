import { eq, ilike, inArray, notInArray, or, sql } from 'drizzle-orm';
import {
  ALL_TICKET_CATEGORIES,
  ROLE_LABELS,
  TICKET_CHANNELS,
  TICKET_KINDS,
  TICKET_LEVELS,
  TICKET_STATUSES,
  autoConfirmAt,
  currentDeadlineKind,
  isOpenStatus,
  maskName,
  seesTicketContactInFull,
  secondsLeft,
  STAFF_TODO_STATUSES,
  TICKET_PHASES,
  statusesInPhase,
  type Role,
  type TicketLevel,
  type TicketStatus,
} from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { filterValue, likeEscape } from '../http/listQuery';
import type { Actor } from '../auth/actor';
import { OPEN_TICKET_SQL, ticketEvents, tickets } from '../db/schema';
import { ticketReadScope } from './scope';

type Row = Record<string, unknown>;
const OPEN = sql.raw(OPEN_TICKET_SQL);

/**
 * Time left, the overdue flag and, while the case waits for its resident, when it will be confirmed
 * automatically (`autoConfirmAt`, TICKET_AUTO_CONFIRM_DAYS after the result) are computed when
 * presented, so they are always current. Completes and returns the row it is given (a freshly read
 * one): a whole row, or a list row (TICKET_LIST_FIELDS: time left and the overdue flag, no
 * autoConfirmAt, nothing to mask).
 */
export function presentTicket(row: Row, actor: Actor, autoConfirmDays: number, now = new Date()): Row {
  const due = row.dueAt ? new Date(row.dueAt as string) : null;
  const status = row.status as TicketStatus;
  const left = due && isOpenStatus(status) ? secondsLeft(due, now) : null;
  // The row is the caller's own, just read: completed in place (copying its ~55 fields per row was a
  // measurable share of a queue page's CPU).
  const out = row;
  out.timeLeftSeconds = left;
  out.dueKind = left !== null ? currentDeadlineKind(status) : null;
  out.overdue = left !== null && left < 0;
  if ('resolvedAt' in row) {
    const waiting = status === 'resolved' && row.resolvedAt;
    out.autoConfirmAt = waiting ? autoConfirmAt(new Date(row.resolvedAt as string), autoConfirmDays).toISOString() : null;
  }
  // DOMAIN.md §7: a hotline caller's name in full only to the staff handling the case (the phone is masked in every list).
  if (row.contactName && !seesTicketContactInFull(actor.role, row.level as TicketLevel, row.createdById === actor.id))
    out.contactName = maskName(String(row.contactName));
  if (actor.role === 'resident') {
    // DOMAIN.md §7: the accepting person's name is masked for residents; staff ids are not theirs to see.
    if ('acceptPersonName' in row) out.acceptPersonName = row.acceptPersonName ? maskName(String(row.acceptPersonName)) : null;
    if ('workerName' in row) out.workerName = row.workerName ? maskName(String(row.workerName)) : null;
    delete out.createdById;
  }
  return out;
}

/**
 * What every list of cases shows (the console's queue, the mini-program's own and field-staff
 * lists); a case's page reads the whole row by id. A queue page of 25 is about a third of the bytes
 * of whole rows, and without the caller, the company's name or the timeline's fields nothing in a
 * list row needs masking.
 */
export const TICKET_LIST_FIELDS = [
  'id',
  'compoundId',
  'compoundName',
  'householdLabel',
  'kind',
  'category',
  'description',
  'preferredTime',
  'level',
  'status',
  'dueAt',
  'createdAt',
] as const;

export function ticketsResource(settings: { autoConfirmDays: number }): ResourceDef {
  return {
    name: 'tickets',
    label: '工单',
    table: tickets,
    id: tickets.id,
    idKind: 'int',
    fields: {
      id: tickets.id,
      compoundId: tickets.compoundId,
      compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "tickets"."compound_id")`,
      regionCode: tickets.regionCode,
      streetCode: tickets.streetCode,
      districtCode: tickets.districtCode,
      householdId: tickets.householdId,
      // Scalar lookups rather than a three-table join: the same text (building and unit are required
      // references), and PostgreSQL plans it in about 0.1 ms less, which a list pays on every request.
      householdLabel: sql<
        string | null
      >`(SELECT (SELECT b.name FROM buildings b WHERE b.id = h.building_id) || ' ' || (SELECT u.name FROM units u WHERE u.id = h.unit_id) || ' ' || h.room FROM households h WHERE h.id = "tickets"."household_id")`,
      residentId: tickets.residentId,
      createdById: tickets.createdById,
      channel: tickets.channel,
      kind: tickets.kind,
      category: tickets.category,
      against: tickets.against,
      description: tickets.description,
      photos: tickets.photos,
      preferredTime: tickets.preferredTime,
      contactName: tickets.contactName,
      contactPhone: tickets.contactPhoneMasked,
      level: tickets.level,
      status: tickets.status,
      companyId: tickets.companyId,
      companyName: sql<string | null>`(SELECT co.name FROM companies co WHERE co.id = "tickets"."company_id")`,
      acceptDepartment: tickets.acceptDepartment,
      acceptPersonName: tickets.acceptPersonName,
      acceptedAt: tickets.acceptedAt,
      result: tickets.result,
      resultPhotos: tickets.resultPhotos,
      workerName: tickets.workerName,
      workerPhone: tickets.workerPhoneMasked,
      dispatchedAt: tickets.dispatchedAt,
      startedAt: tickets.startedAt,
      resolvedAt: tickets.resolvedAt,
      confirmedAt: tickets.confirmedAt,
      autoConfirmed: tickets.autoConfirmed,
      closedAt: tickets.closedAt,
      levelEnteredAt: tickets.levelEnteredAt,
      responseDueAt: tickets.responseDueAt,
      resolveDueAt: tickets.resolveDueAt,
      dueAt: tickets.dueAt,
      rating: tickets.rating,
      ratingTags: tickets.ratingTags,
      ratingComment: tickets.ratingComment,
      rejectedOnce: tickets.rejectedOnce,
      rejectReason: tickets.rejectReason,
      answer: tickets.answer,
      answeredAt: tickets.answeredAt,
      overran: tickets.overran,
      escalationCount: tickets.escalationCount,
      createdAt: tickets.createdAt,
      updatedAt: tickets.updatedAt,
    },
    listFields: TICKET_LIST_FIELDS,
    // Its lists filter by equality on indexed columns and literal predicates (open, a company's
    // repairs) that the queue indexes are built on; one plan serves every jurisdiction and page.
    listPlan: 'generic',
    sortable: {
      id: tickets.id,
      createdAt: tickets.createdAt,
      dueAt: tickets.dueAt,
      level: tickets.level,
      status: tickets.status,
      rating: tickets.rating,
      compoundId: tickets.compoundId,
    },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => {
        const q = filterValue.string('q', v, 40).trim();
        return /^\d{1,9}$/.test(q)
          ? eq(tickets.id, Number(q))
          : or(ilike(tickets.description, `%${likeEscape(q)}%`), ilike(tickets.contactName, `%${likeEscape(q)}%`));
      },
      kind: (v) => eq(tickets.kind, filterValue.oneOf('kind', v, TICKET_KINDS)),
      category: (v) => eq(tickets.category, filterValue.oneOf('category', v, ALL_TICKET_CATEGORIES)),
      level: (v) => eq(tickets.level, filterValue.oneOf('level', v, TICKET_LEVELS)),
      status: (v) => eq(tickets.status, filterValue.oneOf('status', v, TICKET_STATUSES)),
      channel: (v) => eq(tickets.channel, filterValue.oneOf('channel', v, TICKET_CHANNELS)),
      // The staff's to-do queue and the lifecycle's phases (shared lifecycle.ts: one reading for staff, residents, statistics).
      todo: (v) => (filterValue.bool('todo', v) ? inArray(tickets.status, [...STAFF_TODO_STATUSES]) : notInArray(tickets.status, [...STAFF_TODO_STATUSES])),
      phase: (v) => inArray(tickets.status, statusesInPhase(filterValue.oneOf('phase', v, TICKET_PHASES))),
      // Time-limited work: rendered as the partial indexes' own predicate so the planner can use them.
      open: (v) => (filterValue.bool('open', v) ? OPEN : sql`NOT (${OPEN})`),
      overdue: (v) => (filterValue.bool('overdue', v) ? sql`${OPEN} AND ${tickets.dueAt} < now()` : sql`NOT (${OPEN} AND ${tickets.dueAt} < now())`),
      // moved up at least once (time limit overrun or the resident's rejection): the home page's escalation alert
      escalated: (v) => (filterValue.bool('escalated', v) ? sql`${tickets.escalationCount} > 0` : sql`${tickets.escalationCount} = 0`),
      compoundId: (v) => eq(tickets.compoundId, filterValue.int('compoundId', v)),
      companyId: (v) => eq(tickets.companyId, filterValue.int('companyId', v)),
      districtCode: (v) => eq(tickets.districtCode, filterValue.string('districtCode', v, 6)),
      streetCode: (v) => eq(tickets.streetCode, filterValue.string('streetCode', v, 9)),
      regionCode: (v) => eq(tickets.regionCode, filterValue.string('regionCode', v, 12)),
    },
    readScope: ticketReadScope,
    present: (row, actor) => presentTicket(row, actor, settings.autoConfirmDays),
  };
}

/** The timeline (read only). Residents see who acted as a role, not a staff member's name. */
export function ticketEventsResource(): ResourceDef {
  return {
    name: 'ticket-events',
    label: '工单进度',
    table: ticketEvents,
    id: ticketEvents.id,
    idKind: 'int',
    fields: {
      id: ticketEvents.id,
      ticketId: ticketEvents.ticketId,
      action: ticketEvents.action,
      fromStatus: ticketEvents.fromStatus,
      toStatus: ticketEvents.toStatus,
      fromLevel: ticketEvents.fromLevel,
      toLevel: ticketEvents.toLevel,
      actorId: ticketEvents.actorId,
      actorName: ticketEvents.actorName,
      actorRole: ticketEvents.actorRole,
      note: ticketEvents.note,
      payload: ticketEvents.payload,
      at: ticketEvents.at,
    },
    sortable: { id: ticketEvents.id, at: ticketEvents.at },
    defaultSort: ['id', 'ASC'],
    filters: {
      ticketId: (v) => eq(ticketEvents.ticketId, filterValue.int('ticketId', v)),
      action: (v) => eq(ticketEvents.action, filterValue.string('action', v, 20)),
    },
    readScope: (actor) => {
      const scope = ticketReadScope(actor);
      if (scope === 'deny') return 'deny';
      return sql`${ticketEvents.ticketId} IN (SELECT ${tickets.id} FROM ${tickets} WHERE ${scope})`;
    },
    present: (row, actor) => {
      if (actor.role !== 'resident') return row;
      const mine = row.actorId === actor.id;
      const role = row.actorRole as Role | 'system';
      return {
        ...row,
        actorId: mine ? actor.id : null,
        actorName: mine ? '我' : role === 'system' ? '系统' : (ROLE_LABELS[role as Role] ?? '工作人员'),
        payload: null,
      };
    },
  };
}
