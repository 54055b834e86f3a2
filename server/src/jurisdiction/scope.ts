import { sql, type SQL, type Column } from 'drizzle-orm';
import { isWithin, jurisdictionPrefix, type Role } from '@baotou/shared';
import type { Actor } from '../auth/actor';

/**
 * Jurisdiction, in one place: a staff member sees rows whose region code lies in their region's
 * subtree (a prefix test served by the varchar_pattern_ops indexes); company staff see their own
 * company's rows; residents see their own rows. Resources say which column carries each.
 */
export const BUREAU_ROLES: readonly Role[] = ['city_admin', 'district_staff', 'street_staff', 'community_staff', 'party_staff'];

export function isBureau(actor: Actor): boolean {
  return BUREAU_ROLES.includes(actor.role) && !!actor.regionCode;
}

/** SQL: column LIKE '<prefix>%'. Prefixes are digits only, so no escaping is needed. */
export function regionCondition(actor: Actor, column: Column | SQL): SQL {
  if (!actor.regionCode) return sql`false`;
  return sql`${column} LIKE ${jurisdictionPrefix(actor.regionCode) + '%'}`;
}

export function regionAllows(actor: Actor, regionCode: string | null | undefined): boolean {
  return !!actor.regionCode && !!regionCode && isWithin(regionCode, actor.regionCode);
}
