import { and, eq } from 'drizzle-orm';
import { COMMITTEE_DISCLOSURE_KINDS, STATEMENT_KINDS, disclosureAuthor, disclosureSchema, statementDifference, type Statement } from '@baotou/shared';
import type { z } from 'zod';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { committees, disclosureFlags, disclosures } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { regionAllows } from '../jurisdiction/scope';
import { compoundRegion } from '../places/compounds';
import { memberCommittee, requireMemberCommittee } from '../committees/membership';
import { isResidentOf } from '../places/residentHomes';
import { assertOwnUploads, canonicalUploadUrl } from '../uploads';

type DisclosureInput = z.infer<typeof disclosureSchema>;
type Row = typeof disclosures.$inferSelect;
const STREET_ROLES = ['city_admin', 'district_staff', 'street_staff'];

/** A statement that does not balance is refused with the difference (DOMAIN.md §2). */
export function assertBalanced(statement: Statement | null | undefined) {
  if (!statement) return;
  const diff = statementDifference(statement);
  if (diff !== 0n) {
    throw badRequest('STATEMENT_UNBALANCED', `收支不平衡：期初余额加收入减支出与期末余额相差 ${diff} 分`, {
      closingFen: `收支不平衡：差额 ${diff} 分`,
    });
  }
}

/**
 * Kinds the platform writes itself (issue 9 §8) are never drafted, edited, published or corrected
 * by hand: a revocation comes from the revoke action, which revokes its target in the same
 * transaction; a fund-usage disclosure from the disbursement it records. 400 KIND_RESERVED.
 */
function assertHandAuthored(kind: string) {
  if (disclosureAuthor(kind) !== 'system') return;
  const message =
    kind === 'street_revocation' ? '撤销决定须对原决定使用“撤销”操作，撤销公告与撤销原决定同时生效' : '维修资金使用公示由资金划拨自动生成，不能手工发布';
  throw badRequest('KIND_RESERVED', message, { kind: message });
}

/** Who may author a disclosure of this kind for this compound: its committee, or the street. */
async function authority(tx: Tx, actor: Actor, input: { compoundId: number; kind: string }): Promise<{ committeeId: number | null; regionCode: string }> {
  const regionCode = await compoundRegion(tx, input.compoundId);
  if (disclosureAuthor(input.kind) === 'committee') {
    return { committeeId: await requireMemberCommittee(tx, actor, input.compoundId), regionCode };
  }
  if (!STREET_ROLES.includes(actor.role)) throw forbidden('ROLE_FORBIDDEN', '责令改正和撤销决定由街道发布');
  if (!regionAllows(actor, regionCode)) throw forbidden('OUT_OF_JURISDICTION', '不能为管辖范围以外的小区发布');
  const [c] = await tx
    .select({ id: committees.id })
    .from(committees)
    .where(and(eq(committees.compoundId, input.compoundId), eq(committees.status, 'in_office')))
    .limit(1);
  return { committeeId: c?.id ?? null, regionCode };
}

async function loadForUpdate(tx: Tx, id: number): Promise<Row> {
  const [row] = await tx.select().from(disclosures).where(eq(disclosures.id, id)).for('update');
  if (!row) throw notFound('公开事项');
  return row;
}

async function assertTarget(tx: Tx, input: DisclosureInput) {
  if (!input.targetId) return;
  const [t] = await tx.select().from(disclosures).where(eq(disclosures.id, input.targetId));
  if (!t || t.compoundId !== input.compoundId || t.status !== 'published') {
    throw badRequest('VALIDATION_FAILED', '所指的公开事项不存在或未公开', { targetId: '请选择本小区已公开的决定' });
  }
}

/**
 * Attachments name uploads their author uploaded (or outside https links); those already on the
 * draft being edited, or on the version being corrected, may stay.
 */
async function assertAttachments(tx: Tx, actor: Actor, input: DisclosureInput, carried: Row['attachments'] = []) {
  await assertOwnUploads(
    tx,
    actor,
    input.attachments.map((a, i) => ({ url: a.url, field: `attachments.${i}.url` })),
    { message: '附件无效：只能使用本人上传的文件', carried: carried.map((a) => a.url), allowLinks: true },
  );
}

