import { addTrainingRates, certificateFlag, formatRate, meetsPercent, trainingRates, type RateStaff, type RateTraining } from './trainingRates';

const settings = { preJobGraceDays: 0, continuingHoursTenths: 240 };
const staff = (id: number, hiredOn: string, over: Partial<RateStaff> = {}): RateStaff => ({ id, hiredOn, leftOn: null, specialist: false, ...over });
const pre = (staffId: number, trainedOn: string): RateTraining => ({ staffId, kind: 'pre_job', trainedOn, hoursTenths: 80 });
const cont = (staffId: number, trainedOn: string, hoursTenths: number): RateTraining => ({ staffId, kind: 'continuing', trainedOn, hoursTenths });

describe('DOMAIN.md §13: pre-job training rate = hired in the year and trained by their start date (+N days) ÷ hired in the year', () => {
  test.each([
    ['trained on the start date', [pre(1, '2024-03-01')], settings, { trained: 1, hired: 1 }],
    ['trained a day late (N = 0)', [pre(1, '2024-03-02')], settings, { trained: 0, hired: 1 }],
    ['a day late is in time with N = 1', [pre(1, '2024-03-02')], { ...settings, preJobGraceDays: 1 }, { trained: 1, hired: 1 }],
    ['two days late with N = 1', [pre(1, '2024-03-03')], { ...settings, preJobGraceDays: 1 }, { trained: 0, hired: 1 }],
    ['a continuing course is not pre-job training', [cont(1, '2024-03-01', 80)], settings, { trained: 0, hired: 1 }],
    ['no training', [], settings, { trained: 0, hired: 1 }],
  ])('%s', (_name, trainings, s, expected) => {
    expect(trainingRates([staff(1, '2024-03-01')], trainings, 2024, s).preJob).toEqual(expected);
  });

  test('hired late in the year (31 December) counts in that year, not the next', () => {
    const s = [staff(1, '2024-12-31')];
    expect(trainingRates(s, [pre(1, '2024-12-31')], 2024, settings).preJob).toEqual({ trained: 1, hired: 1 });
    expect(trainingRates(s, [pre(1, '2024-12-31')], 2025, settings).preJob).toEqual({ trained: 0, hired: 0 });
  });

  test('the grace period may run into the next year', () => {
    expect(trainingRates([staff(1, '2024-12-31')], [pre(1, '2025-01-02')], 2024, { ...settings, preJobGraceDays: 5 }).preJob).toEqual({ trained: 1, hired: 1 });
  });

  test('someone hired and gone within the year still counts as hired in it', () => {
    expect(trainingRates([staff(1, '2024-02-01', { leftOn: '2024-05-01' })], [], 2024, settings).preJob).toEqual({ trained: 0, hired: 1 });
  });

  test('staff hired in an earlier year are not counted', () => {
    expect(trainingRates([staff(1, '2023-06-01')], [pre(1, '2023-06-01')], 2024, settings).preJob).toEqual({ trained: 0, hired: 0 });
  });
});

describe('DOMAIN.md §13: continuing-education rate = specialists with ≥ H hours in the year ÷ specialists on 31 December', () => {
  const spec = (over: Partial<RateStaff> = {}) => staff(1, '2020-01-01', { specialist: true, ...over });
  test.each([
    ['exactly H hours (24 h in two courses)', [cont(1, '2024-04-01', 120), cont(1, '2024-09-01', 120)], { qualified: 1, specialists: 1 }],
    ['0.1 h short of H', [cont(1, '2024-04-01', 239)], { qualified: 0, specialists: 1 }],
    ['hours of the year before do not count', [cont(1, '2023-12-31', 240)], { qualified: 0, specialists: 1 }],
    [
      'pre-job and contest hours do not count',
      [{ staffId: 1, kind: 'skills_contest', trainedOn: '2024-05-01', hoursTenths: 240 } as RateTraining, pre(1, '2024-06-01')],
      { qualified: 0, specialists: 1 },
    ],
  ])('%s', (_name, trainings, expected) => {
    expect(trainingRates([spec()], trainings, 2024, settings).continuing).toEqual(expected);
  });

  test('left before 31 December: not in the denominator, even with the hours', () => {
    expect(trainingRates([spec({ leftOn: '2024-12-30' })], [cont(1, '2024-03-01', 240)], 2024, settings).continuing).toEqual({ qualified: 0, specialists: 0 });
  });

  test('leaving on 31 December itself: still employed that day', () => {
    expect(trainingRates([spec({ leftOn: '2024-12-31' })], [cont(1, '2024-03-01', 240)], 2024, settings).continuing).toEqual({ qualified: 1, specialists: 1 });
  });

  test('hired late in the year is a specialist on 31 December', () => {
    expect(trainingRates([spec({ hiredOn: '2024-12-20' })], [], 2024, settings).continuing).toEqual({ qualified: 0, specialists: 1 });
  });

  test('non-specialist posts are not counted', () => {
    expect(trainingRates([staff(1, '2020-01-01')], [cont(1, '2024-03-01', 240)], 2024, settings).continuing).toEqual({ qualified: 0, specialists: 0 });
  });

  test('H is a setting', () => {
    expect(trainingRates([spec()], [cont(1, '2024-03-01', 120)], 2024, { ...settings, continuingHoursTenths: 120 }).continuing).toEqual({
      qualified: 1,
      specialists: 1,
    });
  });
});

describe('DOMAIN.md §13: roll up by head count, never an average of averages', () => {
  test('a company of 1 at 100% and one of 3 at 0% make 1/4, not 50%', () => {
    const a = trainingRates([staff(1, '2024-01-01')], [pre(1, '2024-01-01')], 2024, settings);
    const b = trainingRates([staff(2, '2024-01-01'), staff(3, '2024-01-01'), staff(4, '2024-01-01')], [], 2024, settings);
    const all = addTrainingRates(a, b);
    expect(all.preJob).toEqual({ trained: 1, hired: 4 });
    expect(formatRate(all.preJob.trained, all.preJob.hired)).toBe('25.00%');
  });
});

describe('rates against targets in integers', () => {
  test.each([
    [3, 5, 60, true],
    [2, 5, 60, false],
    [4, 5, 80, true],
    [0, 0, 0, false],
  ])('%i/%i meets %i%%: %s', (part, whole, target, ok) => expect(meetsPercent(part, whole, target)).toBe(ok));
  test('formatRate floors basis points', () => {
    expect(formatRate(1, 3)).toBe('33.33%');
    expect(formatRate(2, 3)).toBe('66.66%');
    expect(formatRate(0, 0)).toBe('—');
  });
});

describe('issue 12: certificates expiring within 60 days are flagged', () => {
  test.each([
    ['2024-03-31', 'expired'],
    ['2024-04-01', 'expiring'],
    ['2024-05-31', 'expiring'],
    ['2024-06-01', null],
    [null, null],
  ])('%s', (expiresOn, flag) => expect(certificateFlag(expiresOn, '2024-04-01', 60)).toBe(flag));
});

describe('refusals', () => {
  test('bad year or settings throw', () => {
    expect(() => trainingRates([], [], 1800, settings)).toThrow(RangeError);
    expect(() => trainingRates([], [], 2024, { preJobGraceDays: -1, continuingHoursTenths: 240 })).toThrow(RangeError);
    expect(() => trainingRates([], [], 2024, { preJobGraceDays: 0, continuingHoursTenths: 0 })).toThrow(RangeError);
  });
});
