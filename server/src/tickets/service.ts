import { eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Config } from '@baotou/config';
import {
  afterReject,
  checkTransition,
  currentDueAt,
  deadlinesFrom,
  homeStanding,
  initialLevel,
  mayActOnHome,
  maskPhone,
  nextLevel,
  ticketActorKind,
  ticketActionSchemas,
  ticketCreateSchema,
  ticketStaffCreateSchema,
  TICKET_ACTION_LABELS,
  TICKET_LEVEL_LABELS,
  type TicketAction,
  type TicketContactShare,
  type TicketLevel,
  type TicketStatus,
} from '@baotou/shared';
import type { Db, DbOrTx, Tx } from '../db/client';
import { runShaped } from '../db/named';
import { insertRowAsJson } from '../db/jsonInsert';
import { ticketEvents, tickets, type TicketRow } from '../db/schema';
import { AppError, forbidden, notFound } from '../http/errors';
import { presentedRowQuery, type ResourceDef } from '../http/resource';
import { auditInsert } from '../audit/audit';
import type { Actor } from '../auth/actor';
import type { PersonalDataCipher } from '../places/personalData';
import type { TicketNotifier } from './notify';
import { attachUploads } from '../uploads';
import { mayEnterForResident, refuseUnlessServing, ticketVisible } from './scope';
import { regionAllows } from '../jurisdiction/scope';
import { holdsHome, verifiedClaims } from '../places/residentHomes';

export interface TicketDeps {
  db: Db;
  config: Config;
  cipher: PersonalDataCipher;
  notifier: TicketNotifier;
  def: ResourceDef;
}

type Row = Record<string, unknown>;

/**
 * Everything filing needs about a home in one round trip: its place, whether the filer has a
 * verified claim on it, the first verified resident (a hotline case is followed by them), and the
 * company serving the compound today (its current service project; none for unmanaged compounds);
 * and the new case's number, taken from the tickets sequence (a refused filing leaves a gap, as a
 * rolled-back one always did), so the case's event, audit row and messages can be written with it.
 */
async function filingContext(db: DbOrTx, householdId: number, userId: number, now: Date) {
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const rows = await runShaped(
    db,
    sql`
    SELECT h.compound_id, h.region_code, nextval(pg_get_serial_sequence('tickets', 'id'))::int AS ticket_id,
           ${holdsHome(userId, sql`h.id`)} AS verified,
           EXISTS (SELECT 1 FROM household_members m WHERE m.household_id = h.id AND m.user_id = ${userId} AND m.status = 'bound') AS member,
           (SELECT c.user_id FROM ${verifiedClaims} c WHERE c.household_id = h.id ORDER BY c.id LIMIT 1) AS verified_resident_id,
           (SELECT json_build_object('name', c.name, 'phoneEnc', c.phone_enc, 'phoneMasked', c.phone_masked) FROM ${verifiedClaims} c
             WHERE c.household_id = h.id AND c.user_id = ${userId}) AS own_contact,
           (SELECT p.company_id FROM projects p WHERE p.compound_id = h.compound_id AND p.start_date <= ${today} AND p.end_date >= ${today} ORDER BY p.start_date DESC LIMIT 1) AS company_id
      FROM households h WHERE h.id = ${householdId}`,
  );
  type Contact = { name: string; phoneEnc: string; phoneMasked: string };
  const r = rows[0] as
    | {
        compound_id: number;
        region_code: string;
        ticket_id: number;
        verified: boolean;
        member: boolean;
        verified_resident_id: number | null;
        company_id: number | null;
        own_contact: Contact | null;
      }
    | undefined;
  return (
    r && {
      compoundId: r.compound_id,
      regionCode: r.region_code,
      ticketId: r.ticket_id,
      verified: r.verified,
      member: r.member,
      verifiedResidentId: r.verified_resident_id,
      companyId: r.company_id,
      ownContact: r.own_contact,
    }
  );
}

/** What the resident chose to share, from their verified claim (the phone stays encrypted; the handler opens it through the audited contact route). */
function residentContact(own: { name: string; phoneEnc: string; phoneMasked: string } | null, share: TicketContactShare) {
  if (!own || share === 'none') return {};
  return { contactName: share === 'name_phone' ? own.name : null, contactPhoneEnc: own.phoneEnc, contactPhoneMasked: own.phoneMasked };
}

type TicketEvent = {
  ticketId: number;
  action: TicketAction | 'create';
  from?: TicketRow;
  to: Pick<TicketRow, 'status' | 'level'>;
  note?: string | null;
  payload?: unknown;
  at: Date;
};

