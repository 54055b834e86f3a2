import { and, eq, ilike, or, sql } from 'drizzle-orm';
import {
  CREDIT_OBJECTION_STATUSES,
  addWorkingDays,
  creditObjectionAnswerSchema,
  creditObjectionCreateSchema,
  pointsFitCategory,
  type CreditObjectionCreate,
} from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { ResourceDef, WriteContext } from '../http/resource';
import { AppError, badRequest, conflict, forbidden, notFound } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { beijingDate, regionAllows } from '../jurisdiction/scope';
import type { Db } from '../db/client';
import { creditItems, creditObjections } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { assertOwnUploads, canonicalUploadUrl } from '../uploads';
import { CREDIT_AUTHORITIES, creditTypeLabel } from './items';
import { creditObjectionReadScope } from './itemsScope';
import { creditSettings } from './settings';

/**
 * A company objects to one of its items (DOMAIN.md §5; 征信业管理条例 Art. 25): during publicity or
 * while the item is valid, not after it expired, not to a withdrawn item, and one open objection at a
 * time. The item is locked and flagged 异议中 at once (status objected, so it stops counting); the
 * answer is due in the answer period (20 working days by default).
 */
async function prepareObjection(input: CreditObjectionCreate, c: WriteContext) {
  if (c.actor.role !== 'company_staff' || !c.actor.companyId) throw forbidden('ROLE_FORBIDDEN', '只有被记录的企业可以提出异议');
  const [item] = await c.tx.select().from(creditItems).where(eq(creditItems.id, input.itemId)).for('update');
  if (!item || item.companyId !== c.actor.companyId) throw badRequest('VALIDATION_FAILED', '信用事项不存在', { itemId: '信用事项不存在' });
  const today = beijingDate();
  if (item.status === 'withdrawn') throw conflict('ITEM_WITHDRAWN', '该信用事项已撤销，无需提出异议');
  if (item.status === 'objected') throw conflict('ALREADY_OBJECTED', '该信用事项已有待答复的异议');
  if (today > item.validUntil) throw new AppError('ITEM_EXPIRED', 409, '该信用事项已过有效期，不能再提出异议', { itemId: '该事项已过有效期' });
  await assertOwnUploads(
    c.tx,
    c.actor,
    input.evidence.map((e, i) => ({ url: e.url, field: `evidence.${i}.url` })),
    { message: '证明材料无效：只能使用本人上传的文件' },
  );
  await c.tx.update(creditItems).set({ status: 'objected', updatedAt: new Date() }).where(eq(creditItems.id, item.id));
  await writeAudit(c.tx, c.actor, {
    action: 'object',
    entity: 'credit-items',
    entityId: item.id,
    before: { status: item.status },
    after: { status: 'objected' },
    regionCode: item.regionCode,
  });
  return {
    itemId: item.id,
    companyId: item.companyId,
    reason: input.reason,
    evidence: input.evidence.map((e) => ({ name: e.name, url: canonicalUploadUrl(e.url) })),
    status: 'pending',
    dueOn: addWorkingDays(today, creditSettings().objectionAnswerWorkingDays),
    pointsBefore: item.pointsTenths,
    createdBy: c.actor.id,
    // the audit row of the objection itself carries the item's region (resource.ts reads row.regionCode)
  };
}

const itemRegion = sql`(SELECT i.region_code FROM credit_items i WHERE i.id = "credit_objections"."item_id")`;

export function creditObjectionsResource(): ResourceDef {
  return {
    name: 'credit-objections',
    label: '信用异议',
    table: creditObjections,
    id: creditObjections.id,
    idKind: 'int',
    fields: {
      id: creditObjections.id,
      itemId: creditObjections.itemId,
      companyId: creditObjections.companyId,
      companyName: sql<string>`(SELECT c.name FROM companies c WHERE c.id = "credit_objections"."company_id")`,
      itemType: sql<string>`(SELECT i.type FROM credit_items i WHERE i.id = "credit_objections"."item_id")`,
      itemDocument: sql<string>`(SELECT i.document FROM credit_items i WHERE i.id = "credit_objections"."item_id")`,
      regionCode: itemRegion,
      reason: creditObjections.reason,
      evidence: creditObjections.evidence,
      status: creditObjections.status,
      dueOn: creditObjections.dueOn,
      overdue: sql<boolean>`("credit_objections"."status" = 'pending' AND "credit_objections"."due_on" < (now() AT TIME ZONE 'Asia/Shanghai')::date)`,
      answer: creditObjections.answer,
      pointsBefore: creditObjections.pointsBefore,
      pointsAfter: creditObjections.pointsAfter,
      answeredAt: creditObjections.answeredAt,
      createdAt: creditObjections.createdAt,
    },
    sortable: {
      id: creditObjections.id,
      dueOn: creditObjections.dueOn,
      status: creditObjections.status,
      createdAt: creditObjections.createdAt,
      answeredAt: creditObjections.answeredAt,
    },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => {
        const q = `%${likeEscape(filterValue.string('q', v, 40))}%`;
        return or(ilike(creditObjections.reason, q), sql`${creditObjections.companyId} IN (SELECT id FROM companies WHERE name ILIKE ${q})`);
      },
      status: (v) => eq(creditObjections.status, filterValue.oneOf('status', v, CREDIT_OBJECTION_STATUSES)),
      itemId: (v) => eq(creditObjections.itemId, filterValue.int('itemId', v)),
      companyId: (v) => eq(creditObjections.companyId, filterValue.int('companyId', v)),
      overdue: (v) =>
        filterValue.bool('overdue', v)
          ? sql`${creditObjections.status} = 'pending' AND ${creditObjections.dueOn} < (now() AT TIME ZONE 'Asia/Shanghai')::date`
          : undefined,
    },
    readScope: creditObjectionReadScope,
    present: (row) => ({ ...row, itemTypeLabel: row.itemType ? creditTypeLabel(row.itemType as string) : null }),
    write: {
      roles: ['company_staff'],
      allows: (actor, row) => actor.role === 'company_staff' && !!actor.companyId && row.companyId === actor.companyId,
      readOnlyFields: [
        'companyId',
        'companyName',
        'itemType',
        'itemTypeLabel',
        'itemDocument',
        'regionCode',
        'status',
        'dueOn',
        'overdue',
        'answer',
        'pointsBefore',
        'pointsAfter',
        'answeredAt',
        'createdAt',
      ],
      create: { schema: creditObjectionCreateSchema, prepare: prepareObjection },
    },
  };
}

