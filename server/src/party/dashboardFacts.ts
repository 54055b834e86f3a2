import { sql, type SQL } from 'drizzle-orm';

/**
 * What the Red Property dashboard counts, written once: the statistics query (stats.ts) counts with
 * these predicates and the drill-down lists (committees, companies, party members) filter with them,
 * so every figure equals the number of rows its link lists (issue 16 §2).
 */

/** A committee the dashboard counts: an owners' or property-management committee in office (the committees registry). */
export const committeeCounted = (k: SQL) => sql`(${k}.status = 'in_office' AND ${k}.kind <> 'preparatory')`;

/** The committee has a party member: a member so flagged, a party member registered as its member, or its own party organisation. */
export const committeeHasPartyMembers = (k: SQL) => sql`(
  EXISTS (SELECT 1 FROM committee_members m WHERE m.committee_id = ${k}.id AND m.party_member)
  OR ${k}.compound_id IN (SELECT compound_id FROM party_members WHERE role = 'committee_member' AND compound_id IS NOT NULL)
  OR ${k}.compound_id IN (SELECT compound_id FROM party_orgs WHERE setting = 'owners_committee' AND compound_id IS NOT NULL))`;

/** The committee has a cross-appointment in office: a member so registered, or one in the party registry for its compound. */
export const committeeHasCrossAppointment = (k: SQL) => sql`(
  EXISTS (SELECT 1 FROM committee_members m WHERE m.committee_id = ${k}.id AND m.cross_appointment <> 'none')
  OR ${k}.compound_id IN (SELECT compound_id FROM cross_appointments WHERE compound_id IS NOT NULL AND start_date <= CURRENT_DATE AND (end_date IS NULL OR end_date >= CURRENT_DATE)))`;

/** The company serves a compound in the area (has a service project there): `codePrefix` is digits, matched as a prefix. */
export const companyServes = (companyId: SQL, codePrefix: string) =>
  sql`${companyId} IN (SELECT company_id FROM projects WHERE region_code LIKE ${`${codePrefix}%`})`;

export const companyHasPartyOrg = (companyId: SQL) => sql`EXISTS (SELECT 1 FROM party_orgs o WHERE o.company_id = ${companyId})`;

/** Companies whose staff count is known: the only ones in the members-of-staff share. */
export const companyStaffed = (companyId: SQL) => sql`${companyId} IN (SELECT id FROM companies WHERE staff_count > 0)`;

/** A drill-down: the console list that holds a figure's rows. */
export interface Drill {
  resource: string;
  filter: Record<string, unknown>;
}

/** The drill-downs of one dashboard row (a district, a street, or the total over `code`). */
export function partyRowDrills(code: string) {
  const region = { regionCode: code };
  return {
    companiesWithOrg: {
      num: { resource: 'companies', filter: { partyServes: code, partyOrg: true } },
      den: { resource: 'companies', filter: { partyServes: code } },
    },
    // A sum over companies, not a count of rows: its drill-down lists the companies whose members and staff it adds
    // up (party members outside the viewer's jurisdiction are not listed to them).
    membersOfStaff: { num: { resource: 'companies', filter: { partyServes: code, partyStaffed: true } }, sum: true },
    committeesWithMembers: {
      num: { resource: 'committees', filter: { ...region, counted: true, partyMembers: true } },
      den: { resource: 'committees', filter: { ...region, counted: true } },
    },
    committeesWithCrossAppointments: {
      num: { resource: 'committees', filter: { ...region, counted: true, crossAppointment: true } },
      den: { resource: 'committees', filter: { ...region, counted: true } },
    },
    redProjects: { num: { resource: 'red-projects', filter: region } },
  } satisfies Record<string, { num: Drill; den?: Drill; sum?: true }>;
}
