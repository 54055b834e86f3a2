import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { DbOrTx } from '../db/client';
import { committeeMembers, committees, householdClaims, households } from '../db/schema';
import { forbidden } from '../http/errors';
import { claimGrants, verifiedClaims } from '../places/residentHomes';

/**
 * Residents act for a compound through their verified homes; a resident is a committee member
 * when a verified home of theirs is owned by an owner listed on the compound's in-office committee.
 */
export function memberCompoundIds(userId: number): SQL {
  return sql`(SELECT cm.compound_id FROM committee_members cm
                JOIN committees c ON c.id = cm.committee_id AND c.status = 'in_office'
                JOIN households h ON h.owner_id = cm.owner_id
                JOIN ${verifiedClaims} hc ON hc.household_id = h.id AND hc.user_id = ${userId}
               WHERE cm.compound_id = h.compound_id)`;
}

/** The in-office committee this resident sits on in the compound, or undefined. */
export async function memberCommittee(db: DbOrTx, userId: number, compoundId: number): Promise<number | undefined> {
  const [row] = await db
    .select({ committeeId: committees.id })
    .from(committeeMembers)
    .innerJoin(committees, and(eq(committees.id, committeeMembers.committeeId), eq(committees.status, 'in_office')))
    .innerJoin(households, and(eq(households.ownerId, committeeMembers.ownerId), eq(households.compoundId, committeeMembers.compoundId)))
    .innerJoin(householdClaims, and(eq(householdClaims.householdId, households.id), eq(householdClaims.userId, userId), claimGrants))
    .where(eq(committeeMembers.compoundId, compoundId))
    .limit(1);
  return row?.committeeId;
}

export async function requireMemberCommittee(db: DbOrTx, actor: Actor, compoundId: number): Promise<number> {
  const committeeId = actor.role === 'resident' ? await memberCommittee(db, actor.id, compoundId) : undefined;
  if (!committeeId) throw forbidden('NOT_COMMITTEE_MEMBER', '仅本小区在任业主委员会成员可执行此操作');
  return committeeId;
}
