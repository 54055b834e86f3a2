import { eq, like, sql } from 'drizzle-orm';
import { AREA_BASES, householdSchema, unsoldFlagProblem } from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { badRequest, conflict } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { households, owners, units } from '../db/schema';
import type { Tx } from '../db/client';
import { regionAllows } from '../jurisdiction/scope';
import type { Actor } from '../auth/actor';
import { compoundScopedRead, PLACE_WRITERS, regionWriteAllowed } from './scopes';
import { endClaimsOnOwnerChange } from './claims';

/** Who sees whose home this is: the registry's keepers and the compound's company; not party staff (DOMAIN.md §7). */
const OWNER_READERS = [...PLACE_WRITERS, 'company_staff'] as const;

async function unitPlace(tx: Tx, unitId: number) {
  const [u] = await tx
    .select({ buildingId: units.buildingId, compoundId: units.compoundId, regionCode: units.regionCode })
    .from(units)
    .where(eq(units.id, unitId));
  if (!u) throw badRequest('VALIDATION_FAILED', '单元不存在', { unitId: '单元不存在' });
  return u;
}

async function assertOwnerVisible(tx: Tx, actor: Actor, ownerId: number | null | undefined) {
  if (!ownerId) return;
  const [o] = await tx.select({ regionCode: owners.regionCode }).from(owners).where(eq(owners.id, ownerId));
  if (!o || !regionAllows(actor, o.regionCode)) throw badRequest('VALIDATION_FAILED', '业主不存在', { ownerId: '业主不存在或不在管辖范围内' });
}

/**
 * A home registered to an owner who is not the developer cannot be flagged unsold (unsoldFlagProblem):
 * 409 HOUSEHOLD_SOLD. Checked when the flag or the owner is being set, so an old row is still editable.
 */
async function assertUnsoldFlagAllowed(tx: Tx, input: { developerUnsold: boolean; ownerId?: number | null }, existing?: Record<string, unknown>) {
  const ownerId = input.ownerId ?? null;
  if (existing && existing.developerUnsold === input.developerUnsold && (existing.ownerId ?? null) === ownerId) return;
  const [owner] = ownerId ? await tx.select({ developer: owners.developer }).from(owners).where(eq(owners.id, ownerId)) : [];
  const problem = unsoldFlagProblem(input.developerUnsold, owner ?? null);
  if (problem) throw conflict('HOUSEHOLD_SOLD', problem);
}

export function householdsResource(): ResourceDef {
  return {
    name: 'households',
    label: '房屋',
    table: households,
    id: households.id,
    idKind: 'int',
    fields: {
      id: households.id,
      compoundId: households.compoundId,
      buildingId: households.buildingId,
      buildingName: sql<string>`(SELECT b.name FROM buildings b WHERE b.id = "households"."building_id")`,
      unitId: households.unitId,
      unitName: sql<string>`(SELECT u.name FROM units u WHERE u.id = "households"."unit_id")`,
      room: households.room,
      area: households.area,
      areaBasis: households.areaBasis,
      ownerId: households.ownerId,
      ownerName: sql<string | null>`(SELECT o.name FROM owners o WHERE o.id = "households"."owner_id")`,
      developerUnsold: households.developerUnsold,
      regionCode: households.regionCode,
    },
    sortable: {
      id: households.id,
      room: households.roomSort,
      area: households.area,
      buildingId: households.buildingId,
      unitId: households.unitId,
      compoundId: households.compoundId,
      areaBasis: households.areaBasis,
    },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: (v) => like(households.room, `${likeEscape(filterValue.string('q', v, 20))}%`),
      // Homes by their registered owner's name (part of it), through the owners' name index.
      ownerName: (v) =>
        sql`${households.ownerId} IN (SELECT o.id FROM ${owners} o WHERE o.name ILIKE ${`%${likeEscape(filterValue.string('ownerName', v, 40).trim())}%`})`,
      compoundId: (v) => eq(households.compoundId, filterValue.int('compoundId', v)),
      buildingId: (v) => eq(households.buildingId, filterValue.int('buildingId', v)),
      unitId: (v) => eq(households.unitId, filterValue.int('unitId', v)),
      ownerId: (v) => eq(households.ownerId, filterValue.int('ownerId', v)),
      developerUnsold: (v) => eq(households.developerUnsold, filterValue.bool('developerUnsold', v)),
      areaBasis: (v) => eq(households.areaBasis, filterValue.oneOf('areaBasis', v, AREA_BASES)),
    },
    readScope: compoundScopedRead(households.regionCode, households.compoundId),
    fieldAccess: { ownerId: OWNER_READERS, ownerName: OWNER_READERS },
    write: {
      roles: PLACE_WRITERS,
      allows: regionWriteAllowed,
      readOnlyFields: ['compoundId', 'buildingId', 'buildingName', 'unitName', 'ownerName', 'regionCode', 'createdAt', 'updatedAt'],
      create: {
        schema: householdSchema,
        async prepare(input, c) {
          await assertOwnerVisible(c.tx, c.actor, input.ownerId);
          await assertUnsoldFlagAllowed(c.tx, input);
          return { ...input, ownerId: input.ownerId ?? null, ...(await unitPlace(c.tx, input.unitId)) };
        },
      },
      update: {
        schema: householdSchema.omit({ unitId: true }),
        async prepare(input, c) {
          await assertOwnerVisible(c.tx, c.actor, input.ownerId);
          await assertUnsoldFlagAllowed(c.tx, input, c.existing);
          return { ...input, ownerId: input.ownerId ?? null };
        },
        // A home sold (or its owner corrected) in the registry ends the claims made on the old owner.
        async after(row, c) {
          if (row.ownerId !== c.existing?.ownerId) await endClaimsOnOwnerChange(c.tx, c.actor, row.id as number);
        },
      },
      remove: true,
    },
  };
}
