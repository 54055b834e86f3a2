import { request } from './request';

/** The party-building side of a compound, as the public page shows it (names masked: 张*). */
export interface CompoundParty {
  code: string;
  company: { name: string; hasPartyOrg: boolean; partyOrgName: string | null } | null;
  committee: { hasPartyOrg: boolean; partyOrgName: string | null; hasPartyMembers: boolean };
  compoundPartyOrgName: string | null;
  redProject: { designation: string; year: number } | null;
  members: { name: string; role: string }[];
}

export function getCompoundParty(code: string): Promise<CompoundParty> {
  return request(`/public/compounds/by-code/${encodeURIComponent(code)}/party`, { auth: false, loading: false, toast: false });
}
