import { and, eq, sql, type Placeholder, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { householdClaims } from '../db/schema';

/**
 * Which homes a resident holds, written once. A resident acts for a home through a claim, and only
 * a `verified` claim grants anything (shared/src/places/enums.ts CLAIM_STATUSES: pending, rejected,
 * revoked and withdrawn claims grant nothing). Every capability that asks "does this resident hold
 * this home", "which homes, which compounds" or "who holds this home" builds on the two below, so a
 * change to the rule (a claim that lapses, say) is made here and nowhere else.
 */

/** The condition on household_claims that a claim grants its resident the home (for drizzle's builders). */
export const claimGrants: SQL = sql`${householdClaims.status} = 'verified'`;

/**
 * The verified claims as a derived table, to select from or join under an alias (its columns are
 * household_claims' own: household_id, user_id, compound_id, name, phone_enc, …). PostgreSQL pulls
 * the subquery up, so the plan is the one for household_claims with the condition added.
 */
export const verifiedClaims: SQL = sql`(SELECT * FROM ${householdClaims} WHERE ${claimGrants})`;

/** A subquery of the household ids this resident (users.id, or a prepared statement's placeholder) holds. */
export function residentHomeIds(userId: number | Placeholder): SQL {
  return sql`(SELECT vc.household_id FROM ${verifiedClaims} vc WHERE vc.user_id = ${userId})`;
}

/** A subquery of the compound ids where this resident holds a home (users.id, or a placeholder). */
export function residentCompoundIds(userId: number | Placeholder): SQL {
  return sql`(SELECT vc.compound_id FROM ${verifiedClaims} vc WHERE vc.user_id = ${userId})`;
}

/** A boolean SQL expression: does this resident hold the home (a household id, or a column such as h.id)? */
export function holdsHome(userId: number | Placeholder, householdId: number | SQLWrapper): SQL {
  return sql`EXISTS (SELECT 1 FROM ${verifiedClaims} vc WHERE vc.household_id = ${householdId} AND vc.user_id = ${userId})`;
}

/** The home this resident holds, with its compound id; undefined when they hold no such home. */
export async function verifiedHome(db: DbOrTx, userId: number, householdId: number): Promise<{ compoundId: number } | undefined> {
  const [row] = await db
    .select({ compoundId: householdClaims.compoundId })
    .from(householdClaims)
    .where(and(eq(householdClaims.userId, userId), eq(householdClaims.householdId, householdId), claimGrants))
    .limit(1);
  return row;
}

/** Does this resident hold a home in the compound? */
export async function isResidentOf(db: DbOrTx, userId: number, compoundId: number): Promise<boolean> {
  const rows = await db
    .select({ id: householdClaims.id })
    .from(householdClaims)
    .where(and(eq(householdClaims.userId, userId), eq(householdClaims.compoundId, compoundId), claimGrants))
    .limit(1);
  return rows.length > 0;
}

/** The household ids this resident holds. */
export async function heldHomeIds(db: DbOrTx, userId: number): Promise<Set<number>> {
  const rows = await db
    .select({ householdId: householdClaims.householdId })
    .from(householdClaims)
    .where(and(eq(householdClaims.userId, userId), claimGrants));
  return new Set(rows.map((r) => r.householdId));
}
