import { eq, inArray, like, or, sql } from 'drizzle-orm';
import { REGION_LEVELS, isWithin, parentRegionCode, regionCreateSchema, regionLevel, regionUpdateSchema } from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { badRequest } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { isBureau, regionCondition } from '../jurisdiction/scope';
import { regions } from '../db/schema';

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
        async prepare(input) {
          const level = regionLevel(input.id);
          if (!level || level === 'city') throw badRequest('VALIDATION_FAILED', '只能新建区县、街道或社区', { id: '代码级别无效' });
          const parentCode = parentRegionCode(input.id)!;
          return { code: input.id, name: input.name, level, parentCode };
        },
      },
      update: { schema: regionUpdateSchema, prepare: async (input) => ({ name: input.name }) },
      remove: true,
    },
  };
}

function ancestorsOf(code: string): string[] {
  const out: string[] = [];
  for (let c = parentRegionCode(code); c; c = parentRegionCode(c)) out.push(c);
  return out;
}
