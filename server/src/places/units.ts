import { eq, ilike, sql } from 'drizzle-orm';
import { unitSchema } from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { badRequest } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { buildings, units } from '../db/schema';
import type { Tx } from '../db/client';
import { compoundScopedRead, PLACE_WRITERS, regionWriteAllowed } from './scopes';

export async function buildingPlace(tx: Tx, buildingId: number) {
  const [b] = await tx.select({ compoundId: buildings.compoundId, regionCode: buildings.regionCode }).from(buildings).where(eq(buildings.id, buildingId));
  if (!b) throw badRequest('VALIDATION_FAILED', '楼栋不存在', { buildingId: '楼栋不存在' });
  return b;
}

export function unitsResource(): ResourceDef {
  return {
    name: 'units',
    label: '单元',
    table: units,
    id: units.id,
    idKind: 'int',
    fields: {
      id: units.id,
      buildingId: units.buildingId,
      buildingName: sql<string>`(SELECT b.name FROM buildings b WHERE b.id = "units"."building_id")`,
      compoundId: units.compoundId,
      name: units.name,
      regionCode: units.regionCode,
      householdCount: sql<number>`(SELECT count(*)::int FROM households h WHERE h.unit_id = "units"."id")`,
    },
    sortable: { id: units.id, name: units.nameSort, buildingId: units.buildingId },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: (v) => ilike(units.name, `%${likeEscape(filterValue.string('q', v))}%`),
      buildingId: (v) => eq(units.buildingId, filterValue.int('buildingId', v)),
      compoundId: (v) => eq(units.compoundId, filterValue.int('compoundId', v)),
    },
    readScope: compoundScopedRead(units.regionCode, units.compoundId),
    write: {
      roles: PLACE_WRITERS,
      allows: regionWriteAllowed,
      readOnlyFields: ['buildingName', 'compoundId', 'regionCode', 'householdCount', 'createdAt', 'updatedAt'],
      create: { schema: unitSchema, prepare: async (input, c) => ({ ...input, ...(await buildingPlace(c.tx, input.buildingId)) }) },
      update: { schema: unitSchema.omit({ buildingId: true }), prepare: async (input) => input },
      remove: true,
    },
  };
}
