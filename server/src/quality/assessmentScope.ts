import { eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { levelAssessments } from '../db/schema';
import { isBureau, regionCondition } from '../jurisdiction/scope';

/**
 * Who reads level assessments (and so their evidence and photos): bureau staff in jurisdiction, the
 * applying company's staff. Kept apart from the resource so the uploads' read check can use it.
 */
export function levelAssessmentReadScope(actor: Actor): SQL | 'deny' {
  if (isBureau(actor)) return regionCondition(actor, levelAssessments.regionCode);
  if (actor.role === 'company_staff' && actor.companyId) return eq(levelAssessments.companyId, actor.companyId);
  return 'deny';
}
