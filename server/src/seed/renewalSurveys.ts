import { sql } from 'drizzle-orm';
import { loadConfig } from '@baotou/config';
import { INFRASTRUCTURE_ITEMS, classifyOldCompound, type InfrastructureItem, type InfrastructureState, type RenewalClassification } from '@baotou/shared';
import type { Tx } from '../db/client';
import { renewalSurveys } from '../db/schema';

type Infra = Partial<Record<InfrastructureItem, InfrastructureState>>;
const all = (state: InfrastructureState, over: Infra = {}): Infra => ({ ...Object.fromEntries(INFRASTRUCTURE_ITEMS.map((i) => [i, state])), ...over });

/**
 * Issue 11 demo: old compounds and single buildings surveyed in each state — a draft the community
 * resumes (BT0002), proposals awaiting the district (BT0003, BT0018), and confirmed classifications
 * (BT0006 quasi, BT0007 committee, BT0031 an override with its reason). Classifications match the
 * compounds' seeded management modes, so no other figure moves.
 */
export async function seedRenewalSurveys(tx: Tx) {
  const ids = new Map(
    (
      (
        await tx.execute(sql`SELECT code, id, region_code AS "regionCode", (SELECT count(*)::int FROM households h WHERE h.compound_id = c.id) AS households,
                                  round(total_area * 100)::bigint AS "areaCenti" FROM compounds c WHERE code IN ('BT0002', 'BT0003', 'BT0006', 'BT0007', 'BT0018', 'BT0031')`)
      ).rows as {
        code: string;
        id: number;
        regionCode: string;
        households: number;
        areaCenti: string;
      }[]
    ).map((r) => [r.code, r]),
  );
  const users = new Map(
    (
      (await tx.execute(sql`SELECT username, id FROM users WHERE username IN ('community', 'street', 'd150203', 'd150202')`)).rows as {
        username: string;
        id: number;
      }[]
    ).map((u) => [u.username, u.id]),
  );
  const settings = loadConfig({}).renewalSurvey.classification;

  const base = (code: string, surveyor: string) => {
    const c = ids.get(code)!;
    return {
      compoundId: c.id,
      regionCode: c.regionCode,
      surveyorId: users.get(surveyor) ?? null,
      householdCount: c.households,
      floorAreaCenti: Number(c.areaCenti),
    };
  };
  const full = (
    code: string,
    surveyor: string,
    facts: {
      single: boolean;
      neighbours: string[];
      enclosure: 'enclosed' | 'enclosable' | 'open';
      infrastructure: Infra;
      committee: boolean;
      willingPermille: number;
    },
  ) => {
    const b = base(code, surveyor);
    const survey = {
      ...b,
      buildingCount: facts.single ? 1 : Math.max(2, Math.round(b.householdCount / 36)),
      stairwellCount: Math.max(1, Math.round(b.householdCount / 12)),
      singleBuilding: facts.single,
      neighbourCompoundIds: facts.neighbours.map((n) => ids.get(n)!.id),
      enclosure: facts.enclosure,
      hasGate: facts.enclosure === 'enclosed',
      infrastructure: facts.infrastructure,
      currentManagement: 'community' as const,
      hasCommittee: facts.committee,
      fundDeposited: false,
      renovation: 'planned' as const,
      willingHouseholds: Math.floor((b.householdCount * facts.willingPermille) / 1000),
      proposedFeeFen: 35,
      surveyedOn: '2026-10-15',
      notes: null,
    };
    return { ...survey, proposedClassification: classifyOldCompound(survey, settings) };
  };
  const submitted = { status: 'submitted' as const, version: 3, submittedAt: new Date('2026-10-16T02:00:00Z') };
  const classified = (classification: RenewalClassification, by: string, reason: string | null) => ({
    classification,
    classificationReason: reason,
    classifiedBy: users.get(by) ?? null,
    classifiedAt: new Date('2026-10-20T03:00:00Z'),
  });
  if (ids.size < 6) return;

  await tx.insert(renewalSurveys).values([
    // a draft half filled in: the community resumes it (version 3 after two saves)
    {
      ...base('BT0002', 'community'),
      version: 3,
      buildingCount: 3,
      stairwellCount: 8,
      enclosure: 'enclosable',
      infrastructure: { roads: 'partial', drainage: 'missing', water: 'good', heating: 'good', power: 'good' },
      currentManagement: 'community',
      notes: '排水管网老化，雨季积水；其余项目待下次入户核实',
    },
    {
      ...full('BT0003', 'street', {
        single: true,
        neighbours: ['BT0002'],
        enclosure: 'open',
        infrastructure: all('partial', { parking: 'missing' }),
        committee: false,
        willingPermille: 400,
      }),
      ...submitted,
    },
    {
      ...full('BT0006', 'street', {
        single: false,
        neighbours: [],
        enclosure: 'enclosed',
        infrastructure: all('good', { parking: 'partial' }),
        committee: true,
        willingPermille: 700,
      }),
      ...submitted,
      ...classified('quasi', 'd150203', null),
    },
    {
      ...full('BT0007', 'street', {
        single: true,
        neighbours: [],
        enclosure: 'open',
        infrastructure: all('partial', { gas: 'missing', property_room: 'missing' }),
        committee: false,
        willingPermille: 300,
      }),
      ...submitted,
      ...classified('committee', 'd150203', null),
    },
    {
      ...full('BT0018', 'street', {
        single: false,
        neighbours: [],
        enclosure: 'enclosable',
        infrastructure: all('good'),
        committee: false,
        willingPermille: 600,
      }),
      ...submitted,
    },
    {
      ...full('BT0031', 'street', {
        single: true,
        neighbours: ['BT0003'],
        enclosure: 'open',
        infrastructure: all('partial'),
        committee: false,
        willingPermille: 200,
      }),
      ...submitted,
      ...classified('committee', 'd150202', '相邻小区不在同一街道，暂无法合并，先由社区代管'),
    },
  ]);
}
