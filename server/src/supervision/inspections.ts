import { eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { SupervisionSettings } from '@baotou/config';
import { INSPECTION_KINDS, hazardDeadline, inspectionCreateSchema, inspectionResultProblems, type InspectionCreateInput } from '@baotou/shared';
import type { ResourceDef, WriteContext } from '../http/resource';
import { badRequest, forbidden } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { beijingDate, companyServes, regionAllows } from '../jurisdiction/scope';
import { hazards, inspectionChecklistItems, inspections, projects, type InspectionResultRow } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { assertOwnUploads } from '../uploads';
import { recordRuleCreditItem } from '../credit/ruleItems';
import { addHazardEvent, reportHazard } from './hazards';
import { inspectionReadScope, isInspector } from './hazardsScope';

/** How far back a visit may be entered after the fact; a later or older time is a typing error. */
const MAX_BACKDATE_MS = 30 * 24 * 3600_000;
const CLOCK_SKEW_MS = 10 * 60_000;

function visitTime(raw: string | null | undefined, now: Date): Date {
  if (!raw) return now;
  const at = new Date(raw);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw badRequest('ABSURD_DATE', '检查时间不能晚于现在', { inspectedAt: '检查时间不能晚于现在' });
  if (at.getTime() < now.getTime() - MAX_BACKDATE_MS) throw badRequest('ABSURD_DATE', '检查时间不能早于30天前', { inspectedAt: '检查时间不能早于30天前' });
  return at;
}

/**
 * Who may record what (issue 10): an inspection by district/street/community (and city) staff of a
 * project in their jurisdiction; a patrol by company staff of a project their company serves today.
 */
async function prepareInspection(input: InspectionCreateInput, c: WriteContext) {
  const { tx, actor } = c;
  if (input.kind === 'inspection' && !isInspector(actor))
    throw forbidden('ROLE_FORBIDDEN', actor.role === 'company_staff' ? '物业企业只能录入本企业的日常巡查' : '当前角色无权录入监督检查');
  if (input.kind === 'patrol' && actor.role !== 'company_staff') throw forbidden('ROLE_FORBIDDEN', '日常巡查由物业企业录入，检查部门请录入监督检查');
  const [project] = await tx.select().from(projects).where(eq(projects.id, input.projectId));
  if (!project) throw badRequest('VALIDATION_FAILED', '项目不存在', { projectId: '项目不存在' });
  if (input.kind === 'inspection' && !regionAllows(actor, project.regionCode)) throw forbidden('OUT_OF_JURISDICTION', '不能检查管辖范围以外的项目');
  if (input.kind === 'patrol' && (project.companyId !== actor.companyId || !(await companyServes(tx, actor.companyId, project.compoundId)))) {
    throw forbidden('NOT_YOUR_PROJECT', '只能巡查本企业正在服务的项目');
  }
  const now = new Date();
  const inspectedAt = visitTime(input.inspectedAt, now);
  const rows = await tx
    .select()
    .from(inspectionChecklistItems)
    .where(inArray(inspectionChecklistItems.id, [...new Set(input.results.map((r) => r.itemId))]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const problems = inspectionResultProblems(input.results, byId);
  if (Object.keys(problems).length) throw badRequest('VALIDATION_FAILED', Object.values(problems)[0], problems);
  const photoRefs = input.results.flatMap((r, i) => [
    ...r.photos.map((url) => ({ url, field: `results.${i}.photos` })),
    ...r.rectificationPhotos.map((url) => ({ url, field: `results.${i}.rectificationPhotos` })),
  ]);
  await assertOwnUploads(tx, actor, photoRefs, { message: '照片须为本人上传的图片' });
  const results: InspectionResultRow[] = input.results.map((r) => {
    const item = byId.get(r.itemId)!;
    return {
      itemId: item.id,
      code: item.code,
      category: item.category,
      text: item.text,
      severity: item.severity,
      result: r.result,
      photos: r.photos,
      note: r.note,
      correctedOnSpot: r.correctedOnSpot,
      rectificationPhotos: r.rectificationPhotos,
    };
  });
  return {
    kind: input.kind,
    projectId: project.id,
    companyId: project.companyId,
    compoundId: project.compoundId,
    regionCode: project.regionCode,
    inspectorId: actor.id,
    inspectedAt,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    note: input.note,
    failedCount: results.filter((r) => r.result === 'failed').length,
    results,
  };
}

/**
 * After the visit is stored, each failed item becomes a hazard (DOMAIN.md §10): corrected on the
 * spot → closed at once with its rectification photos; an on-the-spot item not corrected → reported
 * at once; any other → open with the company's deadline (settings). A bureau inspection with a
 * failed item records the `inspection_failed` credit item once (sourceKey `inspection:<id>`).
 */
async function createHazards(row: Record<string, unknown>, c: WriteContext, settings: SupervisionSettings) {
  const { tx, actor } = c;
  const inspection = row as typeof inspections.$inferSelect;
  const failed = inspection.results.filter((r) => r.result === 'failed');
  const items = new Map(
    (
      await tx
        .select()
        .from(inspectionChecklistItems)
        .where(inArray(inspectionChecklistItems.id, failed.map((r) => r.itemId).concat(0)))
    ).map((i) => [i.id, i]),
  );
  for (const r of failed) {
    const item = items.get(r.itemId)!;
    const foundAt = inspection.inspectedAt;
    const closed = r.correctedOnSpot;
    const [h] = await tx
      .insert(hazards)
      .values({
        inspectionId: inspection.id,
        kind: inspection.kind,
        itemId: item.id,
        projectId: inspection.projectId,
        companyId: inspection.companyId,
        compoundId: inspection.compoundId,
        regionCode: inspection.regionCode,
        category: item.category,
        description: (r.note ? `${item.text}：${r.note}` : item.text).slice(0, 700),
        severity: item.severity,
        onSpot: item.onSpot,
        fireLane: item.fireLane,
        status: closed ? 'closed' : 'open',
        foundBy: actor.id,
        foundAt,
        deadlineAt: hazardDeadline({ foundAt, severity: item.severity, onSpot: item.onSpot }, settings),
        photos: r.photos,
        rectificationPhotos: closed ? r.rectificationPhotos : [],
        rectifiedAt: closed ? foundAt : null,
        rectifiedBy: closed ? actor.id : null,
        closedAt: closed ? foundAt : null,
        closedBy: closed ? actor.id : null,
      })
      .returning();
    await addHazardEvent(tx, actor, h.id, 'found', foundAt, r.note, r.photos);
    if (closed) await addHazardEvent(tx, actor, h.id, 'closed_on_spot', foundAt, null, r.rectificationPhotos);
    await writeAudit(tx, actor, { action: 'create', entity: 'hazards', entityId: h.id, after: h, regionCode: h.regionCode });
    if (!closed && item.onSpot) await reportHazard(tx, actor, h, 'not_corrected_on_spot', new Date());
  }
  if (inspection.kind === 'inspection' && failed.length > 0) {
    await recordRuleCreditItem(tx, {
      rule: 'inspection_failed',
      sourceKey: `inspection:${inspection.id}`,
      companyId: inspection.companyId,
      projectId: inspection.projectId,
      occurredOn: beijingDate(inspection.inspectedAt),
      note: `监督检查不合格${failed.length}项：${failed.map((r) => r.text).join('；')}`.slice(0, 500),
    });
  }
}

export function inspectionsResource(settings: SupervisionSettings): ResourceDef {
  return {
    name: 'inspections',
    label: '检查记录',
    table: inspections,
    id: inspections.id,
    idKind: 'int',
    fields: {
      id: inspections.id,
      kind: inspections.kind,
      projectId: inspections.projectId,
      compoundId: inspections.compoundId,
      compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "inspections"."compound_id")`,
      companyId: inspections.companyId,
      companyName: sql<string>`(SELECT c.name FROM companies c WHERE c.id = "inspections"."company_id")`,
      regionCode: inspections.regionCode,
      districtCode: sql<string>`substr("inspections"."region_code", 1, 6)`,
      inspectorId: inspections.inspectorId,
      inspectorName: sql<string>`(SELECT u.name FROM users u WHERE u.id = "inspections"."inspector_id")`,
      inspectedAt: inspections.inspectedAt,
      lat: inspections.lat,
      lng: inspections.lng,
      note: inspections.note,
      failedCount: inspections.failedCount,
      openHazards: sql<number>`(SELECT count(*)::int FROM hazards h WHERE h.inspection_id = "inspections"."id" AND h.status <> 'closed')`,
      results: inspections.results,
      createdAt: inspections.createdAt,
    },
    sortable: { id: inspections.id, inspectedAt: inspections.inspectedAt, failedCount: inspections.failedCount, kind: inspections.kind },
    defaultSort: ['inspectedAt', 'DESC'],
    filters: {
      q: (v) => {
        const q = `%${likeEscape(filterValue.string('q', v, 40))}%`;
        return or(
          ilike(inspections.note, q),
          sql`${inspections.compoundId} IN (SELECT id FROM compounds WHERE name ILIKE ${q})`,
          sql`${inspections.companyId} IN (SELECT id FROM companies WHERE name ILIKE ${q})`,
        );
      },
      kind: (v) => eq(inspections.kind, filterValue.oneOf('kind', v, INSPECTION_KINDS)),
      failed: (v) => (filterValue.bool('failed', v) ? sql`${inspections.failedCount} > 0` : eq(inspections.failedCount, 0)),
      projectId: (v) => eq(inspections.projectId, filterValue.int('projectId', v)),
      companyId: (v) => eq(inspections.companyId, filterValue.int('companyId', v)),
      compoundId: (v) => eq(inspections.compoundId, filterValue.int('compoundId', v)),
      regionCode: (v) => sql`${inspections.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
    },
    readScope: inspectionReadScope,
    write: {
      roles: ['city_admin', 'district_staff', 'street_staff', 'community_staff', 'company_staff'],
      // prepareInspection has checked role, jurisdiction and the company's contract.
      allows: (actor, row) => (row.kind === 'patrol' ? row.companyId === actor.companyId : regionAllows(actor, row.regionCode as string)),
      readOnlyFields: [
        'compoundId',
        'compoundName',
        'companyId',
        'companyName',
        'regionCode',
        'districtCode',
        'inspectorId',
        'inspectorName',
        'failedCount',
        'openHazards',
        'createdAt',
        'updatedAt',
      ],
      create: { schema: inspectionCreateSchema, prepare: prepareInspection, after: (row, c) => createHazards(row, c, settings) },
    },
  };
}
