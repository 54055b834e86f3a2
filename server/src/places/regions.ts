import { eq, inArray, like, or, sql } from 'drizzle-orm';
import { REGION_LEVELS, isWithin, parentRegionCode, regionCreateSchema, regionLevel, regionUpdateSchema } from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { badRequest, conflict } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { isBureau, regionCondition } from '../jurisdiction/scope';
import { companies, compounds, owners, regions, users } from '../db/schema';
import type { Tx } from '../db/client';
import { jurisdictionPrefix } from '@baotou/shared';

export function regionsResource(): ResourceDef {
  return {
    name: 'regions',
    label: '行政区划',
    table: regions,
    id: regions.code,
    idKind: 'code',
    fields: { id: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode },
    sortable: { id: regions.code, name: regions.name, level: regions.level },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: (v) => {
        const q = likeEscape(filterValue.string('q', v));
        return or(like(regions.name, `%${q}%`), like(regions.code, `${q}%`));
      },
      level: (v) => eq(regions.level, filterValue.oneOf('level', v, REGION_LEVELS)),
      parentCode: (v) => eq(regions.parentCode, filterValue.string('parentCode', v, 12)),
    },
    // Bureau staff see their subtree and the regions above them (to show a compound's district and
    // street by name); other console users see all names (public data).
    readScope: (actor) => {
      if (actor.role === 'resident') return 'deny';
      if (!isBureau(actor)) return sql`true`;
      const above = ancestorsOf(actor.regionCode!);
      return or(regionCondition(actor, regions.code), above.length ? inArray(regions.code, above) : undefined)!;
    },
    write: {
      roles: ['city_admin', 'district_staff'],
      // A region is changed by the level above it: nobody edits their own region.
      allows: (actor, row) => !!actor.regionCode && isWithin(String(row.code), actor.regionCode) && row.code !== actor.regionCode,
      readOnlyFields: ['level', 'parentCode'],
      create: {
        schema: regionCreateSchema.omit({ level: true, parentCode: true }),
        async prepare(input, c) {
          const level = regionLevel(input.id);
          if (!level || level === 'city') throw badRequest('VALIDATION_FAILED', '只能新建区县、街道或社区', { id: '代码级别无效' });
          const parentCode = parentRegionCode(input.id)!;
          const [parent] = await c.tx.select({ code: regions.code }).from(regions).where(eq(regions.code, parentCode)).for('share');
          if (!parent) throw badRequest('VALIDATION_FAILED', '上级区划不存在', { id: `上级区划 ${parentCode} 尚未登记` });
          return { code: input.id, name: input.name, level, parentCode };
        },
      },
      update: { schema: regionUpdateSchema, prepare: async (input) => ({ name: input.name }) },
      remove: true,
      beforeRemove: (existing, c) => assertNoChildren(c.tx, String(existing.code)),
    },
  };
}

function ancestorsOf(code: string): string[] {
  const out: string[] = [];
  for (let c = parentRegionCode(code); c; c = parentRegionCode(c)) out.push(c);
  return out;
}

/**
 * Nothing may be left pointing at a deleted region (codes are not foreign keys: a prefix is the
 * ancestry): refuses (409 REGION_HAS_CHILDREN) while regions, compounds, owners, companies or staff
 * accounts lie in its subtree. Locks the region first, so a compound cannot be added meanwhile.
 */
async function assertNoChildren(tx: Tx, code: string): Promise<void> {
  await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, code)).for('update');
  const prefix = `${jurisdictionPrefix(code)}%`;
  const [found] = await tx
    .execute<{ regions: boolean; compounds: boolean; owners: boolean; companies: boolean; users: boolean }>(
      sql`
    SELECT EXISTS (SELECT 1 FROM ${regions} WHERE ${regions.code} LIKE ${prefix} AND ${regions.code} <> ${code}) AS regions,
           EXISTS (SELECT 1 FROM ${compounds} WHERE ${compounds.regionCode} LIKE ${prefix}) AS compounds,
           EXISTS (SELECT 1 FROM ${owners} WHERE ${owners.regionCode} LIKE ${prefix}) AS owners,
           EXISTS (SELECT 1 FROM ${companies} WHERE ${companies.regionCode} LIKE ${prefix}) AS companies,
           EXISTS (SELECT 1 FROM ${users} WHERE ${users.regionCode} LIKE ${prefix}) AS users`,
    )
    .then((r) => r.rows);
  const labels = { regions: '下级区划', compounds: '小区', owners: '业主登记', companies: '物业企业', users: '工作人员账号' } as const;
  const present = (Object.keys(labels) as (keyof typeof labels)[]).filter((k) => found[k]);
  if (present.length) throw conflict('REGION_HAS_CHILDREN', `该区划下仍有${present.map((k) => labels[k]).join('、')}，不能删除`);
}
