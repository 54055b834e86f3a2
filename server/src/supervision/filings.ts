import { and, eq, ilike, or, sql } from 'drizzle-orm';
import { FILING_KINDS, FILING_REVIEWERS, FILING_STATUSES, filingCreateSchema, filingMayMove, filingReviewSchema, type FilingCreate } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { ResourceDef, WriteContext } from '../http/resource';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { isBureau, regionAllows, regionCondition } from '../jurisdiction/scope';
import type { Db } from '../db/client';
import { filings, projects } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { assertOwnUploads, canonicalUploadUrl } from '../uploads';

/** A company files for its own projects only, with its own uploads (or public links). */
async function prepareFiling(input: FilingCreate, c: WriteContext) {
  const [project] = await c.tx
    .select({ companyId: projects.companyId, regionCode: projects.regionCode })
    .from(projects)
    .where(eq(projects.id, input.projectId));
  if (!project) throw badRequest('VALIDATION_FAILED', '项目不存在', { projectId: '项目不存在' });
  if (!c.actor.companyId || project.companyId !== c.actor.companyId) throw forbidden('NOT_YOUR_PROJECT', '只能为本企业服务的项目办理备案');
  await assertOwnUploads(
    c.tx,
    c.actor,
    input.documents.map((d, i) => ({ url: d.url, field: `documents.${i}.url` })),
    { message: '备案材料无效：只能使用本人上传的文件', allowLinks: true },
  );
  return {
    ...input,
    managerName: input.kind === 'project_manager' ? input.managerName : null,
    documents: input.documents.map((d) => ({ ...d, url: canonicalUploadUrl(d.url) })),
    companyId: project.companyId,
    regionCode: project.regionCode,
    submittedBy: c.actor.id,
  };
}

export function filingsResource(): ResourceDef {
  return {
    name: 'filings',
    label: '备案',
    table: filings,
    id: filings.id,
    idKind: 'int',
    fields: {
      id: filings.id,
      projectId: filings.projectId,
      projectName: sql<string>`(SELECT c.name FROM projects p JOIN compounds c ON c.id = p.compound_id WHERE p.id = "filings"."project_id")`,
      companyId: filings.companyId,
      companyName: sql<string>`(SELECT c.name FROM companies c WHERE c.id = "filings"."company_id")`,
      regionCode: filings.regionCode,
      kind: filings.kind,
      status: filings.status,
      documentNo: filings.documentNo,
      managerName: filings.managerName,
      validFrom: filings.validFrom,
      validUntil: filings.validUntil,
      documents: filings.documents,
      note: filings.note,
      filingNo: filings.filingNo,
      returnReason: filings.returnReason,
      reviewedAt: filings.reviewedAt,
      createdAt: filings.createdAt,
    },
    sortable: {
      id: filings.id,
      createdAt: filings.createdAt,
      validUntil: filings.validUntil,
      status: filings.status,
      kind: filings.kind,
      projectId: filings.projectId,
    },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => {
        const q = `%${likeEscape(filterValue.string('q', v, 40))}%`;
        return or(
          ilike(filings.documentNo, q),
          ilike(filings.filingNo, q),
          ilike(filings.managerName, q),
          sql`${filings.projectId} IN (SELECT p.id FROM projects p JOIN compounds c ON c.id = p.compound_id WHERE c.name ILIKE ${q})`,
          sql`${filings.companyId} IN (SELECT id FROM companies WHERE name ILIKE ${q})`,
        );
      },
      kind: (v) => eq(filings.kind, filterValue.oneOf('kind', v, FILING_KINDS)),
      status: (v) => eq(filings.status, filterValue.oneOf('status', v, FILING_STATUSES)),
      projectId: (v) => eq(filings.projectId, filterValue.int('projectId', v)),
      companyId: (v) => eq(filings.companyId, filterValue.int('companyId', v)),
      regionCode: (v) => sql`${filings.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
    },
    readScope: (actor) => {
      if (isBureau(actor)) return regionCondition(actor, filings.regionCode);
      if (actor.role === 'company_staff' && actor.companyId) return eq(filings.companyId, actor.companyId);
      return 'deny';
    },
    write: {
      roles: ['company_staff'],
      allows: (actor, row) => !!actor.companyId && row.companyId === actor.companyId,
      readOnlyFields: ['projectName', 'companyName', 'companyId', 'regionCode', 'status', 'filingNo', 'returnReason', 'reviewedAt', 'createdAt', 'updatedAt'],
      create: { schema: filingCreateSchema, prepare: prepareFiling },
    },
  };
}

/**
 * The district or street reviews a submitted filing: filed (with the authority's filing number,
 * default 备案-<year>-<id>) or returned with a reason. Never the company, never the submitter; the
 * row is locked and must still be submitted, so it is decided once.
 */
export async function reviewFiling(db: Db, actor: Actor, id: number, body: unknown) {
  if (actor.role === 'company_staff') throw forbidden('CANNOT_REVIEW_OWN_FILING', '企业不能审核本企业的备案（由区住建局或街道审核）');
  if (!(FILING_REVIEWERS as readonly string[]).includes(actor.role)) throw forbidden('ROLE_FORBIDDEN', '当前角色无权审核备案');
  const input = filingReviewSchema.parse(body ?? {});
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(filings).where(eq(filings.id, id)).for('update');
    if (!row || !regionAllows(actor, row.regionCode)) throw notFound('备案');
    if (row.submittedBy === actor.id) throw forbidden('CANNOT_REVIEW_OWN_FILING', '不能审核本人提交的备案');
    if (!filingMayMove(row.status, input.decision)) throw conflict('FILING_DECIDED', '该备案已审核');
    const now = new Date();
    const [after] = await tx
      .update(filings)
      .set({
        status: input.decision,
        reviewedBy: actor.id,
        reviewedAt: now,
        filingNo: input.decision === 'filed' ? (input.filingNo ?? `备案-${row.validFrom.slice(0, 4)}-${row.id}`) : null,
        returnReason: input.decision === 'returned' ? input.returnReason : null,
        updatedAt: now,
      })
      .where(and(eq(filings.id, id), eq(filings.status, 'submitted')))
      .returning();
    await writeAudit(tx, actor, {
      action: input.decision === 'filed' ? 'file' : 'return',
      entity: 'filings',
      entityId: id,
      before: row,
      after,
      regionCode: row.regionCode,
    });
    return after;
  });
}