export async function addEvent(tx: Tx, actor: Actor | null, e: TicketEvent) {
  await tx.execute(eventInsert(actor, e));
}

/** addEvent's INSERT, not yet run (a CTE of a step's single write statement); the row as one JSON parameter (insertRowAsJson). */
function eventInsert(actor: Actor | null, e: TicketEvent): SQL {
  return insertRowAsJson(ticketEvents, {
    ticketId: e.ticketId,
    action: e.action,
    fromStatus: e.from?.status ?? null,
    toStatus: e.to.status,
    fromLevel: e.from?.level ?? null,
    toLevel: e.to.level,
    actorId: actor?.id ?? null,
    actorName: actor?.name ?? '系统',
    actorRole: actor?.role ?? 'system',
    note: e.note ?? null,
    payload: e.payload ?? null,
    at: e.at,
  });
}

/**
 * A step's timeline event, audit row and notifications as ONE statement (data-modifying CTEs run
 * together, in the step's transaction), whose main query reads the ticket as the actor sees it
 * (getPresented's query: the row as the step left it). One round trip where each write and the
 * read after the commit used to cost their own, and no read of the users first (the
 * notifications are INSERT … SELECT).
 */
/**
 * Runs a step's writes (each a data-modifying CTE) and reads the case as presented to `actor`, in
 * one statement. `inserted`: the INSERT … RETURNING of a new case, read in place of the table (a
 * statement does not see its own inserted rows).
 */
async function writeStepRecords(db: DbOrTx, deps: TicketDeps, actor: Actor, ticketId: number, writes: (SQLWrapper | undefined)[], inserted?: SQLWrapper) {
  const read = presentedRowQuery(deps.def, actor, ticketId, inserted ? sql`new_ticket AS ${tickets}` : undefined);
  // getSQL(): a query builder embedded as such would be rendered as a parenthesised subquery.
  const ctes = writes.filter((w): w is SQLWrapper => !!w).map((w, i) => sql`${sql.raw(`w${i}`)} AS (${w.getSQL()})`);
  if (inserted) ctes.unshift(sql`new_ticket AS (${inserted.getSQL()})`);
  // A step's statement has few shapes (the action, whether the level changes): each is planned once per connection.
  const rows = await runShaped(db, ctes.length ? sql`WITH ${sql.join(ctes, sql`, `)} ${read.query}` : read.query);
  return read.present(rows);
}

/**
 * A resident files a case for one of their verified homes; bureau staff enter one for a resident
 * (the 5267086 hotline, or a visit) within their jurisdiction. Either way the case lands at its
 * first level with deadlines from the settings, an event on its timeline and an audit row.
 */
