import { eq, ilike, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { INTERVIEW_STATUSES, interviewRecordSchema, interviewUpdateSchema, type resurveySchema } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import type { ResourceDef } from '../http/resource';
import { interviews, surveys } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { beijingDate, isBureau, regionAllows, regionCondition } from '../jurisdiction/scope';
import { openSurvey } from './surveysService';

/** Who arranges and records interviews: the district and the street (the city too). */
export const INTERVIEWERS = ['city_admin', 'district_staff', 'street_staff'] as const;

/**
 * Interviews (约谈) raised by a warned result (research §2 rule 6): bureau staff in jurisdiction
 * read and arrange them (time, place, attendees, rectification items, deadline, minutes); the
 * company reads its own. Created only by closing a survey; never deleted.
 */
export function interviewsResource(): ResourceDef {
  return {
    name: 'interviews',
    label: '约谈',
    table: interviews,
    id: interviews.id,
    idKind: 'int',
    fields: {
      id: interviews.id,
      surveyId: interviews.surveyId,
      surveyTitle: sql<string>`(SELECT s.title FROM surveys s WHERE s.id = "interviews"."survey_id")`,
      projectId: interviews.projectId,
      companyId: interviews.companyId,
      companyName: sql<string>`(SELECT c.name FROM companies c WHERE c.id = "interviews"."company_id")`,
      compoundId: interviews.compoundId,
      compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "interviews"."compound_id")`,
      regionCode: interviews.regionCode,
      managerName: interviews.managerName,
      rateBasisPoints: interviews.rateBasisPoints,
      scheduledAt: interviews.scheduledAt,
      location: interviews.location,
      attendees: interviews.attendees,
      rectificationItems: interviews.rectificationItems,
      deadline: interviews.deadline,
      minutes: interviews.minutes,
      status: interviews.status,
      heldAt: interviews.heldAt,
      resurveyId: interviews.resurveyId,
      createdAt: interviews.createdAt,
    },
    sortable: {
      id: interviews.id,
      deadline: interviews.deadline,
      status: interviews.status,
      scheduledAt: interviews.scheduledAt,
      rateBasisPoints: interviews.rateBasisPoints,
      createdAt: interviews.createdAt,
    },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => ilike(interviews.managerName, `%${likeEscape(filterValue.string('q', v))}%`),
      status: (v) => eq(interviews.status, filterValue.oneOf('status', v, INTERVIEW_STATUSES)),
      surveyId: (v) => eq(interviews.surveyId, filterValue.int('surveyId', v)),
      companyId: (v) => eq(interviews.companyId, filterValue.int('companyId', v)),
      projectId: (v) => eq(interviews.projectId, filterValue.int('projectId', v)),
      regionCode: (v) => sql`${interviews.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
    },
    readScope: (actor) => {
      if (isBureau(actor)) return regionCondition(actor, interviews.regionCode);
      if (actor.role === 'company_staff' && actor.companyId) return eq(interviews.companyId, actor.companyId);
      return 'deny';
    },
    write: {
      roles: INTERVIEWERS,
      allows: (actor, row) => regionAllows(actor, row.regionCode as string),
      readOnlyFields: [
        'surveyId',
        'surveyTitle',
        'projectId',
        'companyId',
        'companyName',
        'compoundId',
        'compoundName',
        'regionCode',
        'managerName',
        'rateBasisPoints',
        'status',
        'heldAt',
        'resurveyId',
        'createdAt',
        'updatedAt',
      ],
      update: {
        schema: interviewUpdateSchema,
        prepare: async (input: z.infer<typeof interviewUpdateSchema>, { existing }) => {
          if (existing!.status === 'done') throw conflict('INTERVIEW_DONE', '约谈已复测完毕，不能再修改');
          // As recordInterview: once the re-survey is open the record and its deadline stand.
          if (existing!.status === 'resurveying') throw conflict('INTERVIEW_RESURVEYED', '已发起复测，约谈记录不能再修改');
          // A held interview keeps what recording it required (interviewRecordSchema): arranging may change, not blank, it.
          if (existing!.status === 'held') {
            const blank = (Object.keys(RECORDED) as (keyof typeof RECORDED)[]).find((k) => input[k] == null);
            if (blank) throw badRequest('VALIDATION_FAILED', `约谈已记录，${RECORDED[blank]}不能清空`, { [blank]: `约谈已记录，${RECORDED[blank]}不能清空` });
          }
          return { ...input, scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null };
        },
      },
    },
  };
}

/** What recording an interview requires (interviewRecordSchema), by its label. */
const RECORDED = { minutes: '约谈纪要', attendees: '参加人员', rectificationItems: '整改事项', deadline: '整改期限' } as const;

async function loadForUpdate(tx: Parameters<Parameters<Db['transaction']>[0]>[0], actor: Actor, id: number) {
  const [row] = await tx.select().from(interviews).where(eq(interviews.id, id)).for('update');
  if (!row) throw notFound('约谈');
  if (!INTERVIEWERS.includes(actor.role as never) || !regionAllows(actor, row.regionCode)) throw forbidden('OUT_OF_JURISDICTION', '无权处理管辖范围以外的约谈');
  return row;
}

/** Records the interview as held: minutes, attendees, rectification items and deadline (409 once re-surveyed). */
export async function recordInterview(db: Db, actor: Actor, id: number, input: z.infer<typeof interviewRecordSchema>) {
  return db.transaction(async (tx) => {
    const before = await loadForUpdate(tx, actor, id);
    if (before.status !== 'pending' && before.status !== 'held') throw conflict('INTERVIEW_RESURVEYED', '已发起复测，约谈记录不能再修改');
    const [after] = await tx
      .update(interviews)
      .set({ ...input, status: 'held', heldAt: before.heldAt ?? new Date(), updatedAt: new Date() })
      .where(eq(interviews.id, id))
      .returning();
    await writeAudit(tx, actor, { action: 'record_interview', entity: 'interviews', entityId: id, before, after, regionCode: before.regionCode });
    return after;
  });
}

/**
 * Opens the re-survey of the interviewed project (research §2 rule 6): only once the interview is
 * held and its rectification deadline has passed (409 otherwise), once per interview.
 */
export async function openResurvey(db: Db, actor: Actor, id: number, input: z.infer<typeof resurveySchema>) {
  return db.transaction(async (tx) => {
    const iv = await loadForUpdate(tx, actor, id);
    if (iv.status === 'pending' || !iv.deadline) throw conflict('INTERVIEW_NOT_HELD', '请先记录约谈及整改期限');
    if (iv.status !== 'held') throw conflict('RESURVEY_EXISTS', '本次约谈已发起复测');
    if (beijingDate() <= iv.deadline) throw conflict('DEADLINE_NOT_PASSED', `整改期限（${iv.deadline}）届满后才能发起复测`);
    if (input.opensOn < iv.deadline) throw badRequest('VALIDATION_FAILED', '复测须在整改期限之后开始', { opensOn: '复测须在整改期限之后开始' });
    const [s] = await tx.select({ title: surveys.title, dimensions: surveys.dimensions }).from(surveys).where(eq(surveys.id, iv.surveyId));
    const resurveyId = await openSurvey(
      tx,
      actor,
      { title: `${s.title}（复测）`.slice(0, 100), scope: 'project', projectId: iv.projectId, regionCode: null, dimensions: s.dimensions, ...input },
      id,
    );
    const [after] = await tx.update(interviews).set({ status: 'resurveying', resurveyId, updatedAt: new Date() }).where(eq(interviews.id, id)).returning();
    await writeAudit(tx, actor, {
      action: 'open_resurvey',
      entity: 'interviews',
      entityId: id,
      before: { status: iv.status },
      after: { status: after.status, resurveyId },
      regionCode: iv.regionCode,
    });
    return { id, resurveyId, status: after.status };
  });
}
