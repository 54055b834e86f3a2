import Taro from '@tarojs/taro';

import { request, type RequestOptions } from './request';

export interface CompoundSummary {
  id: number;
  code: string;
  name: string;
  address: string;
  type: string;
  managementMode: string;
  districtName: string;
  streetName: string;
  communityName: string;
  companyName: string | null;
  buildingCount: number;
  householdCount: number;
}

export interface MiniBuilding {
  id: number;
  name: string;
  units: { id: number; name: string }[];
}

export interface MiniRoom {
  householdId: number;
  room: string;
}

export type ClaimStatus = 'pending' | 'verified' | 'rejected' | 'revoked' | 'withdrawn';

export interface HouseholdClaim {
  id: number;
  householdId: number;
  compoundId: number;
  compoundName: string;
  buildingName: string;
  unitName: string;
  room: string;
  name: string;
  phone: string;
  status: ClaimStatus;
  reason: string | null;
  /** When the claim was revoked (by staff, or because the home changed owner) or withdrawn. */
  endedAt: string | null;
  createdAt: string;
}

const COMPOUND_KEY = 'compound';

export function getCompoundByCode(code: string, opts: Pick<RequestOptions, 'loading' | 'toast'> = {}): Promise<CompoundSummary> {
  return request(`/public/compounds/by-code/${encodeURIComponent(code)}`, { ...opts, auth: false });
}

/** The compound the resident scanned in to; home and bind work on it. */
export function rememberCompound(compound: CompoundSummary): void {
  Taro.setStorageSync(COMPOUND_KEY, compound);
}

export function currentCompound(): CompoundSummary | null {
  return Taro.getStorageSync(COMPOUND_KEY) || null;
}

export function listBuildings(compoundId: number): Promise<MiniBuilding[]> {
  return request(`/mini/compounds/${compoundId}/buildings`);
}

export function listRooms(unitId: number): Promise<MiniRoom[]> {
  return request(`/mini/units/${unitId}/rooms`);
}

export function claimHousehold(input: { householdId: number; name: string; phone: string }): Promise<HouseholdClaim> {
  return request('/household-claims', { method: 'POST', data: input, loading: '提交中' });
}

export function listMyClaims(): Promise<HouseholdClaim[]> {
  return request('/household-claims');
}

/** The resident ends their own claim (pending or verified); the home is no longer theirs here. */
export function withdrawClaim(id: number): Promise<HouseholdClaim> {
  return request(`/household-claims/${id}/withdraw`, { method: 'POST', data: {}, loading: '提交中' });
}
