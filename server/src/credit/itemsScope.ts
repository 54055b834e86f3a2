import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { creditItems, creditObjections } from '../db/schema';
import { isBureau, regionCondition } from '../jurisdiction/scope';

/** Bureau staff read items in their jurisdiction; a company's staff read their own company's only. */
export function creditItemReadScope(actor: Actor) {
  if (isBureau(actor)) return regionCondition(actor, creditItems.regionCode);
  if (actor.role === 'company_staff' && actor.companyId) return eq(creditItems.companyId, actor.companyId);
  return 'deny' as const;
}

/** Objections: bureau staff by their item's region; a company's staff their own company's. */
export function creditObjectionReadScope(actor: Actor) {
  if (isBureau(actor)) return sql`${creditObjections.itemId} IN (SELECT id FROM credit_items WHERE ${regionCondition(actor, creditItems.regionCode)})`;
  if (actor.role === 'company_staff' && actor.companyId) return eq(creditObjections.companyId, actor.companyId);
  return 'deny' as const;
}
