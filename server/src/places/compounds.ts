import { eq, ilike, isNotNull, isNull, like, or, sql } from 'drizzle-orm';
import { COMPOUND_TYPES, MANAGEMENT_MODES, compoundSchema } from '@baotou/shared';
import type { ResourceDef } from '../http/resource';
import { badRequest, conflict } from '../http/errors';
import { filterValue, likeEscape } from '../http/listQuery';
import { compounds, regions } from '../db/schema';
import type { Actor } from '../auth/actor';
import { moveCompoundRows } from './compoundMove';
import { compoundScopedRead, PLACE_WRITERS, regionWriteAllowed } from './scopes';
import type { Tx } from '../db/client';
import { closeAccountWithCompound, openAccountWithCompound } from '../fund/accounts';
import { compoundHasCommittee } from '../committees/formation';

const buildingCount = sql<number>`(SELECT count(*)::int FROM buildings b WHERE b.compound_id = "compounds"."id")`;
const householdCount = sql<number>`(SELECT count(*)::int FROM households h WHERE h.compound_id = "compounds"."id")`;

export async function assertCommunity(tx: Tx, code: string): Promise<void> {
  // Shared lock: a community being deleted (which locks it for update) cannot gain a compound meanwhile.
  const [row] = await tx.select({ level: regions.level }).from(regions).where(eq(regions.code, code)).for('share');
  if (row?.level !== 'community') throw badRequest('VALIDATION_FAILED', '所属社区不存在', { regionCode: '请选择已登记的社区' });
}

export function compoundsResource(): ResourceDef {
  return {
    name: 'compounds',
    label: '小区',
    table: compounds,
    id: compounds.id,
    idKind: 'int',
    fields: {
      id: compounds.id,
      code: compounds.code,
      name: compounds.name,
      regionCode: compounds.regionCode,
      districtCode: sql<string>`left(${compounds.regionCode}, 6)`,
      streetCode: sql<string>`left(${compounds.regionCode}, 9)`,
      address: compounds.address,
      lat: compounds.lat,
      lng: compounds.lng,
      totalArea: compounds.totalArea,
      buildYear: compounds.buildYear,
      type: compounds.type,
      managementMode: compounds.managementMode,
      facilitiesComplete: compounds.facilitiesComplete,
      followMajority: compounds.followMajority,
      retiredIntoCompoundId: compounds.retiredIntoCompoundId,
      retiredAt: compounds.retiredAt,
      buildingCount,
      householdCount,
      createdAt: compounds.createdAt,
      updatedAt: compounds.updatedAt,
    },
    sortable: {
      id: compounds.id,
      code: compounds.code,
      name: compounds.name,
      regionCode: compounds.regionCode,
      totalArea: compounds.totalArea,
      buildYear: compounds.buildYear,
      type: compounds.type,
      managementMode: compounds.managementMode,
      createdAt: compounds.createdAt,
    },
    defaultSort: ['id', 'ASC'],
    filters: {
      q: (v) => {
        const q = likeEscape(filterValue.string('q', v));
        return or(ilike(compounds.name, `%${q}%`), ilike(compounds.code, `${q}%`), ilike(compounds.address, `%${q}%`));
      },
      regionCode: (v) => like(compounds.regionCode, `${filterValue.string('regionCode', v, 12).replace(/\D/g, '')}%`),
      type: (v) => eq(compounds.type, filterValue.oneOf('type', v, COMPOUND_TYPES)),
      managementMode: (v) => eq(compounds.managementMode, filterValue.oneOf('managementMode', v, MANAGEMENT_MODES)),
      facilitiesComplete: (v) => eq(compounds.facilitiesComplete, filterValue.bool('facilitiesComplete', v)),
      code: (v) => eq(compounds.code, filterValue.string('code', v, 20)),
      // Active lists pass retired=false: a compound merged into another (issue 11) stays readable but is no longer listed.
      retired: (v) => (filterValue.bool('retired', v) ? isNotNull(compounds.retiredAt) : isNull(compounds.retiredAt)),
      // The committee formation rate's drill-down (committees/formation.ts).
      committee: (v) =>
        filterValue.bool('committee', v) ? compoundHasCommittee(sql`${compounds.id}`) : sql`NOT ${compoundHasCommittee(sql`${compounds.id}`)}`,
    },
    readScope: compoundScopedRead(compounds.regionCode, compounds.id),
    present: (row) => ({ ...row, lat: row.lat === null ? null : Number(row.lat), lng: row.lng === null ? null : Number(row.lng) }),
    write: {
      roles: PLACE_WRITERS,
      allows: regionWriteAllowed,
      readOnlyFields: ['districtCode', 'streetCode', 'retiredIntoCompoundId', 'retiredAt', 'buildingCount', 'householdCount', 'createdAt', 'updatedAt'],
      // A compound gets its maintenance-fund account in the same transaction (DOMAIN.md §3; issue 9 §8).
      create: { schema: compoundSchema, prepare: prepareCompound, after: openAccountWithCompound },
      update: { schema: compoundSchema, prepare: prepareCompound, after: carryRegionToChildren },
      remove: true,
      // Its maintenance-fund account goes with it only while untouched (fund/accounts.ts).
      beforeRemove: async (existing, c) => {
        refuseRetired(existing);
        await closeAccountWithCompound(existing, c);
      },
    },
  };
}

async function prepareCompound(input: Record<string, unknown>, c: { tx: Tx; existing?: Record<string, unknown> }) {
  if (c.existing) refuseRetired(c.existing);
  await assertCommunity(c.tx, input.regionCode as string);
  const coord = (n: unknown) => (n === null || n === undefined ? null : String(n));
  return { ...input, lat: coord(input.lat), lng: coord(input.lng) };
}

/**
 * The region a new compound-scoped row copies. Shared lock: a compound being moved (its row locked by the
 * update) is read once the move commits, so the new row cannot keep the old community.
 */
export async function compoundRegion(tx: Tx, compoundId: number): Promise<string> {
  const [row] = await tx
    .select({ regionCode: compounds.regionCode, retiredAt: compounds.retiredAt })
    .from(compounds)
    .where(eq(compounds.id, compoundId))
    .for('share');
  if (!row) throw badRequest('VALIDATION_FAILED', '小区不存在', { compoundId: '小区不存在' });
  refuseRetired(row);
  return row.regionCode;
}

/** A compound merged into another management area (issue 11) is a retired record: it refuses writes and new rows (409 COMPOUND_RETIRED). */
export function refuseRetired(row: { retiredAt?: unknown }): void {
  if (row.retiredAt) throw conflict('COMPOUND_RETIRED', '该小区已并入其他管理区域，不能再修改或新增数据');
}

/** Compound-scoped rows copy the compound's region code for the jurisdiction filter: they all follow a move (compoundMove.ts). */
async function carryRegionToChildren(row: Record<string, unknown>, c: { tx: Tx; actor: Actor; existing?: Record<string, unknown> }) {
  const from = c.existing?.regionCode as string;
  if (row.regionCode === from) return;
  await moveCompoundRows(c.tx, c.actor, row.id as number, from, row.regionCode as string);
}
