import { z } from 'zod';
import { intId, mobilePhone, text } from './fields';

/**
 * Household members (issue 16 §4): a family member or tenant whom the home's verified owner
 * registers; once they bind, they may file repairs and complaints for the home, but neither vote
 * nor read the home's maintenance-fund ledger nor manage its members — those stay the owner's
 * (DOMAIN.md §1 votes are by owners; §4 the ledger is the owner's).
 */
export const HOUSEHOLD_MEMBER_RELATIONS = ['family', 'tenant'] as const;
export type HouseholdMemberRelation = (typeof HOUSEHOLD_MEMBER_RELATIONS)[number];
export const HOUSEHOLD_MEMBER_RELATION_LABELS: Record<HouseholdMemberRelation, string> = { family: '家庭成员', tenant: '租户' };

/** invited (registered by the owner) → bound (the person signed in and matched) → removed (by the owner). */
export const HOUSEHOLD_MEMBER_STATUSES = ['invited', 'bound', 'removed'] as const;
export type HouseholdMemberStatus = (typeof HOUSEHOLD_MEMBER_STATUSES)[number];
export const HOUSEHOLD_MEMBER_STATUS_LABELS: Record<HouseholdMemberStatus, string> = { invited: '待绑定', bound: '已绑定', removed: '已移除' };

/** How a signed-in resident stands to a home: its verified owner (a verified claim), a bound member, or neither. */
export const HOME_STANDINGS = ['owner', 'member', 'none'] as const;
export type HomeStanding = (typeof HOME_STANDINGS)[number];

export const HOME_RIGHTS = ['file_ticket', 'vote', 'see_fund', 'manage_members'] as const;
export type HomeRight = (typeof HOME_RIGHTS)[number];

const RIGHTS: Record<HomeStanding, readonly HomeRight[]> = {
  owner: HOME_RIGHTS,
  member: ['file_ticket'],
  none: [],
};

/** A resident's standing from what the server found: a verified claim wins over a membership. */
export function homeStanding(verifiedClaim: boolean, boundMember: boolean): HomeStanding {
  return verifiedClaim ? 'owner' : boundMember ? 'member' : 'none';
}

/** May a resident of this standing do this for the home? Throws RangeError on a standing or right outside the enums. */
export function mayActOnHome(standing: HomeStanding, right: HomeRight): boolean {
  if (!HOME_STANDINGS.includes(standing)) throw new RangeError(`unknown home standing: ${String(standing)}`);
  if (!HOME_RIGHTS.includes(right)) throw new RangeError(`unknown home right: ${String(right)}`);
  return RIGHTS[standing].includes(right);
}

/** The owner registers a member: their name, mobile phone (what they will bind with) and relation. */
export const householdMemberSchema = z.strictObject({
  name: text('姓名', 40),
  phone: mobilePhone('手机号'),
  relation: z.enum(HOUSEHOLD_MEMBER_RELATIONS, { error: '请选择家庭成员或租户' }),
});

/** The member binds: the home, and the name and phone the owner registered. */
export const householdMemberBindSchema = z.strictObject({
  householdId: intId('房屋'),
  name: text('姓名', 40),
  phone: mobilePhone('手机号'),
});
