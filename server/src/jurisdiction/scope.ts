import { sql, type SQL, type Column } from 'drizzle-orm';
import { isWithin, jurisdictionPrefix, type Role } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { DbOrTx } from '../db/client';

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

/** Today's Beijing calendar date, 'YYYY-MM-DD' (contracts' start and end dates are Beijing days). */
export function beijingDate(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A property company's jurisdiction, in one place: the compounds of its projects whose service
 * period covers today (start_date ≤ today ≤ end_date, both inclusive). A contract that has ended or
 * not yet begun gives no power over the compound. SQL subquery of compound ids, served by
 * projects_company_idx (a company has a handful of projects).
 */
export function servedCompoundIds(companyId: number, now: Date = new Date()): SQL {
  const today = beijingDate(now);
  return sql`(SELECT p.compound_id FROM projects p WHERE p.company_id = ${companyId} AND p.start_date <= ${today} AND p.end_date >= ${today})`;
}

/** Whether the company's current contract covers the compound today (see servedCompoundIds). */
export async function companyServes(db: DbOrTx, companyId: number | null | undefined, compoundId: number, now: Date = new Date()): Promise<boolean> {
  if (!companyId) return false;
  const { rows } = await db.execute(sql`SELECT 1 WHERE ${compoundId} IN ${servedCompoundIds(companyId, now)}`);
  return rows.length > 0;
}
