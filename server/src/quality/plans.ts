import { and, eq, sql } from 'drizzle-orm';
import { UPGRADE_PLAN_STATUSES, reachedTarget, upgradePlanSchema } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { ResourceDef, WriteContext } from '../http/resource';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { beijingDate, isBureau, regionAllows, regionCondition } from '../jurisdiction/scope';
import type { Db } from '../db/client';
import { projects, upgradePlanItems, upgradePlans } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { currentLevelSql, levelInScale } from './levels';
import { projectLabelSql } from './assessments';

/** Districts file their own plans (the city may file for any district); the city approves. */
export const PLAN_FILERS = ['district_staff', 'city_admin'] as const;

interface PlanInput {
  regionCode: string;
  year: number;
  measures: string;
  deadline: string;
  items: { projectId: number; targetLevelId: number }[];
}

/** Each item: a project of that district, a target on a scale, above the project's current level there. */
async function planItemRows(c: WriteContext, input: PlanInput) {
  const rows = [];
  for (const [i, item] of input.items.entries()) {
    const field = `items.${i}.projectId`;
    const [project] = await c.tx.select({ id: projects.id, regionCode: projects.regionCode }).from(projects).where(eq(projects.id, item.projectId));
    if (!project) throw badRequest('VALIDATION_FAILED', '项目不存在', { [field]: '项目不存在' });
    if (!project.regionCode.startsWith(input.regionCode)) throw badRequest('PROJECT_OUTSIDE_DISTRICT', '项目不在本区县', { [field]: '项目不在本区县' });
    const target = await levelInScale(c.tx, item.targetLevelId, `items.${i}.targetLevelId`);
    const current = (
      await c.tx.execute(sql`SELECT l.id, l."order" FROM service_levels l WHERE l.id = ${currentLevelSql(String(project.id), 'id', target.scale)}`)
    ).rows[0] as { id: number; order: number } | undefined;
    if (reachedTarget(current, target)) throw badRequest('ALREADY_AT_TARGET', '项目已达到目标等级', { [`items.${i}.targetLevelId`]: '项目已达到目标等级' });
    rows.push({ projectId: project.id, regionCode: project.regionCode, currentLevelId: current?.id ?? null, targetLevelId: target.id });
  }
  return rows;
}

/** The items checked in prepare, inserted in after (both run in the same transaction). */
const pendingItems = new WeakMap<object, Awaited<ReturnType<typeof planItemRows>>>();

const itemsJsonSql = sql.raw(`(SELECT coalesce(jsonb_agg(jsonb_build_object(
    'id', i.id, 'projectId', i.project_id, 'projectName', (SELECT c.name FROM projects p JOIN compounds c ON c.id = p.compound_id WHERE p.id = i.project_id),
    'currentLevelId', i.current_level_id, 'currentLevelName', (SELECT l.name FROM service_levels l WHERE l.id = i.current_level_id),
    'targetLevelId', i.target_level_id, 'targetLevelName', (SELECT l.name FROM service_levels l WHERE l.id = i.target_level_id),
    'upgradedOn', i.upgraded_on) ORDER BY i.id), '[]'::jsonb) FROM upgrade_plan_items i WHERE i.plan_id = "upgrade_plans"."id")`);

