import { INFRASTRUCTURE_ITEMS } from './enums';
import { RENEWAL_SURVEY_FIELDS, renewalSurveySchema, surveyMissing } from './survey';

describe('research §4 rule 1: the survey as saved (drafts may be partial)', () => {
  test('an empty draft is valid and normalised', () => {
    const s = renewalSurveySchema.parse({ compoundId: 3 });
    expect(s).toMatchObject({ compoundId: 3, householdCount: null, neighbourCompoundIds: [], infrastructure: {}, photos: [] });
    expect(Object.keys(surveyMissing(s))).toContain('infrastructure');
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['a negative household count', { householdCount: -1 }, 'householdCount'],
    ['a fractional household count', { householdCount: 1.5 }, 'householdCount'],
    ['a huge floor area', { floorAreaCenti: 1e12 }, 'floorAreaCenti'],
    ['a string for a count', { buildingCount: '3' }, 'buildingCount'],
    ['an infrastructure state outside the enum', { infrastructure: { roads: 'broken' } }, 'infrastructure'],
    ['an infrastructure item outside the enum', { infrastructure: { swimming_pool: 'good' } }, 'infrastructure'],
    ['more willing than households', { householdCount: 10, willingHouseholds: 11 }, 'willingHouseholds'],
    ['an absurd date', { surveyedOn: '2024-02-30' }, 'surveyedOn'],
    ['itself as a neighbour', { neighbourCompoundIds: [3] }, 'neighbourCompoundIds'],
    ['a photo not uploaded', { photos: [{ name: 'a', url: 'http://evil/x.jpg' }] }, 'photos'],
    ['an unknown field', { managementMode: 'quasi' }, ''],
  ])('refuses %s', (_name, over, path) => {
    const r = renewalSurveySchema.safeParse({ compoundId: 3, ...over });
    expect(r.success).toBe(false);
    if (path) expect(r.error!.issues.map((i) => i.path[0])).toContain(path);
  });

  test('a complete survey lacks nothing', () => {
    const s = renewalSurveySchema.parse({
      compoundId: 3,
      buildingCount: 1,
      stairwellCount: 3,
      householdCount: 36,
      floorAreaCenti: 324000,
      singleBuilding: true,
      neighbourCompoundIds: [4, 4],
      enclosure: 'enclosable',
      hasGate: false,
      infrastructure: Object.fromEntries(INFRASTRUCTURE_ITEMS.map((i) => [i, 'partial'])),
      currentManagement: 'none',
      hasCommittee: false,
      fundDeposited: false,
      renovation: 'planned',
      willingHouseholds: 20,
      proposedFeeFen: 35,
      surveyedOn: '2024-05-06',
    });
    expect(s.neighbourCompoundIds).toEqual([4]);
    expect(surveyMissing(s)).toEqual({});
  });
});

describe('issue 15 "One set of rules": the fields a save sends come from the schema', () => {
  test('a survey as the server presents it, picked through RENEWAL_SURVEY_FIELDS, passes the strict schema', () => {
    const presented = {
      id: 9,
      compoundId: 3,
      compoundName: '青山小区',
      status: 'draft',
      version: 2,
      householdCount: 36,
      notes: '门岗缺失',
      updatedAt: '2026-11-30T08:00:00Z',
    };
    const picked = Object.fromEntries(RENEWAL_SURVEY_FIELDS.filter((f) => f in presented).map((f) => [f, presented[f as keyof typeof presented]]));
    expect(picked).toEqual({ compoundId: 3, householdCount: 36, notes: '门岗缺失' });
    expect(renewalSurveySchema.safeParse(picked).success).toBe(true);
    expect(renewalSurveySchema.safeParse(presented).success).toBe(false);
  });

  test('every field the schema accepts is listed once', () => {
    expect(new Set(RENEWAL_SURVEY_FIELDS).size).toBe(RENEWAL_SURVEY_FIELDS.length);
    expect([...RENEWAL_SURVEY_FIELDS].sort()).toEqual(Object.keys(renewalSurveySchema.shape).sort());
  });
});
