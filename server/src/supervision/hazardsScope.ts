import { eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { hazards, inspections } from '../db/schema';
import { isBureau, regionCondition } from '../jurisdiction/scope';

/** Bureau roles that inspect, verify and receive reports (party-building staff have no part in it). */
export const INSPECTOR_ROLES = ['city_admin', 'district_staff', 'street_staff', 'community_staff'] as const;
export const isInspector = (actor: Actor) => isBureau(actor) && (INSPECTOR_ROLES as readonly string[]).includes(actor.role);

/** Who may read a hazard: inspectors in jurisdiction, the company its own. */
export function hazardReadScope(actor: Actor): SQL | 'deny' {
  if (isInspector(actor)) return regionCondition(actor, hazards.regionCode);
  if (actor.role === 'company_staff' && actor.companyId) return eq(hazards.companyId, actor.companyId);
  return 'deny';
}

/** Who may read an inspection or patrol: the same as its hazards. */
export function inspectionReadScope(actor: Actor): SQL | 'deny' {
  if (isInspector(actor)) return regionCondition(actor, inspections.regionCode);
  if (actor.role === 'company_staff' && actor.companyId) return eq(inspections.companyId, actor.companyId);
  return 'deny';
}