export function upgradePlansResource(): ResourceDef {
  return {
    name: 'upgrade-plans',
    label: '提档升级计划',
    table: upgradePlans,
    id: upgradePlans.id,
    idKind: 'int',
    fields: {
      id: upgradePlans.id,
      regionCode: upgradePlans.regionCode,
      regionName: sql<string>`(SELECT r.name FROM regions r WHERE r.code = "upgrade_plans"."region_code")`,
      year: upgradePlans.year,
      measures: upgradePlans.measures,
      deadline: upgradePlans.deadline,
      status: upgradePlans.status,
      approvedOn: upgradePlans.approvedOn,
      items: itemsJsonSql,
      itemCount: sql<number>`(SELECT count(*)::int FROM upgrade_plan_items i WHERE i.plan_id = "upgrade_plans"."id")`,
      upgradedCount: sql<number>`(SELECT count(*)::int FROM upgrade_plan_items i WHERE i.plan_id = "upgrade_plans"."id" AND i.upgraded_on IS NOT NULL)`,
      createdAt: upgradePlans.createdAt,
    },
    sortable: {
      id: upgradePlans.id,
      year: upgradePlans.year,
      deadline: upgradePlans.deadline,
      status: upgradePlans.status,
      regionCode: upgradePlans.regionCode,
    },
    defaultSort: ['year', 'DESC'],
    filters: {
      q: (v) =>
        sql`(${upgradePlans.measures} ILIKE ${`%${likeEscape(filterValue.string('q', v, 40))}%`} OR ${upgradePlans.id} IN (SELECT i.plan_id FROM upgrade_plan_items i JOIN projects p ON p.id = i.project_id JOIN compounds c ON c.id = p.compound_id WHERE c.name ILIKE ${`%${likeEscape(String(v))}%`}))`,
      year: (v) => eq(upgradePlans.year, filterValue.int('year', v)),
      status: (v) => eq(upgradePlans.status, filterValue.oneOf('status', v, UPGRADE_PLAN_STATUSES)),
      regionCode: (v) => sql`${upgradePlans.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
    },
    readScope: (actor) =>
      isBureau(actor) ? sql`(${regionCondition(actor, upgradePlans.regionCode)} OR ${actor.regionCode ?? ''} LIKE ${upgradePlans.regionCode} || '%')` : 'deny',
    write: {
      roles: PLAN_FILERS,
      allows: (actor, row) => regionAllows(actor, row.regionCode as string),
      readOnlyFields: ['regionName', 'status', 'approvedOn', 'itemCount', 'upgradedCount', 'createdAt', 'updatedAt'],
      create: {
        schema: upgradePlanSchema,
        prepare: async (input: PlanInput, c) => {
          const [district] = (await c.tx.execute(sql`SELECT code FROM regions WHERE code = ${input.regionCode} AND level = 'district'`)).rows;
          if (!district) throw badRequest('VALIDATION_FAILED', '区县不存在', { regionCode: '区县不存在' });
          if (!regionAllows(c.actor, input.regionCode)) throw forbidden('OUT_OF_JURISDICTION', '不能为其他区县编制提档升级计划');
          pendingItems.set(c.tx, await planItemRows(c, input));
          return { regionCode: input.regionCode, year: input.year, measures: input.measures, deadline: input.deadline };
        },
        after: async (row, c) => {
          const items = pendingItems.get(c.tx)!;
          pendingItems.delete(c.tx);
          const inserted = await c.tx
            .insert(upgradePlanItems)
            .values(items.map((i) => ({ ...i, planId: row.id as number })))
            .returning();
          for (const item of inserted)
            await writeAudit(c.tx, c.actor, { action: 'create', entity: 'upgrade-plan-items', entityId: item.id, after: item, regionCode: item.regionCode });
        },
      },
      remove: true,
      beforeRemove: async (existing, c) => {
        if (existing.status !== 'filed') throw conflict('PLAN_NOT_EDITABLE', '已审批或退回的计划不能删除');
        const [reached] = (
          await c.tx.execute(sql`SELECT 1 FROM upgrade_plan_items WHERE plan_id = ${existing.id as number} AND upgraded_on IS NOT NULL LIMIT 1`)
        ).rows;
        if (reached) throw conflict('PLAN_HAS_UPGRADES', '计划中已有项目达标，不能删除');
      },
    },
  };
}

/** The city approves (or returns) a filed plan, once. */
export async function decidePlan(db: Db, actor: Actor, id: number, decision: 'approved' | 'returned') {
  if (actor.role !== 'city_admin') throw forbidden('ROLE_FORBIDDEN', '提档升级计划由市住建局审批');
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(upgradePlans).where(eq(upgradePlans.id, id)).for('update');
    if (!before || !regionAllows(actor, before.regionCode)) throw notFound('提档升级计划');
    if (before.status !== 'filed') throw conflict('PLAN_DECIDED', '该计划已审批');
    const [after] = await tx
      .update(upgradePlans)
      .set({ status: decision, approvedOn: decision === 'approved' ? beijingDate() : null, updatedAt: new Date() })
      .where(and(eq(upgradePlans.id, id), eq(upgradePlans.status, 'filed')))
      .returning();
    await writeAudit(tx, actor, {
      action: decision === 'approved' ? 'approve' : 'return',
      entity: 'upgrade-plans',
      entityId: id,
      before,
      after,
      regionCode: before.regionCode,
    });
    return after;
  });
}

/** Plan items, read-only: progress, and the upgraded ones recommended for awards. */
export function upgradePlanItemsResource(): ResourceDef {
  return {
    name: 'upgrade-plan-items',
    label: '提档升级项目',
    table: upgradePlanItems,
    id: upgradePlanItems.id,
    idKind: 'int',
    fields: {
      id: upgradePlanItems.id,
      planId: upgradePlanItems.planId,
      planYear: sql<number>`(SELECT p.year FROM upgrade_plans p WHERE p.id = "upgrade_plan_items"."plan_id")`,
      projectId: upgradePlanItems.projectId,
      projectName: projectLabelSql('"upgrade_plan_items"."project_id"'),
      companyName: sql<string>`(SELECT c.name FROM projects p JOIN companies c ON c.id = p.company_id WHERE p.id = "upgrade_plan_items"."project_id")`,
      regionCode: upgradePlanItems.regionCode,
      currentLevelId: upgradePlanItems.currentLevelId,
      targetLevelId: upgradePlanItems.targetLevelId,
      upgradedOn: upgradePlanItems.upgradedOn,
      awarded: sql<boolean>`EXISTS (SELECT 1 FROM awards a WHERE a.project_id = "upgrade_plan_items"."project_id")`,
    },
    sortable: { id: upgradePlanItems.id, upgradedOn: upgradePlanItems.upgradedOn, projectId: upgradePlanItems.projectId },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: (v) =>
        sql`${upgradePlanItems.projectId} IN (SELECT p.id FROM projects p JOIN compounds c ON c.id = p.compound_id WHERE c.name ILIKE ${`%${likeEscape(filterValue.string('q', v, 40))}%`})`,
      planId: (v) => eq(upgradePlanItems.planId, filterValue.int('planId', v)),
      upgraded: (v) => (filterValue.bool('upgraded', v) ? sql`${upgradePlanItems.upgradedOn} IS NOT NULL` : sql`${upgradePlanItems.upgradedOn} IS NULL`),
      recommended: (v) =>
        filterValue.bool('recommended', v)
          ? sql`(${upgradePlanItems.upgradedOn} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM awards a WHERE a.project_id = ${upgradePlanItems.projectId}))`
          : sql`NOT (${upgradePlanItems.upgradedOn} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM awards a WHERE a.project_id = ${upgradePlanItems.projectId}))`,
      regionCode: (v) => sql`${upgradePlanItems.regionCode} LIKE ${filterValue.string('regionCode', v, 12).replace(/\D/g, '') + '%'}`,
    },
    readScope: (actor) => (isBureau(actor) ? regionCondition(actor, upgradePlanItems.regionCode) : 'deny'),
  };
}