export async function fileTicket(deps: TicketDeps, actor: Actor, body: unknown) {
  const staff = actor.role !== 'resident';
  if (staff && !mayEnterForResident(actor)) throw forbidden('ROLE_FORBIDDEN', '当前角色不能登记工单');
  const staffInput = staff ? ticketStaffCreateSchema.parse(body) : undefined;
  const input = staffInput ?? ticketCreateSchema.parse(body);
  const now = new Date();
  // Two round trips (the home, then one statement writing the case, its event, audit row and messages
  // and reading it back): one statement needs no transaction of its own. Photos are claimed in the
  // same transaction as the case, so a photo already used refuses the whole filing.
  const file = async (db: DbOrTx) => {
    const home = await filingContext(db, input.householdId, actor.id, now);
    if (!home) throw notFound('房屋');
    if (staff) {
      if (!regionAllows(actor, home.regionCode)) throw forbidden('OUT_OF_JURISDICTION', '不能为管辖范围以外的房屋登记工单');
    } else if (!mayActOnHome(homeStanding(home.verified, home.member), 'file_ticket')) {
      // The owner's home, or one whose owner registered the filer as a family member or tenant (issue 16 §4).
      throw forbidden('HOME_NOT_VERIFIED', '只能为已认证的本人房屋或业主登记您为成员的房屋提交');
    }
    const companyId = home.companyId;
    const chosen = staffInput?.level ?? undefined;
    const level = initialLevel(input.kind, companyId !== null, chosen);
    const d = deadlinesFrom(deps.config.tickets.timeLimits, input.kind, input.category, level, now);
    const contact = staffInput
      ? {
          contactName: staffInput.contactName,
          contactPhoneEnc: deps.cipher.encrypt(staffInput.contactPhone),
          contactPhoneMasked: maskPhone(staffInput.contactPhone),
        }
      : residentContact(home.ownContact, (input as { shareContact?: TicketContactShare }).shareContact ?? 'name_phone');
    const row = {
      id: home.ticketId,
      compoundId: home.compoundId,
      regionCode: home.regionCode,
      streetCode: home.regionCode.slice(0, 9),
      districtCode: home.regionCode.slice(0, 6),
      householdId: input.householdId,
      residentId: staff ? home.verifiedResidentId : actor.id,
      createdById: actor.id,
      channel: staffInput?.channel ?? ('mini' as const),
      kind: input.kind,
      category: input.category,
      against: input.against ?? null,
      description: input.description,
      photos: input.photos,
      preferredTime: input.kind === 'repair' ? input.preferredTime : null,
      ...contact,
      level,
      status: 'submitted' as const,
      companyId,
      levelEnteredAt: now,
      responseDueAt: d.responseDueAt,
      resolveDueAt: d.resolveDueAt,
      dueAt: currentDueAt('submitted', d),
      createdAt: now,
      updatedAt: now,
    };
    const presented = await writeStepRecords(
      db,
      deps,
      actor,
      row.id,
      [
        // The note is read by the home's resident: who entered it stays in actorName, which they see as a role (DOMAIN.md §7).
        eventInsert(actor, {
          ticketId: row.id,
          action: 'create',
          to: row,
          note: staffInput ? `工作人员代居民登记（${staffInput.channel === 'visit' ? '来访' : '5267086热线'}）` : null,
          at: now,
        }),
        auditInsert(actor, {
          action: 'create',
          entity: 'tickets',
          entityId: row.id,
          after: { ...row, contactPhoneEnc: undefined },
          regionCode: row.regionCode,
        }),
        deps.notifier.stepSql(row, '已提交，等待受理', now),
        row.level !== 'company' || row.companyId ? deps.notifier.levelSql(row, row.level, '新工单', now) : undefined,
      ],
      insertRowAsJson(tickets, row, { overridingSystemValue: true, returning: true }),
    );
    await attachUploads(db, actor, input.photos, row.id, 'photos');
    return presented;
  };
  const created = input.photos.length ? await deps.db.transaction(file) : await file(deps.db);
  deps.notifier.kick();
  return created;
}

function refuseUnlessVisible(actor: Actor, t: TicketRow) {
  if (ticketVisible(actor, t)) return;
  // Staff learn that a case exists but is not theirs; residents and companies see nothing at all.
  if (actor.role === 'resident' || actor.role === 'company_staff') throw notFound('工单');
  throw forbidden('OUT_OF_JURISDICTION', '该工单不在您的管辖范围内');
}

/**
 * One step of the state machine (shared TICKET_TRANSITIONS): lock the row, check the actor and the
 * state, change it, write the timeline event and the audit row in the same transaction; tell the
 * resident (and, on escalation, the level above) after it commits. A refusal changes nothing.
 */
export async function performAction(deps: TicketDeps, actor: Actor, id: number, action: TicketAction, body: unknown) {
  const input = ticketActionSchemas[action].parse(body ?? {}) as Record<string, any>;
  const now = new Date();
  const presented = await deps.db.transaction(async (tx) => {
    const [t] = await tx.select().from(tickets).where(eq(tickets.id, id)).for('update');
    if (!t) throw notFound('工单');
    refuseUnlessVisible(actor, t);
    await refuseUnlessServing(tx, actor, t);
    const kind = ticketActorKind(actor.role, t.level, t.residentId === actor.id);
    const check = checkTransition(action, t, kind);
    if (!check.ok) throw new AppError(check.code, check.status, check.message);
    const set = await changes(deps, tx, actor, t, action, input, check.to, now);
    const [row] = await tx
      .update(tickets)
      .set({ ...set, updatedAt: now })
      .where(eq(tickets.id, id))
      .returning();
    return writeStepRecords(tx, deps, actor, id, [
      eventInsert(actor, {
        ticketId: id,
        action,
        from: t,
        to: row,
        note: input.note ?? input.reason ?? input.result ?? input.answer ?? input.comment ?? null,
        payload: eventPayload(action, input),
        at: now,
      }),
      auditInsert(actor, {
        action,
        entity: 'tickets',
        entityId: id,
        before: { ...t, contactPhoneEnc: undefined, workerPhoneEnc: undefined },
        after: { ...row, contactPhoneEnc: undefined, workerPhoneEnc: undefined },
        regionCode: row.regionCode,
      }),
      deps.notifier.stepSql(row, `${TICKET_ACTION_LABELS[action]}${row.level !== t.level ? `，转${TICKET_LEVEL_LABELS[row.level]}` : ''}`, now),
      row.level !== t.level ? deps.notifier.levelSql(row, row.level, action === 'reject' ? '居民不满意退回' : '升级', now) : undefined,
    ]);
  });
  deps.notifier.kick();
  return presented;
}

