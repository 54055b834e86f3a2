import { loadConfig } from './index';

describe('vote settings (issue 9 §9: the per-building result bar is a setting)', () => {
  test('VOTE_BUILDING_RESULT_MIN_BALLOTS defaults to 5', () => {
    expect(loadConfig({}).votes.buildingResultMinBallots).toBe(5);
  });

  test('it can be set; zero, negative, fractional or non-numeric values are refused at start-up', () => {
    expect(loadConfig({ VOTE_BUILDING_RESULT_MIN_BALLOTS: '10' }).votes.buildingResultMinBallots).toBe(10);
    for (const bad of ['0', '-1', '2.5', 'five'])
      expect(() => loadConfig({ VOTE_BUILDING_RESULT_MIN_BALLOTS: bad })).toThrow(/VOTE_BUILDING_RESULT_MIN_BALLOTS/);
  });
});
