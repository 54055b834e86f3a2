import { crossAppointmentProblem, excelSerialToIsoDate, normaliseSheetDate, partyMemberProblems, partyOrgProblems, type PartyAppointeeFacts } from './rules';

const TODAY = '2026-06-30';

describe('action plan 四(一): where a party organisation sits', () => {
  test.each([
    ['industry committee in the industry', { type: 'industry_committee', setting: 'industry' }, []],
    ['industry committee in a company', { type: 'industry_committee', setting: 'company', companyId: 1 }, ['setting']],
    ['a branch in the industry', { type: 'branch', setting: 'industry' }, ['type']],
    ['company branch with its company', { type: 'branch', setting: 'company', companyId: 3 }, []],
    ['company committee without a company', { type: 'committee', setting: 'company' }, ['companyId']],
    ['joint branch with a region only', { type: 'joint_branch', setting: 'company', regionCode: '150203' }, []],
    ['joint branch with neither', { type: 'joint_branch', setting: 'company' }, ['regionCode']],
    ['owners committee branch with its compound', { type: 'branch', setting: 'owners_committee', compoundId: 9 }, []],
    ['compound branch without a compound', { type: 'branch', setting: 'compound' }, ['compoundId']],
    ['compound branch naming a company', { type: 'branch', setting: 'compound', compoundId: 9, companyId: 2 }, ['companyId']],
    ['founded tomorrow', { type: 'branch', setting: 'company', companyId: 3, foundedOn: '2026-07-01' }, ['foundedOn']],
    ['founded today', { type: 'branch', setting: 'company', companyId: 3, foundedOn: TODAY }, []],
  ] as const)('%s', (_name, org, fields) => {
    expect(Object.keys(partyOrgProblems(org as never, TODAY)).sort()).toEqual([...fields].sort());
  });
});

describe('action plan 四(一): a member is placed by employer or committee role', () => {
  test.each([
    ['company staff with employer', { role: 'company_staff', employerCompanyId: 1 }, []],
    ['project manager without employer', { role: 'project_manager' }, ['employerCompanyId']],
    ['committee member with compound', { role: 'committee_member', compoundId: 4 }, []],
    ['committee member without compound', { role: 'committee_member' }, ['compoundId']],
    ['community worker with a community code', { role: 'community_worker', regionCode: '150203001001' }, []],
    ['community worker with a street code', { role: 'community_worker', regionCode: '150203001' }, ['regionCode']],
    ['joined in the future', { role: 'company_staff', employerCompanyId: 1, joinedOn: '2027-01-01' }, ['joinedOn']],
  ] as const)('%s', (_name, m, fields) => {
    expect(Object.keys(partyMemberProblems(m as never, TODAY)).sort()).toEqual([...fields].sort());
  });
});

describe('action plan 四(一) 双向进入、交叉任职: the person must belong to that community', () => {
  const C = '150203001001';
  const OTHER = '150203001002';
  const pm: PartyAppointeeFacts = { role: 'project_manager', employerCommunities: [C] };
  const committee: PartyAppointeeFacts = { role: 'committee_member', compoundCommunity: C, employerCommunities: [] };
  const worker: PartyAppointeeFacts = { role: 'community_worker', regionCode: C, employerCommunities: [] };
  const staff: PartyAppointeeFacts = { role: 'company_staff', employerCommunities: [C] };
  test.each([
    ['project manager of a company serving the community → party committee', pm, 'community_party_part_time', C, undefined, null],
    ['project manager whose company does not serve the community', pm, 'community_party_part_time', OTHER, undefined, /既不在/],
    ['committee member of a compound there', committee, 'community_party_part_time', C, undefined, null],
    ['committee member of a compound elsewhere', committee, 'community_party_part_time', OTHER, undefined, /既不在/],
    ['ordinary company staff cannot join the community party committee', staff, 'community_party_part_time', C, undefined, /业委会成员或物业项目负责人/],
    ['community 两委 member on a committee there', worker, 'owners_committee_part_time', C, C, null],
    ['community 两委 member on a committee of another community', worker, 'owners_committee_part_time', C, OTHER, /不在该社区/],
    ['community worker of another community', worker, 'owners_committee_part_time', OTHER, OTHER, /既不在/],
    ['a project manager is not a 两委 member', pm, 'owners_committee_part_time', C, C, /两委/],
  ] as const)('%s', (_n, person, kind, community, compoundCommunity, expected) => {
    const reason = crossAppointmentProblem(person, { kind, communityCode: community, compoundCommunity });
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toMatch(expected);
  });
});

describe('dates as party staff type them in their sheets', () => {
  test.each([
    ['2024-03-01', '2024-03-01'],
    ['2024/3/1', '2024-03-01'],
    ['2024.12.31', '2024-12-31'],
    ['2024年7月1日', '2024-07-01'],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', undefined],
    ['1900-02-29', undefined],
    ['2024-13-01', undefined],
    ['2024-00-10', undefined],
    ['昨天', undefined],
    ['45000', undefined],
  ])('%s → %s', (raw, expected) => expect(normaliseSheetDate(raw)).toBe(expected));
});

describe("ECMA-376 §18.17.4.1: a date serial in the workbook's own date system (1900 or 1904)", () => {
  test.each([
    [40360, false, '2010-07-01'],
    [38898, true, '2010-07-01'], // what Excel for Mac (1904) stores for 2010-07-01
    [38898, false, '2006-06-30'], // the same serial read as 1900: 1,462 days early
    [40360, true, '2014-07-02'],
    [40360.75, false, '2010-07-01'], // 18:00 is still that day, in any time zone
    [40360.99999999999, false, '2010-07-02'], // float noise just under midnight is midnight
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    [60, false, undefined], // Excel's fictitious 1900-02-29
    [61, false, '1900-03-01'],
    [0, false, undefined],
    [0, true, '1904-01-01'],
    [-1, true, undefined],
    [2958465, false, '9999-12-31'],
    [2958466, false, undefined],
    [Number.NaN, false, undefined],
    [Number.POSITIVE_INFINITY, true, undefined],
  ])('%s (1904: %s) → %s', (serial, date1904, expected) => expect(excelSerialToIsoDate(serial, date1904)).toBe(expected));
});