function contentOf(input: DisclosureInput) {
  const isStatement = STATEMENT_KINDS.includes(input.kind);
  return {
    kind: input.kind,
    title: input.title,
    body: input.body ?? null,
    periodStart: input.periodStart ?? null,
    periodEnd: input.periodEnd ?? null,
    statement: isStatement ? (input.statement ?? null) : null,
    attachments: input.attachments.map((a) => ({ name: a.name, url: canonicalUploadUrl(a.url) })),
    dueDate: input.dueDate ?? null,
    targetId: input.targetId ?? null,
  };
}

export function disclosureService(db: Db) {
  return {
    async create(actor: Actor, input: DisclosureInput) {
      assertHandAuthored(input.kind);
      return db.transaction(async (tx) => {
        const { committeeId, regionCode } = await authority(tx, actor, input);
        assertBalanced(input.statement);
        await assertTarget(tx, input);
        await assertAttachments(tx, actor, input);
        const [row] = await tx
          .insert(disclosures)
          .values({ compoundId: input.compoundId, regionCode, committeeId, createdBy: actor.id, status: 'draft', ...contentOf(input) })
          .returning();
        await writeAudit(tx, actor, { action: 'create', entity: 'disclosures', entityId: row.id, after: row, regionCode });
        return row.id;
      });
    },

    /** Drafts only: a published disclosure is never edited. */
    async update(actor: Actor, id: number, input: DisclosureInput) {
      return db.transaction(async (tx) => {
        const row = await loadForUpdate(tx, id);
        if (row.status !== 'draft') throw conflict('DISCLOSURE_PUBLISHED', '已公开的内容不能修改，请发布更正版本');
        if (input.compoundId !== row.compoundId || input.kind !== row.kind) throw badRequest('VALIDATION_FAILED', '不能更改所属小区或类型');
        assertHandAuthored(row.kind);
        await authority(tx, actor, row);
        assertBalanced(input.statement);
        await assertTarget(tx, input);
        await assertAttachments(tx, actor, input, row.attachments);
        const [after] = await tx
          .update(disclosures)
          .set({ ...contentOf(input), updatedAt: new Date() })
          .where(eq(disclosures.id, id))
          .returning();
        await writeAudit(tx, actor, { action: 'update', entity: 'disclosures', entityId: id, before: row, after, regionCode: row.regionCode });
        return id;
      });
    },

    async remove(actor: Actor, id: number) {
      return db.transaction(async (tx) => {
        const row = await loadForUpdate(tx, id);
        if (row.status !== 'draft') throw conflict('DISCLOSURE_PUBLISHED', '已公开的内容不能删除');
        await authority(tx, actor, row);
        await tx.delete(disclosures).where(eq(disclosures.id, id));
        await writeAudit(tx, actor, { action: 'delete', entity: 'disclosures', entityId: id, before: row, regionCode: row.regionCode });
        return row;
      });
    },

    async publish(actor: Actor, id: number) {
      return db.transaction(async (tx) => {
        const row = await loadForUpdate(tx, id);
        await authority(tx, actor, row);
        if (row.status !== 'draft') throw conflict('DISCLOSURE_PUBLISHED', '该事项已公开');
        assertHandAuthored(row.kind);
        assertBalanced(row.statement);
        const [after] = await tx
          .update(disclosures)
          .set({ status: 'published', publishedAt: new Date(), publishedBy: actor.id, updatedAt: new Date() })
          .where(eq(disclosures.id, id))
          .returning();
        await writeAudit(tx, actor, { action: 'publish', entity: 'disclosures', entityId: id, before: row, after, regionCode: row.regionCode });
        return id;
      });
    },

    /** A correction is a new published version linked to the one it corrects; both stay visible. */
    async correct(actor: Actor, id: number, input: DisclosureInput) {
      return db.transaction(async (tx) => {
        const old = await loadForUpdate(tx, id);
        if (old.status !== 'published' || old.supersededById) throw conflict('NOT_CURRENT', '只能更正当前有效的已公开版本');
        assertHandAuthored(old.kind);
        if (input.compoundId !== old.compoundId || input.kind !== old.kind) throw badRequest('VALIDATION_FAILED', '更正版本须与原事项的小区和类型一致');
        const { committeeId } = await authority(tx, actor, old);
        assertBalanced(input.statement);
        await assertTarget(tx, input);
        await assertAttachments(tx, actor, input, old.attachments);
        const [row] = await tx
          .insert(disclosures)
          .values({
            compoundId: old.compoundId,
            regionCode: old.regionCode,
            committeeId,
            createdBy: actor.id,
            ...contentOf(input),
            status: 'published',
            publishedAt: new Date(),
            publishedBy: actor.id,
            version: old.version + 1,
            correctsId: old.id,
          })
          .returning();
        await tx.update(disclosures).set({ supersededById: row.id }).where(eq(disclosures.id, old.id));
        await writeAudit(tx, actor, {
          action: 'correct',
          entity: 'disclosures',
          entityId: row.id,
          before: { correctsId: old.id },
          after: row,
          regionCode: old.regionCode,
        });
        return row.id;
      });
    },

    /**
     * The street revokes an unlawful decision: in one transaction, under the target's row lock, it is
     * marked revoked and the revocation is published (the only way a street_revocation is written).
     */
    async revoke(actor: Actor, id: number, reason: string) {
      return db.transaction(async (tx) => {
        const target = await loadForUpdate(tx, id);
        if (!STREET_ROLES.includes(actor.role)) throw forbidden('ROLE_FORBIDDEN', '撤销决定由街道办理');
        if (!regionAllows(actor, target.regionCode)) throw forbidden('OUT_OF_JURISDICTION', '不能撤销管辖范围以外的决定');
        if (target.status !== 'published' || !(COMMITTEE_DISCLOSURE_KINDS as readonly string[]).includes(target.kind)) {
          throw conflict('NOT_REVOCABLE', '只能撤销已公开的业主委员会事项');
        }
        await tx.update(disclosures).set({ status: 'revoked', updatedAt: new Date() }).where(eq(disclosures.id, id));
        const [row] = await tx
          .insert(disclosures)
          .values({
            compoundId: target.compoundId,
            regionCode: target.regionCode,
            committeeId: target.committeeId,
            kind: 'street_revocation',
            title: `撤销：${target.title}`.slice(0, 100),
            body: reason,
            targetId: target.id,
            status: 'published',
            publishedAt: new Date(),
            publishedBy: actor.id,
            createdBy: actor.id,
          })
          .returning();
        await writeAudit(tx, actor, {
          action: 'revoke',
          entity: 'disclosures',
          entityId: id,
          before: target,
          after: { status: 'revoked', revocationId: row.id },
          regionCode: target.regionCode,
        });
        return row.id;
      });
    },

    /** A resident flags a line of a published disclosure as wrong (纠错): it reaches the committee and the street. */
    async flag(actor: Actor, input: { disclosureId: number; line: string; comment: string }) {
      return db.transaction(async (tx) => {
        const [d] = await tx.select().from(disclosures).where(eq(disclosures.id, input.disclosureId));
        if (!d || d.status === 'draft' || !(await isResidentOf(tx, actor.id, d.compoundId))) throw notFound('公开事项');
        const [kind, index] = input.line.split(':');
        const lines = kind === 'income' ? d.statement?.incomeLines : kind === 'expense' ? d.statement?.expenseLines : undefined;
        if ((kind === 'income' || kind === 'expense') && (!lines || Number(index) >= lines.length)) {
          throw badRequest('VALIDATION_FAILED', '所选明细不存在', { line: '所选明细不存在' });
        }
        const [row] = await tx
          .insert(disclosureFlags)
          .values({ disclosureId: d.id, compoundId: d.compoundId, regionCode: d.regionCode, userId: actor.id, line: input.line, comment: input.comment })
          .returning();
        await writeAudit(tx, actor, { action: 'flag', entity: 'disclosure-flags', entityId: row.id, after: row, regionCode: d.regionCode });
        return row.id;
      });
    },

    async answerFlag(actor: Actor, id: number, answer: string) {
      return db.transaction(async (tx) => {
        const [f] = await tx.select().from(disclosureFlags).where(eq(disclosureFlags.id, id)).for('update');
        if (!f) throw notFound('纠错');
        const member = actor.role === 'resident' && (await memberCommittee(tx, actor.id, f.compoundId));
        const street = STREET_ROLES.includes(actor.role) && regionAllows(actor, f.regionCode);
        if (!member && !street) throw forbidden('ROLE_FORBIDDEN', '仅本小区业主委员会或街道可以答复');
        if (f.status === 'answered') throw conflict('FLAG_ANSWERED', '该纠错已答复');
        const [after] = await tx
          .update(disclosureFlags)
          .set({ status: 'answered', answer, answeredBy: actor.id, answeredAt: new Date(), updatedAt: new Date() })
          .where(eq(disclosureFlags.id, id))
          .returning();
        await writeAudit(tx, actor, { action: 'answer', entity: 'disclosure-flags', entityId: id, before: f, after, regionCode: f.regionCode });
        return id;
      });
    },
  };
}
