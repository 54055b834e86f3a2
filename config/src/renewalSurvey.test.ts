import { loadConfig } from './index';

describe('renewal survey settings (DOMAIN.md §4, §13: thresholds and covered modes are settings)', () => {
  test('defaults', () => {
    expect(loadConfig({}).renewalSurvey).toEqual({
      classification: { mergeBelowHouseholds: 60, quasiMaxPartialItems: 3, selfMinWillingPermille: 500 },
      coveredModes: ['professional', 'quasi', 'community', 'self'],
    });
  });

  test('set from the environment; a mode outside the managed ones or a bad number is refused at start-up', () => {
    expect(loadConfig({ COVERAGE_MODES: 'professional, quasi' }).renewalSurvey.coveredModes).toEqual(['professional', 'quasi']);
    expect(loadConfig({ RENEWAL_MERGE_BELOW_HOUSEHOLDS: '100' }).renewalSurvey.classification.mergeBelowHouseholds).toBe(100);
    expect(() => loadConfig({ COVERAGE_MODES: 'none' })).toThrow(/COVERAGE_MODES/);
    expect(() => loadConfig({ RENEWAL_SELF_MIN_WILLING_PERMILLE: '1001' })).toThrow(/RENEWAL_SELF_MIN_WILLING_PERMILLE/);
    expect(() => loadConfig({ RENEWAL_QUASI_MAX_PARTIAL_ITEMS: '2.5' })).toThrow(/RENEWAL_QUASI_MAX_PARTIAL_ITEMS/);
  });
});
