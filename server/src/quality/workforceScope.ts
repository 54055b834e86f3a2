import { eq, sql, type Column, type SQL } from 'drizzle-orm';
import type { Role } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import { regionCondition } from '../jurisdiction/scope';

/** A company keeps its own workforce registry; bureau staff (not party-building staff) read within their jurisdiction. */
export const WORKFORCE_WRITERS: readonly Role[] = ['company_staff'];
export const WORKFORCE_BUREAU_READERS: readonly Role[] = ['city_admin', 'district_staff', 'street_staff', 'community_staff'];

export function workforceReadScope(companyColumn: Column, regionColumn: Column) {
  return (actor: Actor): SQL | 'deny' => {
    if (actor.role === 'company_staff') return actor.companyId ? eq(companyColumn, actor.companyId) : 'deny';
    if (WORKFORCE_BUREAU_READERS.includes(actor.role) && actor.regionCode) return regionCondition(actor, regionColumn);
    return 'deny';
  };
}

export const ownCompany = (actor: Actor, row: Record<string, unknown>) =>
  actor.role === 'company_staff' && !!actor.companyId && row.companyId === actor.companyId;

/** Beijing's calendar day in SQL (hire, training and expiry dates are Beijing days). */
export const beijingTodaySql = sql.raw(`(now() AT TIME ZONE 'Asia/Shanghai')::date`);
