/**
 * Dashboard figures of the Red Property registry (action plan 四(一)): shares kept as integer
 * numerator/denominator and compared exactly (DOMAIN.md: ratios with integers, never floats).
 */
export interface PartyShare {
  num: number;
  den: number;
}
export const partyShare = (num: number, den: number): PartyShare => ({ num, den });

/** -1, 0 or 1; an empty share (den 0) ranks below every share with a denominator. */
export function comparePartyShares(a: PartyShare, b: PartyShare): number {
  if (a.den === 0 || b.den === 0) return a.den === b.den ? 0 : a.den === 0 ? -1 : 1;
  const l = BigInt(a.num) * BigInt(b.den);
  const r = BigInt(b.num) * BigInt(a.den);
  return l < r ? -1 : l > r ? 1 : 0;
}

/** "37.5%" with one decimal, rounded half up in integers; "—" when nothing to divide by. */
export function formatPartyShare(s: PartyShare): string {
  if (s.den === 0) return '—';
  const tenths = Math.floor((s.num * 2000 + s.den) / (2 * s.den));
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

export type PartyGroupBy = 'district' | 'street';
export const partyGroupCode = (regionCode: string, by: PartyGroupBy) => regionCode.slice(0, by === 'district' ? 6 : 9);

/** Facts the server reads, one row per company / compound / red project. */
export interface PartyFacts {
  /** A company counts in every area where it serves a compound (has a service project). */
  companies: { id: number; communities: readonly string[]; hasOrg: boolean; members: number; staffCount: number | null }[];
  /** Owners' committees are not yet a table: each compound stands for its committee. */
  compounds: { id: number; regionCode: string; hasCommitteeMembers: boolean; hasCrossAppointment: boolean }[];
  redProjects: { regionCode: string }[];
}

export interface PartyStatsRow {
  code: string;
  companiesWithOrg: PartyShare;
  /** Party members employed by the companies over their staff (companies with a staff count only). */
  membersOfStaff: PartyShare;
  committeesWithMembers: PartyShare;
  committeesWithCrossAppointments: PartyShare;
  redProjects: number;
}

function summarise(code: string, companies: PartyFacts['companies'], compounds: PartyFacts['compounds'], red: number): PartyStatsRow {
  const staffed = companies.filter((c) => c.staffCount !== null && c.staffCount > 0);
  return {
    code,
    companiesWithOrg: partyShare(companies.filter((c) => c.hasOrg).length, companies.length),
    membersOfStaff: partyShare(
      staffed.reduce((s, c) => s + c.members, 0),
      staffed.reduce((s, c) => s + (c.staffCount ?? 0), 0),
    ),
    committeesWithMembers: partyShare(compounds.filter((c) => c.hasCommitteeMembers).length, compounds.length),
    committeesWithCrossAppointments: partyShare(compounds.filter((c) => c.hasCrossAppointment).length, compounds.length),
    redProjects: red,
  };
}

/**
 * Rows per district or street, in code order, plus the total over the whole scope (a company
 * serving two districts counts once in the total, once in each district).
 */
export function partyStats(facts: PartyFacts, by: PartyGroupBy, totalCode: string): { rows: PartyStatsRow[]; total: PartyStatsRow } {
  const codes = new Set<string>();
  const companiesIn = new Map<string, PartyFacts['companies'][number][]>();
  for (const c of facts.companies) {
    for (const g of new Set(c.communities.map((x) => partyGroupCode(x, by)))) {
      codes.add(g);
      companiesIn.set(g, [...(companiesIn.get(g) ?? []), c]);
    }
  }
  const compoundsIn = new Map<string, PartyFacts['compounds'][number][]>();
  for (const c of facts.compounds) {
    const g = partyGroupCode(c.regionCode, by);
    codes.add(g);
    compoundsIn.set(g, [...(compoundsIn.get(g) ?? []), c]);
  }
  const redIn = new Map<string, number>();
  for (const r of facts.redProjects) {
    const g = partyGroupCode(r.regionCode, by);
    codes.add(g);
    redIn.set(g, (redIn.get(g) ?? 0) + 1);
  }
  const rows = [...codes].sort().map((g) => summarise(g, companiesIn.get(g) ?? [], compoundsIn.get(g) ?? [], redIn.get(g) ?? 0));
  return {
    rows,
    total: summarise(
      totalCode,
      facts.companies.filter((c) => c.communities.length > 0),
      facts.compounds,
      facts.redProjects.length,
    ),
  };
}

export interface PartyTrendYear {
  year: number;
  orgsFounded: number;
  orgsTotal: number;
  membersJoined: number;
  membersTotal: number;
  redProjects: number;
  crossAppointmentsStarted: number;
}

/** Year by year from `from` to `to`, with running totals (everything before `from` is carried in). */
export function partyTrend(
  counts: { year: number; orgs?: number; members?: number; redProjects?: number; crossAppointments?: number }[],
  from: number,
  to: number,
): PartyTrendYear[] {
  const out: PartyTrendYear[] = [];
  let orgsTotal = 0;
  let membersTotal = 0;
  for (const c of counts) {
    if (c.year < from) {
      orgsTotal += c.orgs ?? 0;
      membersTotal += c.members ?? 0;
    }
  }
  for (let y = from; y <= to; y++) {
    const inYear = counts.filter((c) => c.year === y);
    const sum = (k: 'orgs' | 'members' | 'redProjects' | 'crossAppointments') => inYear.reduce((s, c) => s + (c[k] ?? 0), 0);
    orgsTotal += sum('orgs');
    membersTotal += sum('members');
    out.push({
      year: y,
      orgsFounded: sum('orgs'),
      orgsTotal,
      membersJoined: sum('members'),
      membersTotal,
      redProjects: sum('redProjects'),
      crossAppointmentsStarted: sum('crossAppointments'),
    });
  }
  return out;
}
