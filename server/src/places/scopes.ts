import { sql, type Column, type SQL } from 'drizzle-orm';
import type { Role } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import { isBureau, regionAllows, regionCondition, servedCompoundIds } from '../jurisdiction/scope';

/** Staff who manage the place registries (regions excluded: those are city and district only). */
export const PLACE_WRITERS: readonly Role[] = ['city_admin', 'district_staff', 'street_staff', 'community_staff'];

/** Compound-scoped rows: bureau staff by region prefix, company staff by the compounds they serve today. */
export function compoundScopedRead(regionColumn: Column, compoundIdColumn: Column) {
  return (actor: Actor): SQL | 'deny' => {
    if (isBureau(actor)) return regionCondition(actor, regionColumn);
    if (actor.role === 'company_staff' && actor.companyId) {
      return sql`${compoundIdColumn} IN ${servedCompoundIds(actor.companyId)}`;
    }
    return 'deny';
  };
}

export function regionWriteAllowed(actor: Actor, row: Record<string, unknown>): boolean {
  return regionAllows(actor, row.regionCode as string);
}
