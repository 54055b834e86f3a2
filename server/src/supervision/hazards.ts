import { and, eq, ilike, or, sql } from 'drizzle-orm';
import type { SupervisionSettings } from '@baotou/config';
import {
  CHECKLIST_CATEGORIES,
  FIRE_BRIGADE_LABEL,
  HAZARD_REPORT_LEVEL_LABELS,
  HAZARD_REPORT_LEVELS,
  HAZARD_REPORT_REASON_LABELS,
  HAZARD_SEVERITIES,
  HAZARD_STATUSES,
  INSPECTION_KINDS,
  canMoveHazard,
  hazardRectifySchema,
  hazardReportSchema,
  hazardReportTarget,
  hazardVerifySchema,
  isHazardOverdue,
  type HazardEventAction,
  type HazardReportReason,
} from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { ResourceDef } from '../http/resource';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { beijingDate, regionAllows } from '../jurisdiction/scope';
import { hazardReadScope, isInspector } from './hazardsScope';

export { isInspector };
import type { Db, Tx } from '../db/client';
import { hazardEvents, hazards, type HazardRow } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { assertOwnUploads } from '../uploads';
import { recordRuleCreditItem } from '../credit/ruleItems';

/** SQL: the hazard is overdue now (isHazardOverdue in SQL, for the list's column and filter). */
const OVERDUE_SQL = sql`("hazards"."status" = 'open' AND "hazards"."deadline_at" < now()) OR ("hazards"."status" = 'rectified' AND "hazards"."rectified_at" > "hazards"."deadline_at")`;

export function hazardsResource(): ResourceDef {
  return {
    name: 'hazards',
    label: '隐患',
    table: hazards,
    id: hazards.id,
    idKind: 'int',
    fields: {
      id: hazards.id,
      inspectionId: hazards.inspectionId,
      kind: hazards.kind,
      itemId: hazards.itemId,
      projectId: hazards.projectId,
      compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "hazards"."compound_id")`,
      companyId: hazards.companyId,
      companyName: sql<string>`(SELECT c.name FROM companies c WHERE c.id = "hazards"."company_id")`,
      compoundId: hazards.compoundId,
      regionCode: hazards.regionCode,
      districtCode: sql<string>`substr("hazards"."region_code", 1, 6)`,
      category: hazards.category,
      description: hazards.description,
      severity: hazards.severity,
      onSpot: hazards.onSpot,
      fireLane: hazards.fireLane,
      status: hazards.status,
      overdue: sql<boolean>`(${OVERDUE_SQL})`,
      foundAt: hazards.foundAt,
      foundByName: sql<string>`(SELECT u.name FROM users u WHERE u.id = "hazards"."found_by")`,
      deadlineAt: hazards.deadlineAt,
      photos: hazards.photos,
      rectificationPhotos: hazards.rectificationPhotos,
      rectificationNote: hazards.rectificationNote,
      rectifiedAt: hazards.rectifiedAt,
      rectifiedBy: hazards.rectifiedBy,
      closedAt: hazards.closedAt,
      reportedAt: hazards.reportedAt,
      reportedTo: hazards.reportedTo,
      reportReason: hazards.reportReason,
      /** DOMAIN.md §10: a reported fire-lane hazard goes to the police station / fire brigade too. */
      fireBrigadeFlag: sql<boolean>`("hazards"."fire_lane" AND "hazards"."reported_at" IS NOT NULL)`,
      events: sql<unknown>`(SELECT coalesce(json_agg(json_build_object('id', e.id, 'action', e.action, 'actorName', e.actor_name, 'note', e.note, 'photos', e.photos, 'at', e.at) ORDER BY e.at, e.id), '[]'::json) FROM hazard_events e WHERE e.hazard_id = "hazards"."id")`,
      createdAt: hazards.createdAt,
    },
    sortable: {
      id: hazards.id,
      deadlineAt: hazards.deadlineAt,
      foundAt: hazards.foundAt,
      status: hazards.status,
      reportedAt: hazards.reportedAt,
      severity: hazards.severity,
    },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => {
        const q = `%${likeEscape(filterValue.string('q', v, 40))}%`;
        return or(
          ilike(hazards.description, q),
          sql`${hazards.compoundId} IN (SELECT id FROM compounds WHERE name ILIKE ${q})`,
          sql`${hazards.companyId} IN (SELECT id FROM companies WHERE name ILIKE ${q})`,
        );
      },
      status: (v) => eq(hazards.status, filterValue.oneOf('status', v, HAZARD_STATUSES)),
      kind: (v) => eq(hazards.kind, filterValue.oneOf('kind', v, INSPECTION_KINDS)),
      severity: (v) => eq(hazards.severity, filterValue.oneOf('severity', v, HAZARD_SEVERITIES)),
      category: (v) => eq(hazards.category, filterValue.oneOf('category', v, CHECKLIST_CATEGORIES)),
      overdue: (v) => (filterValue.bool('overdue', v) ? sql`(${OVERDUE_SQL})` : sql`NOT (${OVERDUE_SQL})`),
      reported: (v) => (filterValue.bool('reported', v) ? sql`${hazards.reportedAt} IS NOT NULL` : sql`${hazards.reportedAt} IS NULL`),
      reportedTo: (v) => eq(hazards.reportedTo, filterValue.oneOf('reportedTo', v, HAZARD_REPORT_LEVELS)),
      fireLane: (v) => eq(hazards.fireLane, filterValue.bool('fireLane', v)),
      projectId: (v) => eq(hazards.projectId, filterValue.int('projectId', v)),
      companyId: (v) => eq(hazards.companyId, filterValue.int('companyId', v)),
      compoundId: (v) => eq(hazards.compoundId, filterValue.int('compoundId', v)),
      inspectionId: (v) => eq(hazards.inspectionId, filterValue.int('inspectionId', v)),
      regionCode: (v) => sql`${hazards.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
    },
    readScope: hazardReadScope,
  };
}

