import { and, eq, ilike, or, sql } from 'drizzle-orm';
import { ASSESSMENT_STATUSES, SERVICE_SCALES, levelAssessmentCreateSchema, levelAssessmentDecisionSchema, reachedTarget } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { ResourceDef, WriteContext } from '../http/resource';
import { AppError, badRequest, conflict, forbidden, notFound } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { beijingDate, regionAllows } from '../jurisdiction/scope';
import type { Db, Tx } from '../db/client';
import { levelAssessments, projects, serviceLevels, upgradePlanItems } from '../db/schema';
import { recordRuleCreditItem } from '../credit/ruleItems';
import { writeAudit } from '../audit/audit';
import { levelInScale } from './levels';
import { levelAssessmentReadScope } from './assessmentScope';
import { assertOwnUploads, canonicalUploadUrl } from '../uploads';

/** Bureau staff who assess: the district (and the city). Never a company, least of all the applicant. */
export const ASSESSORS = ['district_staff', 'city_admin'] as const;

export const projectLabelSql = (projectIdSql: string) =>
  sql.raw(`(SELECT c.name FROM projects p JOIN compounds c ON c.id = p.compound_id WHERE p.id = ${projectIdSql})`);

type Evidence = { name: string; url: string };

async function prepareApplication(input: { projectId: number; levelId: number; evidence: Evidence[]; applicationNote: string | null }, c: WriteContext) {
  const [project] = await c.tx
    .select({ companyId: projects.companyId, regionCode: projects.regionCode })
    .from(projects)
    .where(eq(projects.id, input.projectId));
  if (!project) throw badRequest('VALIDATION_FAILED', '项目不存在', { projectId: '项目不存在' });
  if (project.companyId !== c.actor.companyId) throw forbidden('NOT_YOUR_PROJECT', '只能为本企业服务的项目申请等级');
  await levelInScale(c.tx, input.levelId, 'levelId');
  // Evidence is the applicant's own uploads (or a public https link): attaching someone else's file would show it to the district.
  await assertOwnUploads(
    c.tx,
    c.actor,
    input.evidence.map((e, i) => ({ url: e.url, field: `evidence.${i}.url` })),
    { message: '证明材料无效：只能使用本人上传的文件', allowLinks: true },
  );
  const evidence = input.evidence.map((e) => ({ name: e.name, url: canonicalUploadUrl(e.url) }));
  return { ...input, evidence, companyId: project.companyId, regionCode: project.regionCode };
}

