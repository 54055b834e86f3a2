import { sql, type Column, type SQL } from 'drizzle-orm';
import type { Role } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import { isBureau, regionCondition } from '../jurisdiction/scope';

/** The registry is kept by party-building staff (and the city bureau); everyone else reads. */
export const PARTY_WRITERS: readonly Role[] = ['party_staff', 'city_admin'];

/** Party staff read city-wide (their region is the city); bureau staff within their jurisdiction. */
export function partyReadScope(regionColumn: Column | SQL) {
  return (actor: Actor): SQL | 'deny' => (isBureau(actor) ? regionCondition(actor, regionColumn) : 'deny');
}

export const todaySql = () => sql`CURRENT_DATE`;
export const todayIso = () => new Date().toISOString().slice(0, 10);
