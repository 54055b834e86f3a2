import { INFRASTRUCTURE_ITEMS, type InfrastructureItem, type InfrastructureState } from './enums';
import { classifyOldCompound, type ClassificationSettings } from './classify';
import type { SurveyFacts } from './survey';

const settings: ClassificationSettings = { mergeBelowHouseholds: 60, quasiMaxPartialItems: 3, selfMinWillingPermille: 500 };
const allGood = Object.fromEntries(INFRASTRUCTURE_ITEMS.map((i) => [i, 'good'])) as Record<InfrastructureItem, InfrastructureState>;
const base: SurveyFacts = {
  householdCount: 200,
  singleBuilding: false,
  neighbourCompoundIds: [],
  enclosure: 'enclosed',
  infrastructure: allGood,
  currentManagement: 'none',
  hasCommittee: false,
  willingHouseholds: 0,
  renovation: 'none',
};
const withItems = (over: Partial<Record<InfrastructureItem, InfrastructureState>>) => ({ ...allGood, ...over });

describe('DOMAIN.md §4, research §4 rule 2: classifyOldCompound', () => {
  test.each<[string, Partial<SurveyFacts>, string]>([
    ['facilities complete and enclosed → quasi', {}, 'quasi'],
    ['complete and enclosable → quasi', { enclosure: 'enclosable' }, 'quasi'],
    ['complete but cannot be enclosed → committee', { enclosure: 'open' }, 'committee'],
    ['one item missing → not quasi', { infrastructure: withItems({ gas: 'missing' }) }, 'committee'],
    ['partial items at the threshold (3) → quasi', { infrastructure: withItems({ gas: 'partial', parking: 'partial', lighting: 'partial' }) }, 'quasi'],
    [
      'partial items over the threshold (4) → committee',
      { infrastructure: withItems({ gas: 'partial', parking: 'partial', lighting: 'partial', roads: 'partial' }) },
      'committee',
    ],
    ['single building with a neighbour → merge', { singleBuilding: true, neighbourCompoundIds: [7] }, 'merge'],
    [
      'single building with complete facilities and a neighbour → merge first',
      { singleBuilding: true, householdCount: 80, neighbourCompoundIds: [7] },
      'merge',
    ],
    ['single building without a neighbour → by facilities', { singleBuilding: true }, 'quasi'],
    ['59 households (below 60) with a neighbour → merge', { householdCount: 59, neighbourCompoundIds: [7] }, 'merge'],
    ['exactly 60 households with a neighbour → not merge', { householdCount: 60, neighbourCompoundIds: [7] }, 'quasi'],
    ['committee and half willing (100/200 = 500‰) → self', { enclosure: 'open', hasCommittee: true, willingHouseholds: 100 }, 'self'],
    ['committee and just under half willing (99/200) → committee', { enclosure: 'open', hasCommittee: true, willingHouseholds: 99 }, 'committee'],
    ['everyone willing but no committee → committee', { enclosure: 'open', willingHouseholds: 200 }, 'committee'],
    ['no households at all, committee → committee (no ratio)', { enclosure: 'open', hasCommittee: true, householdCount: 0 }, 'committee'],
  ])('%s', (_name, over, expected) => expect(classifyOldCompound({ ...base, ...over }, settings)).toBe(expected));

  test('thresholds are settings: merge below 300 households changes the answer', () => {
    expect(classifyOldCompound({ ...base, neighbourCompoundIds: [7] }, settings)).toBe('quasi');
    expect(classifyOldCompound({ ...base, neighbourCompoundIds: [7] }, { ...settings, mergeBelowHouseholds: 300 })).toBe('merge');
  });

  test.each<[string, Partial<SurveyFacts>]>([
    ['an item without a state', { infrastructure: { ...allGood, gas: undefined } }],
    ['an item state outside the enum', { infrastructure: { ...allGood, gas: 'broken' as never } }],
    ['an enclosure outside the enum', { enclosure: 'walled' as never }],
    ['more willing than households', { willingHouseholds: 201 }],
    ['fractional households', { householdCount: 1.5 }],
    ['negative households', { householdCount: -1 }],
  ])('throws on %s', (_name, over) => expect(() => classifyOldCompound({ ...base, ...over }, settings)).toThrow(RangeError));

  test.each<[string, Partial<ClassificationSettings>]>([
    ['a negative threshold', { mergeBelowHouseholds: -1 }],
    ['a fractional threshold', { quasiMaxPartialItems: 0.5 }],
    ['a share above 1000‰', { selfMinWillingPermille: 1001 }],
  ])('throws on settings with %s', (_name, over) => expect(() => classifyOldCompound(base, { ...settings, ...over })).toThrow(RangeError));
});
