import { request } from './request';
import { listQuery } from './votes';

// Owners' committees (docs/API.md, issue 3). A resident acts as a member through a verified home
// owned by an owner listed on the compound's in-office committee.

export interface MemberOf {
  compoundId: number;
  compoundName: string;
}

export interface CommitteeMember {
  id: number;
  committeeId: number;
  name: string;
  role: 'chair' | 'vice_chair' | 'member';
  partyMember: boolean;
}

/** The compounds whose in-office committee this resident sits on. */
export function myCommittees(): Promise<MemberOf[]> {
  return request('/committees/mine', { loading: false });
}

export function listMembers(compoundId: number): Promise<CommitteeMember[]> {
  return request(`/committee-members?${listQuery({ compoundId }, ['role', 'ASC'])}`, { loading: false, toast: false });
}