function eventPayload(action: TicketAction, input: Record<string, any>): Row | null {
  if (action === 'dispatch') return { workerName: input.workerName };
  if (action === 'confirm') return { rating: input.rating, tags: input.tags };
  if (action === 'resolve') return { photos: input.photos };
  return null;
}

/** The unit a staff member accepts for: their company's name, or their region's office (沼潭社区, 昆都仑区住建局 …). */
async function acceptingUnit(tx: Tx, actor: Actor): Promise<string> {
  const { rows } = await tx.execute(sql`
    SELECT (SELECT co.name FROM companies co WHERE co.id = ${actor.companyId ?? null}::int) AS company,
           (SELECT r.name FROM regions r WHERE r.code = ${actor.regionCode ?? null}::varchar) AS region`);
  const r = rows[0] as { company: string | null; region: string | null };
  if (actor.role === 'company_staff' && r.company) return r.company;
  if (r.region) return actor.role === 'district_staff' || actor.role === 'city_admin' ? `${r.region}住建局` : r.region;
  return actor.name;
}

async function changes(
  deps: TicketDeps,
  tx: Tx,
  actor: Actor,
  t: TicketRow,
  action: TicketAction,
  input: Record<string, any>,
  to: TicketStatus,
  now: Date,
): Promise<Partial<TicketRow>> {
  const limits = deps.config.tickets.timeLimits;
  const late = (due: Date) => now.getTime() > due.getTime();
  // 受理部门 defaults to the accepting unit (the company, or the community / street / district office), not the account's name.
  const accepting = async () => ({
    acceptDepartment: input.department ?? (await acceptingUnit(tx, actor)),
    acceptPersonName: input.person ?? actor.name,
    acceptPersonId: actor.id,
    acceptedAt: now,
    overran: t.overran || late(t.responseDueAt),
  });
  const moveTo = (level: TicketLevel, status: TicketStatus, escalated: boolean): Partial<TicketRow> => {
    const d = deadlinesFrom(limits, t.kind, t.category, level, now);
    return {
      level,
      status,
      levelEnteredAt: now,
      responseDueAt: d.responseDueAt,
      resolveDueAt: d.resolveDueAt,
      dueAt: currentDueAt(status, d),
      escalationCount: t.escalationCount + (escalated ? 1 : 0),
      resolvedAt: null,
      ...(level !== t.level ? { acceptDepartment: null, acceptPersonName: null, acceptPersonId: null, acceptedAt: null } : {}),
    };
  };
  switch (action) {
    case 'accept':
      return { status: to, ...(await accepting()), dueAt: t.resolveDueAt };
    case 'dispatch':
      return {
        status: to,
        ...(t.status === 'submitted' ? await accepting() : {}),
        workerName: input.workerName,
        workerPhoneMasked: input.workerPhone ? maskPhone(input.workerPhone) : null,
        workerPhoneEnc: input.workerPhone ? deps.cipher.encrypt(input.workerPhone) : null,
        dispatchedAt: now,
        dueAt: t.resolveDueAt,
      };
    case 'start':
      return { status: to, startedAt: now };
    case 'resolve':
      await attachUploads(tx, actor, input.photos, t.id, 'photos');
      return {
        status: to,
        result: input.result,
        resultPhotos: [...t.resultPhotos, ...input.photos].slice(-9),
        resolvedAt: now,
        overran: t.overran || late(t.resolveDueAt),
      };
    case 'confirm':
      return { status: to, rating: input.rating, ratingTags: input.tags, ratingComment: input.comment, confirmedAt: now };
    case 'reject': {
      const r = afterReject(t);
      return { rejectedOnce: true, rejectReason: input.reason, ...moveTo(r.level, r.status, r.escalated) };
    }
    case 'escalate':
      return moveTo(nextLevel(t.level)!, 'submitted', true);
    case 'answer':
      return { answer: input.answer, answeredAt: now };
    case 'close':
      return { status: to, closedAt: now };
  }
}
