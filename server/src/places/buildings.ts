import { eq, ilike } from 'drizzle-orm';
import { buildingSchema } from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { filterValue, likeEscape } from '../http/listQuery';
import { buildings } from '../db/schema';
import { sql } from 'drizzle-orm';
import { compoundScopedRead, PLACE_WRITERS, regionWriteAllowed } from './scopes';
import { compoundRegion } from './compounds';

export function buildingsResource(): ResourceDef {
  return {
    name: 'buildings',
    label: '楼栋',
    table: buildings,
    id: buildings.id,
    idKind: 'int',
    fields: {
      id: buildings.id,
      compoundId: buildings.compoundId,
      compoundName: sql<string>`(SELECT c.name FROM compounds c WHERE c.id = "buildings"."compound_id")`,
      name: buildings.name,
      floors: buildings.floors,
      regionCode: buildings.regionCode,
      unitCount: sql<number>`(SELECT count(*)::int FROM units u WHERE u.building_id = "buildings"."id")`,
      createdAt: buildings.createdAt,
    },
    sortable: { id: buildings.id, name: buildings.nameSort, compoundId: buildings.compoundId, floors: buildings.floors },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: (v) => ilike(buildings.name, `%${likeEscape(filterValue.string('q', v))}%`),
      compoundId: (v) => eq(buildings.compoundId, filterValue.int('compoundId', v)),
    },
    readScope: compoundScopedRead(buildings.regionCode, buildings.compoundId),
    write: {
      roles: PLACE_WRITERS,
      allows: regionWriteAllowed,
      readOnlyFields: ['compoundName', 'regionCode', 'unitCount', 'createdAt', 'updatedAt'],
      create: { schema: buildingSchema, prepare: async (input, c) => ({ ...input, regionCode: await compoundRegion(c.tx, input.compoundId) }) },
      update: {
        schema: buildingSchema.omit({ compoundId: true }),
        prepare: async (input) => input,
      },
      remove: true,
    },
  };
}
