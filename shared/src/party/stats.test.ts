import { comparePartyShares, formatPartyShare, partyShare, partyStats, partyTrend, type PartyFacts } from './stats';

describe('DOMAIN.md (ratios with integers, compared exactly): shares', () => {
  test.each([
    [partyShare(1, 3), partyShare(2, 6), 0],
    [partyShare(1, 3), partyShare(333333, 1000000), 1],
    [partyShare(2, 3), partyShare(3, 4), -1],
    [partyShare(0, 0), partyShare(0, 5), -1],
    [partyShare(0, 0), partyShare(0, 0), 0],
    [partyShare(9007199254740991, 9007199254740990), partyShare(1, 1), 1],
  ])('%j vs %j → %d', (a, b, r) => expect(comparePartyShares(a, b)).toBe(r));

  test.each([
    [partyShare(1, 3), '33.3%'],
    [partyShare(2, 3), '66.7%'],
    [partyShare(1, 8), '12.5%'],
    [partyShare(1, 16), '6.3%'],
    [partyShare(5, 5), '100.0%'],
    [partyShare(0, 7), '0.0%'],
    [partyShare(0, 0), '—'],
  ])('%j → %s', (s, text) => expect(formatPartyShare(s)).toBe(text));
});

describe('action plan 四(一): dashboard by district and street (hand-counted)', () => {
  // Two districts: 150203 (streets 001, 002) and 150204 (street 001).
  const facts: PartyFacts = {
    companies: [
      { id: 1, communities: ['150203001001', '150204001001'], hasOrg: true, members: 6, staffCount: 60 },
      { id: 2, communities: ['150203001002'], hasOrg: false, members: 0, staffCount: 40 },
      { id: 3, communities: ['150203002001'], hasOrg: true, members: 3, staffCount: null },
      { id: 4, communities: [], hasOrg: true, members: 1, staffCount: 10 },
    ],
    compounds: [
      { id: 1, regionCode: '150203001001', hasCommitteeMembers: true, hasCrossAppointment: true },
      { id: 2, regionCode: '150203001002', hasCommitteeMembers: true, hasCrossAppointment: false },
      { id: 3, regionCode: '150203002001', hasCommitteeMembers: false, hasCrossAppointment: false },
      { id: 4, regionCode: '150204001001', hasCommitteeMembers: false, hasCrossAppointment: false },
    ],
    redProjects: [{ regionCode: '150203001001' }, { regionCode: '150203001001' }, { regionCode: '150204001001' }],
  };

  test('by district', () => {
    const { rows, total } = partyStats(facts, 'district', '150200');
    expect(rows).toEqual([
      {
        code: '150203',
        companiesWithOrg: partyShare(2, 3),
        membersOfStaff: partyShare(6, 100),
        committeesWithMembers: partyShare(2, 3),
        committeesWithCrossAppointments: partyShare(1, 3),
        redProjects: 2,
      },
      {
        code: '150204',
        companiesWithOrg: partyShare(1, 1),
        membersOfStaff: partyShare(6, 60),
        committeesWithMembers: partyShare(0, 1),
        committeesWithCrossAppointments: partyShare(0, 1),
        redProjects: 1,
      },
    ]);
    // company 1 counts once city-wide; company 4 serves no compound and is left out
    expect(total).toEqual({
      code: '150200',
      companiesWithOrg: partyShare(2, 3),
      membersOfStaff: partyShare(6, 100),
      committeesWithMembers: partyShare(2, 4),
      committeesWithCrossAppointments: partyShare(1, 4),
      redProjects: 3,
    });
  });

  test('by street', () => {
    const { rows } = partyStats(facts, 'street', '150200');
    expect(rows.map((r) => [r.code, r.companiesWithOrg, r.redProjects])).toEqual([
      ['150203001', partyShare(1, 2), 2],
      ['150203002', partyShare(1, 1), 0],
      ['150204001', partyShare(1, 1), 1],
    ]);
  });

  test('trend: running totals carry earlier years in', () => {
    const t = partyTrend(
      [
        { year: 2019, orgs: 2, members: 10 },
        { year: 2021, orgs: 1, members: 5, redProjects: 1 },
        { year: 2022, crossAppointments: 2 },
      ],
      2021,
      2023,
    );
    expect(t).toEqual([
      { year: 2021, orgsFounded: 1, orgsTotal: 3, membersJoined: 5, membersTotal: 15, redProjects: 1, crossAppointmentsStarted: 0 },
      { year: 2022, orgsFounded: 0, orgsTotal: 3, membersJoined: 0, membersTotal: 15, redProjects: 0, crossAppointmentsStarted: 2 },
      { year: 2023, orgsFounded: 0, orgsTotal: 3, membersJoined: 0, membersTotal: 15, redProjects: 0, crossAppointmentsStarted: 0 },
    ]);
  });
});
