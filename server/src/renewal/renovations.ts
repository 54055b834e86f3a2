import { and, eq, like, sql } from 'drizzle-orm';
import { RENOVATION_STATUSES, RENOVATION_STATUS_LABELS, renovationSchema, type RenovationStatus } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { compounds, renovations, votes } from '../db/schema';
import { writeAudit } from '../audit/audit';
import type { ResourceDef, WriteContext } from '../http/resource';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { regionAllows } from '../jurisdiction/scope';
import { compoundScopedRead, regionWriteAllowed } from '../places/scopes';
import { refuseRetired } from '../places/compounds';

/** Who runs a renovation: the street organises the owners' decision; the district may act for it. */
export const RENOVATION_STAFF = ['street_staff', 'district_staff'] as const;

const compoundName = sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "renovations"."compound_id")`;
const voteOutcome = sql<
  string | null
>`(SELECT CASE WHEN v.status <> 'closed' THEN v.status::text WHEN (v.result->>'approved')::boolean THEN 'passed' ELSE 'failed' END FROM votes v WHERE v.id = "renovations"."vote_id")`;

/** 老旧小区改造 projects (issue 11): items, budget (Σ of the items, fen), schedule; read by bureau staff and the serving company. */
export function renovationsResource(): ResourceDef {
  return {
    name: 'renovations',
    label: '老旧小区改造项目',
    table: renovations,
    id: renovations.id,
    idKind: 'int',
    fields: {
      id: renovations.id,
      compoundId: renovations.compoundId,
      compoundName,
      regionCode: renovations.regionCode,
      title: renovations.title,
      items: renovations.items,
      budgetFen: renovations.budgetFen,
      plannedStart: renovations.plannedStart,
      plannedEnd: renovations.plannedEnd,
      serviceStandard: renovations.serviceStandard,
      feeFenPerSqmMonth: renovations.feeFenPerSqmMonth,
      status: renovations.status,
      voteId: renovations.voteId,
      voteOutcome,
      contractRef: renovations.contractRef,
      progressPercent: renovations.progressPercent,
      progressNote: renovations.progressNote,
      acceptedOn: renovations.acceptedOn,
      acceptanceNote: renovations.acceptanceNote,
      createdAt: renovations.createdAt,
      updatedAt: renovations.updatedAt,
    },
    sortable: {
      id: renovations.id,
      plannedStart: renovations.plannedStart,
      status: renovations.status,
      budgetFen: renovations.budgetFen,
      progressPercent: renovations.progressPercent,
    },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => {
        const q = `%${likeEscape(filterValue.string('q', v))}%`;
        return sql`(${renovations.title} ILIKE ${q} OR ${compoundName} ILIKE ${q})`;
      },
      compoundId: (v) => eq(renovations.compoundId, filterValue.int('compoundId', v)),
      status: (v) => eq(renovations.status, filterValue.oneOf('status', v, RENOVATION_STATUSES)),
      regionCode: (v) => like(renovations.regionCode, `${filterValue.string('regionCode', v, 12).replace(/\D/g, '')}%`),
    },
    readScope: compoundScopedRead(renovations.regionCode, renovations.compoundId),
    write: {
      roles: RENOVATION_STAFF,
      allows: regionWriteAllowed,
      readOnlyFields: [
        'compoundName',
        'regionCode',
        'budgetFen',
        'status',
        'voteId',
        'voteOutcome',
        'contractRef',
        'progressPercent',
        'progressNote',
        'acceptedOn',
        'acceptanceNote',
        'createdAt',
        'updatedAt',
      ],
      create: { schema: renovationSchema, prepare: prepareRenovation },
      update: { schema: renovationSchema, prepare: prepareRenovation },
    },
  };
}

async function prepareRenovation(input: { compoundId: number; items: { budgetFen: number }[] } & Record<string, unknown>, c: WriteContext) {
  if (c.existing && c.existing.status !== 'planned') throw conflict('RENOVATION_LOCKED', '业主已决定或已签约的改造项目不能再修改内容');
  if (c.existing && c.existing.compoundId !== input.compoundId)
    throw badRequest('VALIDATION_FAILED', '改造项目的小区不能更改', { compoundId: '改造项目的小区不能更改' });
  const [compound] = await c.tx
    .select({ regionCode: compounds.regionCode, retiredAt: compounds.retiredAt })
    .from(compounds)
    .where(eq(compounds.id, input.compoundId))
    .for('share');
  if (!compound) throw badRequest('VALIDATION_FAILED', '小区不存在', { compoundId: '小区不存在' });
  refuseRetired(compound);
  const budgetFen = input.items.reduce((s, i) => s + i.budgetFen, 0);
  if (!Number.isSafeInteger(budgetFen)) throw badRequest('VALIDATION_FAILED', '预算合计过大', { items: '预算合计过大' });
  return { ...input, regionCode: compound.regionCode, budgetFen, ...(c.existing ? {} : { createdBy: c.actor.id }) };
}

type Step = 'link_vote' | 'contract' | 'start_works' | 'progress' | 'accept';

/**
 * A renovation's workflow step, under the project's row lock (DOMAIN.md §4 renovation with the owners' agreement):
 * link_vote {voteId} — the owners' vote or consultation of the same compound, while planned;
 * contract {contractRef} — only once that vote closed and passed (409 OWNERS_DECISION_PENDING / OWNERS_DECISION_FAILED);
 * start_works — only after the passed vote and a contract (409 OWNERS_DECISION_PENDING, CONTRACT_MISSING);
 * progress {progressPercent, note} — while in progress; accept {acceptedOn, note} — at 100%, once.
 * Street or district staff of the compound's jurisdiction; audited.
 */
export async function stepRenovation(db: Db, actor: Actor, id: number, step: Step, body: Record<string, any>): Promise<void> {
  if (!(RENOVATION_STAFF as readonly string[]).includes(actor.role)) throw forbidden('ROLE_FORBIDDEN', '当前角色无权办理改造项目');
  await db.transaction(async (tx) => {
    const [r] = await tx.select().from(renovations).where(eq(renovations.id, id)).for('update');
    if (!r) throw notFound('改造项目');
    if (!regionAllows(actor, r.regionCode)) throw forbidden('OUT_OF_JURISDICTION', '无权办理管辖范围以外的改造项目');
    const expect = (...statuses: RenovationStatus[]) => {
      if (!statuses.includes(r.status)) throw conflict('RENOVATION_STATE', `改造项目当前为“${RENOVATION_STATUS_LABELS[r.status]}”，不能执行此操作`);
    };
    let set: Partial<typeof renovations.$inferInsert>;
    if (step === 'link_vote') {
      expect('planned');
      const [vote] = await tx.select({ compoundId: votes.compoundId }).from(votes).where(eq(votes.id, body.voteId));
      if (!vote || vote.compoundId !== r.compoundId) throw badRequest('VALIDATION_FAILED', '须关联本小区的业主表决', { voteId: '须关联本小区的业主表决' });
      set = { voteId: body.voteId };
    } else if (step === 'contract') {
      expect('planned');
      await assertOwnersAgreed(tx, r.voteId);
      set = { contractRef: body.contractRef, status: 'contracted' };
    } else if (step === 'start_works') {
      await assertOwnersAgreed(tx, r.voteId);
      if (r.status === 'planned') throw conflict('CONTRACT_MISSING', '尚未签订物业服务合同，不能开工');
      expect('contracted');
      set = { status: 'in_progress' };
    } else if (step === 'progress') {
      expect('in_progress');
      if (body.progressPercent < r.progressPercent)
        throw badRequest('VALIDATION_FAILED', '进度不能倒退', { progressPercent: `进度不能低于当前的${r.progressPercent}%` });
      set = { progressPercent: body.progressPercent, progressNote: body.note };
    } else {
      expect('in_progress');
      if (r.progressPercent < 100) throw conflict('WORKS_UNFINISHED', '施工进度未达到100%，不能验收');
      set = { status: 'accepted', acceptedOn: body.acceptedOn, acceptanceNote: body.note };
    }
    await tx
      .update(renovations)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(renovations.id, id));
    await writeAudit(tx, actor, { action: step, entity: 'renovations', entityId: id, before: { status: r.status }, after: set, regionCode: r.regionCode });
  });
}

/** The owners' decision (their vote on content, service standard and fee) must have closed and passed. */
async function assertOwnersAgreed(tx: Tx, voteId: number | null): Promise<void> {
  if (!voteId) throw conflict('OWNERS_DECISION_PENDING', '业主尚未就改造内容、服务标准和收费作出决定，不能开工或签约');
  const [vote] = await tx
    .select({ status: votes.status, result: votes.result })
    .from(votes)
    .where(and(eq(votes.id, voteId)));
  if (!vote || vote.status !== 'closed') throw conflict('OWNERS_DECISION_PENDING', '业主表决尚未结束，不能开工或签约');
  if (!(vote.result as { approved?: boolean } | null)?.approved) throw conflict('OWNERS_DECISION_FAILED', '业主表决未通过，不能开工或签约');
}
