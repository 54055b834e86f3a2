import { sql } from 'drizzle-orm';
import { formatPartyShare, jurisdictionPrefix, partyStats, partyTrend, type PartyFacts, type PartyGroupBy, type PartyStatsRow } from '@baotou/shared';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { committeeCounted, committeeHasCrossAppointment, committeeHasPartyMembers, partyRowDrills } from './dashboardFacts';

const TREND_YEARS = 10;

const labelled = (r: PartyStatsRow, name: string | null, drillCode = r.code) => ({
  ...r,
  name,
  /** Each figure's rows: the console links to them and the figures test counts them. */
  drills: partyRowDrills(drillCode),
  labels: {
    companiesWithOrg: formatPartyShare(r.companiesWithOrg),
    membersOfStaff: formatPartyShare(r.membersOfStaff),
    committeesWithMembers: formatPartyShare(r.committeesWithMembers),
    committeesWithCrossAppointments: formatPartyShare(r.committeesWithCrossAppointments),
  },
});

/**
 * The dashboard: facts read with a handful of grouped queries within the actor's jurisdiction,
 * shares computed by the pure rules in shared/. Committee shares are over the owners' and
 * property-management committees in office (the committees registry).
 */
export async function readPartyStats(db: Db, actor: Actor, groupBy: PartyGroupBy) {
  const prefix = `${jurisdictionPrefix(actor.regionCode!)}%`;
  const q = async <T>(s: ReturnType<typeof sql>) => (await db.execute(s)).rows as T[];
  const [companyRows, compoundRows, redRows, trendRows] = await Promise.all([
    q<{ id: number; name: string; staff_count: number | null; communities: string[]; has_org: boolean; members: number }>(sql`
      SELECT c.id, c.name, c.staff_count, s.communities,
             EXISTS (SELECT 1 FROM party_orgs o WHERE o.company_id = c.id) AS has_org,
             (SELECT count(*)::int FROM party_members m WHERE m.employer_company_id = c.id) AS members
        FROM (SELECT company_id, array_agg(DISTINCT region_code) AS communities FROM projects WHERE region_code LIKE ${prefix} GROUP BY company_id) s
        JOIN companies c ON c.id = s.company_id`),
    // One row per owners' (or property-management) committee in office; dashboardFacts.ts holds the predicates.
    q<{ id: number; region_code: string; has_members: boolean; has_cross: boolean }>(sql`
      SELECT k.id, k.region_code, ${committeeHasPartyMembers(sql`k`)} AS has_members, ${committeeHasCrossAppointment(sql`k`)} AS has_cross
        FROM committees k
       WHERE ${committeeCounted(sql`k`)} AND k.region_code LIKE ${prefix}`),
    q<{ region_code: string }>(sql`SELECT region_code FROM red_projects WHERE region_code LIKE ${prefix}`),
    q<{ year: number; orgs: number; members: number; red: number; cross: number }>(sql`
      SELECT year, sum(orgs)::int AS orgs, sum(members)::int AS members, sum(red)::int AS red, sum("cross")::int AS "cross" FROM (
        SELECT extract(year FROM founded_on)::int AS year, count(*) AS orgs, 0 AS members, 0 AS red, 0 AS "cross" FROM party_orgs WHERE region_code LIKE ${prefix} GROUP BY 1
        UNION ALL SELECT extract(year FROM joined_on)::int, 0, count(*), 0, 0 FROM party_members WHERE region_code LIKE ${prefix} GROUP BY 1
        UNION ALL SELECT year, 0, 0, count(*), 0 FROM red_projects WHERE region_code LIKE ${prefix} GROUP BY 1
        UNION ALL SELECT extract(year FROM start_date)::int, 0, 0, 0, count(*) FROM cross_appointments WHERE region_code LIKE ${prefix} GROUP BY 1
      ) t GROUP BY year`),
  ]);
  const facts: PartyFacts = {
    companies: companyRows.map((c) => ({ id: c.id, communities: c.communities, hasOrg: c.has_org, members: c.members, staffCount: c.staff_count })),
    compounds: compoundRows.map((c) => ({ id: c.id, regionCode: c.region_code, hasCommitteeMembers: c.has_members, hasCrossAppointment: c.has_cross })),
    redProjects: redRows.map((r) => ({ regionCode: r.region_code })),
  };
  const { rows, total } = partyStats(facts, groupBy, actor.regionCode!);
  // A street-level actor grouped by district still sees only their street's figures.
  const names = new Map(
    (
      await q<{ code: string; name: string }>(
        sql`SELECT code, name FROM regions WHERE code IN (${sql.join(
          [...rows.map((r) => r.code), actor.regionCode!].map((c) => sql`${c}`),
          sql`, `,
        )})`,
      )
    ).map((r) => [r.code, r.name]),
  );
  const thisYear = new Date().getFullYear();
  return {
    groupBy,
    scope: actor.regionCode,
    committeeBasis: 'committees' as const,
    rows: rows.map((r) => labelled(r, names.get(r.code) ?? null)),
    // The total's rows are the whole jurisdiction: its code as a prefix (150200 → 1502).
    total: labelled(total, names.get(actor.regionCode!) ?? null, jurisdictionPrefix(actor.regionCode!)),
    trend: partyTrend(
      trendRows.map((t) => ({ year: t.year, orgs: t.orgs, members: t.members, redProjects: t.red, crossAppointments: t.cross })),
      thisYear - TREND_YEARS + 1,
      thisYear,
    ),
    companies: companyRows
      .map((c) => ({
        id: c.id,
        name: c.name,
        hasOrg: c.has_org,
        members: c.members,
        staffCount: c.staff_count,
        membersOfStaff: c.staff_count ? formatPartyShare({ num: c.members, den: c.staff_count }) : '—',
      }))
      .sort((a, b) => a.id - b.id),
  };
}
