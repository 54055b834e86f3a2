import { loadConfig } from './index';

describe('quasi-property subsidy scope (DOMAIN.md §4: only 昆都仑区, 青山区, 东河区, 九原区, 稀土高新区; a setting)', () => {
  test('QUASI_SUBSIDY_DISTRICTS defaults to the five districts by name', () => {
    expect(loadConfig({}).quasiSubsidy.districts).toEqual(['昆都仑区', '青山区', '东河区', '九原区', '稀土高新区']);
  });
  test('codes or names, trimmed; a list naming nothing is refused at start-up', () => {
    expect(loadConfig({ QUASI_SUBSIDY_DISTRICTS: ' 150203 , 青山区,' }).quasiSubsidy.districts).toEqual(['150203', '青山区']);
    expect(() => loadConfig({ QUASI_SUBSIDY_DISTRICTS: ' , ' })).toThrow(/QUASI_SUBSIDY_DISTRICTS/);
  });
});