/**
 * The authority answers an objection (DOMAIN.md §5): city or district staff in the item's
 * jurisdiction — never the objecting company. upheld: the item counts again as it was; corrected:
 * the item takes the new points (within its type's range, of its category's sign); withdrawn: the
 * item is withdrawn. Objection and item are locked; a second answer is 409 ALREADY_ANSWERED. Both
 * rows audited in the one transaction.
 */
export async function answerObjection(db: Db, actor: Actor, id: number, body: unknown) {
  if (!(CREDIT_AUTHORITIES as readonly string[]).includes(actor.role)) throw forbidden('NOT_THE_AUTHORITY', '异议由认定机关答复，被记录的企业不能答复');
  const input = creditObjectionAnswerSchema.parse(body);
  return db.transaction(async (tx) => {
    const [objection] = await tx.select().from(creditObjections).where(eq(creditObjections.id, id)).for('update');
    if (!objection) throw notFound('信用异议');
    const [item] = await tx.select().from(creditItems).where(eq(creditItems.id, objection.itemId)).for('update');
    if (!regionAllows(actor, item.regionCode)) throw forbidden('OUT_OF_JURISDICTION', '该异议不在您的管辖范围内');
    if (objection.status !== 'pending') throw conflict('ALREADY_ANSWERED', '该异议已答复');
    let points = item.pointsTenths;
    if (input.outcome === 'corrected') {
      points = input.pointsTenths!;
      const type = creditSettings().itemTypes[item.type];
      if (!pointsFitCategory(item.category, points))
        throw badRequest('POINTS_OUT_OF_RANGE', `更正后的分值须与${item.category === 'bad' ? '不良' : '良好'}事项的方向一致`, { pointsTenths: '分值方向不符' });
      if (type && (points < type.minTenths || points > type.maxTenths)) {
        const range = `${type.minTenths / 10}～${type.maxTenths / 10}分`;
        throw badRequest('POINTS_OUT_OF_RANGE', `${type.label}的分值须在${range}之间`, { pointsTenths: `分值须在${range}之间` });
      }
      if (points === item.pointsTenths) throw badRequest('VALIDATION_FAILED', '更正后的分值与原分值相同，请选择维持', { pointsTenths: '与原分值相同' });
    }
    const now = new Date();
    const [after] = await tx
      .update(creditObjections)
      .set({ status: input.outcome, answer: input.answer, pointsAfter: points, answeredBy: actor.id, answeredAt: now, updatedAt: now })
      .where(and(eq(creditObjections.id, id), eq(creditObjections.status, 'pending')))
      .returning();
    const itemAfter = { status: input.outcome === 'withdrawn' ? ('withdrawn' as const) : ('published' as const), pointsTenths: points, updatedAt: now };
    await tx.update(creditItems).set(itemAfter).where(eq(creditItems.id, item.id));
    await writeAudit(tx, actor, {
      action: 'answer',
      entity: 'credit-objections',
      entityId: id,
      before: { status: objection.status },
      after: { status: input.outcome, answer: input.answer, pointsAfter: points },
      regionCode: item.regionCode,
    });
    const itemAction = input.outcome === 'corrected' ? 'correct' : input.outcome === 'withdrawn' ? 'withdraw' : 'uphold';
    await writeAudit(tx, actor, {
      action: itemAction,
      entity: 'credit-items',
      entityId: item.id,
      before: { status: item.status, pointsTenths: item.pointsTenths },
      after: { status: itemAfter.status, pointsTenths: points },
      regionCode: item.regionCode,
    });
    return after;
  });
}