export function levelAssessmentsResource(): ResourceDef {
  return {
    name: 'level-assessments',
    label: '等级评定',
    table: levelAssessments,
    id: levelAssessments.id,
    idKind: 'int',
    fields: {
      id: levelAssessments.id,
      projectId: levelAssessments.projectId,
      projectName: projectLabelSql('"level_assessments"."project_id"'),
      companyId: levelAssessments.companyId,
      companyName: sql<string>`(SELECT c.name FROM companies c WHERE c.id = "level_assessments"."company_id")`,
      regionCode: levelAssessments.regionCode,
      levelId: levelAssessments.levelId,
      levelName: sql<string>`(SELECT l.name FROM service_levels l WHERE l.id = "level_assessments"."level_id")`,
      scale: sql<string>`(SELECT l.scale FROM service_levels l WHERE l.id = "level_assessments"."level_id")`,
      levelItems: sql<unknown>`(SELECT l.items FROM service_levels l WHERE l.id = "level_assessments"."level_id")`,
      status: levelAssessments.status,
      evidence: levelAssessments.evidence,
      applicationNote: levelAssessments.applicationNote,
      results: levelAssessments.results,
      decisionNote: levelAssessments.decisionNote,
      decidedOn: levelAssessments.decidedOn,
      createdAt: levelAssessments.createdAt,
    },
    sortable: {
      id: levelAssessments.id,
      decidedOn: levelAssessments.decidedOn,
      status: levelAssessments.status,
      createdAt: levelAssessments.createdAt,
      projectId: levelAssessments.projectId,
    },
    defaultSort: ['id', 'DESC'],
    filters: {
      q: (v) => {
        const q = `%${likeEscape(filterValue.string('q', v, 40))}%`;
        return or(
          sql`${levelAssessments.projectId} IN (SELECT p.id FROM projects p JOIN compounds c ON c.id = p.compound_id WHERE c.name ILIKE ${q})`,
          sql`${levelAssessments.companyId} IN (SELECT id FROM companies WHERE name ILIKE ${q})`,
          ilike(levelAssessments.applicationNote, q),
        );
      },
      status: (v) => eq(levelAssessments.status, filterValue.oneOf('status', v, ASSESSMENT_STATUSES)),
      projectId: (v) => eq(levelAssessments.projectId, filterValue.int('projectId', v)),
      companyId: (v) => eq(levelAssessments.companyId, filterValue.int('companyId', v)),
      levelId: (v) => eq(levelAssessments.levelId, filterValue.int('levelId', v)),
      scale: (v) => sql`${levelAssessments.levelId} IN (SELECT id FROM service_levels WHERE scale = ${filterValue.oneOf('scale', v, SERVICE_SCALES)})`,
      regionCode: (v) => sql`${levelAssessments.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
    },
    readScope: levelAssessmentReadScope,
    write: {
      roles: ['company_staff'],
      allows: (actor, row) => !!actor.companyId && row.companyId === actor.companyId,
      readOnlyFields: [
        'projectName',
        'companyName',
        'levelName',
        'scale',
        'levelItems',
        'status',
        'results',
        'decisionNote',
        'decidedOn',
        'regionCode',
        'companyId',
        'createdAt',
        'updatedAt',
      ],
      create: { schema: levelAssessmentCreateSchema, prepare: prepareApplication },
    },
  };
}

/**
 * The district decides an application: every requirement item met / not met (with photos); an
 * accepted level becomes the project's level from the decision date (the history stays in
 * level_assessments). Decided once: the row is locked and must still be 'applied'.
 * An accepted level that reaches a plan item's target marks it upgraded (see markUpgraded).
 */
export async function assessApplication(db: Db, actor: Actor, id: number, body: unknown) {
  if (actor.role === 'company_staff') throw forbidden('APPLICANT_CANNOT_ASSESS', '企业不能评定等级（评定由区住建局作出）');
  if (!(ASSESSORS as readonly string[]).includes(actor.role)) throw forbidden('ROLE_FORBIDDEN', '当前角色无权评定等级');
  const input = levelAssessmentDecisionSchema.parse(body ?? {});
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(levelAssessments).where(eq(levelAssessments.id, id)).for('update');
    if (!row || !regionAllows(actor, row.regionCode)) throw notFound('等级评定申请');
    if (row.status !== 'applied') throw conflict('ASSESSMENT_DECIDED', '该申请已评定');
    const level = await levelInScale(tx, row.levelId, 'levelId');
    const byItem = new Map(input.results.map((r) => [r.item, r]));
    if (byItem.size !== input.results.length) throw badRequest('VALIDATION_FAILED', '同一条目不能重复评定', { results: '同一条目不能重复评定' });
    for (const r of input.results)
      if (r.item >= level.items.length) throw badRequest('VALIDATION_FAILED', '评定条目不在该等级的要求中', { results: '评定条目不在该等级的要求中' });
    if (input.decision === 'accepted') {
      const missing = level.items.findIndex((_, i) => !byItem.has(i));
      if (missing >= 0) throw badRequest('ITEMS_NOT_ASSESSED', `第${missing + 1}项要求尚未评定`, { results: `第${missing + 1}项要求尚未评定` });
      const unmet = input.results.find((r) => !r.met);
      if (unmet) throw badRequest('REQUIREMENTS_NOT_MET', `第${unmet.item + 1}项要求未达标，不能认定该等级`, { results: `第${unmet.item + 1}项要求未达标` });
    }
    await assertOwnUploads(
      tx,
      actor,
      input.results.flatMap((r, i) => r.photos.map((url, j) => ({ url, field: `results.${i}.photos.${j}` }))),
      { message: '照片无效：只能使用本人上传的照片' },
    );
    const results = input.results.map((r) => ({ ...r, photos: r.photos.map(canonicalUploadUrl) }));
    const decidedOn = input.decidedOn ?? beijingDate();
    if (decidedOn > beijingDate()) throw badRequest('VALIDATION_FAILED', '评定日期不能晚于今天', { decidedOn: '评定日期不能晚于今天' });
    const [after] = await tx
      .update(levelAssessments)
      .set({ status: input.decision, results, decisionNote: input.decisionNote ?? null, decidedOn, decidedBy: actor.id, updatedAt: new Date() })
      .where(and(eq(levelAssessments.id, id), eq(levelAssessments.status, 'applied')))
      .returning();
    await writeAudit(tx, actor, {
      action: input.decision === 'accepted' ? 'approve' : 'reject',
      entity: 'level-assessments',
      entityId: id,
      before: row,
      after,
      regionCode: row.regionCode,
    });
    if (input.decision === 'accepted') await markUpgraded(tx, actor, row.projectId, row.companyId, level, decidedOn);
    return after;
  });
}

/**
 * Plan items of the project (in plans not returned) whose target the accepted level reaches are
 * marked upgraded, each recording one project_upgraded credit item (+5 good conduct, DOMAIN.md §5;
 * contract 1) keyed by the plan item: a replay records none.
 */
async function markUpgraded(tx: Tx, actor: Actor, projectId: number, companyId: number, level: typeof serviceLevels.$inferSelect, on: string) {
  const items = await tx
    .select({ id: upgradePlanItems.id, regionCode: upgradePlanItems.regionCode, targetOrder: serviceLevels.order, targetScale: serviceLevels.scale })
    .from(upgradePlanItems)
    .innerJoin(serviceLevels, eq(serviceLevels.id, upgradePlanItems.targetLevelId))
    .where(
      and(
        eq(upgradePlanItems.projectId, projectId),
        sql`${upgradePlanItems.upgradedOn} IS NULL`,
        sql`${upgradePlanItems.planId} IN (SELECT id FROM upgrade_plans WHERE status <> 'returned')`,
      ),
    )
    .for('update', { of: upgradePlanItems });
  for (const item of items) {
    if (item.targetScale !== level.scale || !reachedTarget(level, { order: item.targetOrder })) continue;
    await tx.update(upgradePlanItems).set({ upgradedOn: on, updatedAt: new Date() }).where(eq(upgradePlanItems.id, item.id));
    await writeAudit(tx, actor, {
      action: 'upgrade',
      entity: 'upgrade-plan-items',
      entityId: item.id,
      after: { upgradedOn: on, levelId: level.id },
      regionCode: item.regionCode,
    });
    await recordRuleCreditItem(tx, {
      rule: 'project_upgraded',
      sourceKey: `plan-item:${item.id}`,
      companyId,
      projectId,
      occurredOn: on,
      document: `提档升级达标：${level.name}`,
    });
  }
}

/** A path id: a positive int4, else 404 naming what was looked for. */
export function pathId(raw: string, what: string): number {
  if (!/^\d{1,10}$/.test(raw) || Number(raw) > 2147483647 || Number(raw) === 0) throw new AppError('NOT_FOUND', 404, `${what}不存在`);
  return Number(raw);
}