/** One step of a hazard's timeline, in the caller's transaction. */
export async function addHazardEvent(
  tx: Tx,
  actor: Actor | null,
  hazardId: number,
  action: HazardEventAction,
  at: Date,
  note: string | null = null,
  photos: string[] = [],
) {
  await tx.insert(hazardEvents).values({ hazardId, action, actorId: actor?.id ?? null, actorName: (actor?.name ?? '系统').slice(0, 40), note, photos, at });
}

/**
 * Reports a hazard to the street office (general) or district bureau (major) — DOMAIN.md §10 — and,
 * for a fire lane, flags it for the fire brigade. In the caller's transaction with the row already
 * locked and not yet reported. An overdue (or not corrected on the spot) hazard found by a bureau
 * inspection also records the `hazard_overdue` bad credit item, at most once per hazard
 * (sourceKey `hazard:<id>`, S3's unique index): a replayed sweep records none.
 */
export async function reportHazard(tx: Tx, actor: Actor | null, h: HazardRow, reason: HazardReportReason, now: Date, note?: string) {
  const target = hazardReportTarget(h.severity, h.regionCode);
  const [after] = await tx
    .update(hazards)
    .set({ reportedAt: now, reportedTo: target.level, reportReason: reason, updatedAt: now })
    .where(and(eq(hazards.id, h.id), sql`${hazards.reportedAt} IS NULL`))
    .returning();
  if (!after) return undefined;
  const text = `${HAZARD_REPORT_REASON_LABELS[reason]}，已上报${HAZARD_REPORT_LEVEL_LABELS[target.level]}${h.fireLane ? `，并通报${FIRE_BRIGADE_LABEL}` : ''}${note ? `：${note}` : ''}`;
  await addHazardEvent(tx, actor, h.id, 'report', now, text.slice(0, 500));
  await writeAudit(tx, actor, {
    action: 'report_hazard',
    entity: 'hazards',
    entityId: h.id,
    before: { reportedAt: null },
    after: { reportedAt: now, reportedTo: target.level, reportReason: reason, reportedRegionCode: target.regionCode },
    regionCode: h.regionCode,
  });
  if (reason !== 'unfixable' && h.kind === 'inspection') {
    await recordRuleCreditItem(tx, {
      rule: 'hazard_overdue',
      sourceKey: `hazard:${h.id}`,
      companyId: h.companyId,
      projectId: h.projectId,
      occurredOn: beijingDate(now),
      note: `隐患逾期：${h.description}`.slice(0, 500),
    });
  }
  return after;
}

