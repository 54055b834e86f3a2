import { ApiError, request } from './request';

// Household members (docs/API.md): family members and tenants the owner registers; they file repairs for the home.

export type MemberRelation = 'family' | 'tenant';
export type MemberStatus = 'invited' | 'bound' | 'removed';

export interface HouseholdMember {
  id: number;
  householdId: number;
  name: string;
  relation: MemberRelation;
  phone: string;
  status: MemberStatus;
}

export interface MemberHome {
  id: number;
  householdId: number;
  relation: MemberRelation;
  compoundName: string;
  buildingName: string;
  unitName: string;
  room: string;
}

// Mirrors HOUSEHOLD_MEMBER_RELATION_LABELS / _STATUS_LABELS in @baotou/shared.
export const RELATION_LABEL: Record<MemberRelation, string> = { family: '家庭成员', tenant: '租户' };
export const MEMBER_STATUS_LABEL: Record<MemberStatus, string> = { invited: '待绑定', bound: '已绑定', removed: '已移除' };

export function listMembers(householdId: number): Promise<HouseholdMember[]> {
  return request(`/mini/households/${householdId}/members`, { loading: false });
}

/** Field errors come back on `fields` (name, phone, relation) for the form to show. */
export function addMember(householdId: number, input: { name: string; phone: string; relation: MemberRelation }): Promise<HouseholdMember> {
  return request(`/mini/households/${householdId}/members`, { method: 'POST', data: input, loading: '提交中', toast: false });
}

export function removeMember(householdId: number, id: number): Promise<HouseholdMember> {
  return request(`/mini/households/${householdId}/members/${id}`, { method: 'DELETE', loading: '提交中' });
}

export function bindAsMember(input: { householdId: number; name: string; phone: string }): Promise<HouseholdMember> {
  return request('/mini/household-members/bind', { method: 'POST', data: input, loading: '提交中', toast: false });
}

/** Homes this resident is a bound member of; none when not signed in. */
export function myMemberHomes(): Promise<MemberHome[]> {
  return request<MemberHome[]>('/mini/household-members/mine', { loading: false, toast: false }).catch((e: unknown) => {
    if (e instanceof ApiError) return [];
    throw e;
  });
}
