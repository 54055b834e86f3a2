import { loadConfig } from './index';

describe('training-rate settings (DOMAIN.md §13: N days after the start date, H hours a year)', () => {
  test('defaults: trained by the start date, 24 hours', () => {
    expect(loadConfig({}).training).toEqual({ preJobGraceDays: 0, continuingHoursTenths: 240 });
  });
  test('they can be set; bad values are refused at start-up', () => {
    expect(loadConfig({ TRAINING_PRE_JOB_GRACE_DAYS: '7', TRAINING_CONTINUING_HOURS: '32.5' }).training).toEqual({
      preJobGraceDays: 7,
      continuingHoursTenths: 325,
    });
    for (const bad of ['-1', '1.5', 'x']) expect(() => loadConfig({ TRAINING_PRE_JOB_GRACE_DAYS: bad })).toThrow(/TRAINING_PRE_JOB_GRACE_DAYS/);
    for (const bad of ['0', '24.25', 'x']) expect(() => loadConfig({ TRAINING_CONTINUING_HOURS: bad })).toThrow(/TRAINING_CONTINUING_HOURS/);
  });
});