async function lockHazard(tx: Tx, id: number): Promise<HazardRow | undefined> {
  const [row] = await tx.select().from(hazards).where(eq(hazards.id, id)).for('update');
  return row;
}

/** The company may act on its own hazards only (another company's does not exist to it). */
function assertCompanyOwns(actor: Actor, h: HazardRow | undefined): asserts h is HazardRow {
  if (!h || actor.role !== 'company_staff' || !actor.companyId || h.companyId !== actor.companyId) throw notFound('隐患');
}

/**
 * POST /api/hazards/:id/rectify — the company hands in its rectification with photos (its own
 * uploads) and a note: open → rectified. Handed in after the deadline, the hazard is reported at
 * once (as the sweep would). Company staff of the hazard's company only.
 */
export async function rectifyHazard(db: Db, actor: Actor, id: number, body: unknown, now = new Date()) {
  if (actor.role !== 'company_staff') throw forbidden('ROLE_FORBIDDEN', '只有物业企业可以提交整改');
  const input = hazardRectifySchema.parse(body ?? {});
  return db.transaction(async (tx) => {
    const h = await lockHazard(tx, id);
    assertCompanyOwns(actor, h);
    if (!canMoveHazard(h.status, 'rectified')) throw conflict('HAZARD_NOT_OPEN', h.status === 'closed' ? '该隐患已销号' : '该隐患已提交整改，等待复查');
    await assertOwnUploads(
      tx,
      actor,
      input.photos.map((url) => ({ url, field: 'photos' })),
      { message: '整改照片须为本人上传的图片' },
    );
    const [after] = await tx
      .update(hazards)
      .set({ status: 'rectified', rectificationPhotos: input.photos, rectificationNote: input.note, rectifiedAt: now, rectifiedBy: actor.id, updatedAt: now })
      .where(eq(hazards.id, id))
      .returning();
    await addHazardEvent(tx, actor, id, 'rectify', now, input.note, input.photos);
    await writeAudit(tx, actor, {
      action: 'rectify',
      entity: 'hazards',
      entityId: id,
      before: { status: h.status },
      after: { status: after.status, rectificationPhotos: input.photos, rectifiedAt: now },
      regionCode: h.regionCode,
    });
    if (!h.reportedAt && isHazardOverdue(after, now)) await reportHazard(tx, null, after, 'overdue', now);
    return after;
  });
}

/**
 * POST /api/hazards/:id/verify — the inspector accepts (closes) or rejects a rectification.
 * Inspectors in jurisdiction verify; for a company's own patrol finding, a colleague of the company
 * may. Never the person who rectified it (403 OWN_RECTIFICATION); never without a rectification
 * photo (400 NO_RECTIFICATION_PHOTO).
 */
export async function verifyHazard(db: Db, actor: Actor, id: number, body: unknown, now = new Date()) {
  if (!isInspector(actor) && actor.role !== 'company_staff') throw forbidden('ROLE_FORBIDDEN', '当前角色无权复查隐患');
  const input = hazardVerifySchema.parse(body ?? {});
  return db.transaction(async (tx) => {
    const h = await lockHazard(tx, id);
    const visible = h && (isInspector(actor) ? regionAllows(actor, h.regionCode) : actor.companyId === h.companyId);
    if (!h || !visible) throw notFound('隐患');
    if (actor.role === 'company_staff' && h.kind !== 'patrol') throw forbidden('INSPECTOR_VERIFIES', '监督检查发现的隐患须由检查部门复查');
    if (h.rectifiedBy === actor.id) throw forbidden('OWN_RECTIFICATION', '不能复查本人提交的整改');
    if (h.status !== 'rectified') throw conflict('HAZARD_NOT_RECTIFIED', h.status === 'closed' ? '该隐患已销号' : '企业尚未提交整改');
    if (input.decision === 'accept' && h.rectificationPhotos.length === 0)
      throw badRequest('NO_RECTIFICATION_PHOTO', '没有整改照片的隐患不能销号', { decision: '没有整改照片的隐患不能销号' });
    const to = input.decision === 'accept' ? 'closed' : 'open';
    const [after] = await tx
      .update(hazards)
      .set(to === 'closed' ? { status: to, closedAt: now, closedBy: actor.id, updatedAt: now } : { status: to, updatedAt: now })
      .where(eq(hazards.id, id))
      .returning();
    await addHazardEvent(tx, actor, id, input.decision, now, input.note);
    await writeAudit(tx, actor, {
      action: input.decision === 'accept' ? 'accept' : 'reject',
      entity: 'hazards',
      entityId: id,
      before: { status: h.status },
      after: { status: to, note: input.note },
      regionCode: h.regionCode,
    });
    return after;
  });
}

/** POST /api/hazards/:id/report — the company cannot fix it itself: reported at once (reason unfixable). */
export async function reportUnfixable(db: Db, actor: Actor, id: number, body: unknown, now = new Date()) {
  if (actor.role !== 'company_staff') throw forbidden('ROLE_FORBIDDEN', '只有物业企业可以申报无法整改');
  const input = hazardReportSchema.parse(body ?? {});
  return db.transaction(async (tx) => {
    const h = await lockHazard(tx, id);
    assertCompanyOwns(actor, h);
    if (h.status === 'closed') throw conflict('HAZARD_CLOSED', '该隐患已销号');
    if (h.reportedAt) throw conflict('HAZARD_ALREADY_REPORTED', '该隐患已上报');
    return reportHazard(tx, actor, h, 'unfixable', now, input.note);
  });
}

/**
 * The periodic sweep (DOMAIN.md §10): every hazard overdue at `now` and not yet reported is
 * reported, each in its own short transaction (rows taken with SKIP LOCKED, re-checked under the
 * lock), so a replay or a second sweep running at once reports and records nothing twice.
 * Served by hazards_sweep_idx. Returns the ids reported.
 */
export async function sweepOverdueHazards(db: Db, now: Date, batch = 500): Promise<number[]> {
  const due = await db
    .select({ id: hazards.id })
    .from(hazards)
    .where(
      and(
        sql`${hazards.status} <> 'closed' AND ${hazards.reportedAt} IS NULL AND ${hazards.deadlineAt} < ${now}`,
        sql`(${hazards.status} = 'open' OR ${hazards.rectifiedAt} > ${hazards.deadlineAt})`,
      ),
    )
    .orderBy(hazards.deadlineAt)
    .limit(batch);
  const reported: number[] = [];
  for (const { id } of due) {
    const done = await db.transaction(async (tx) => {
      const [h] = await tx.select().from(hazards).where(eq(hazards.id, id)).for('update', { skipLocked: true });
      if (!h || h.reportedAt || !isHazardOverdue(h, now)) return false;
      return !!(await reportHazard(tx, null, h, 'overdue', now));
    });
    if (done) reported.push(id);
  }
  return reported;
}

/** The sweep's settings are the deadlines' (used when hazards are made) plus its interval. */
export type { SupervisionSettings };
