import {
  assessIndicator,
  countAgainstTarget,
  formatActual,
  formatActualParts,
  formatGap,
  formatTarget,
  ratioAgainstTarget,
  sumActuals,
  type KpiIndicator,
} from './indicators';
import { kpiTargetSchema, targetRowsFromPlan } from './targets';

// DOMAIN.md §8 (targets as data), §13 (ratios from head counts / areas, roll-up by totals), action plan 三.
describe('ratioAgainstTarget (committee formation, coverage, training rates)', () => {
  it.each([
    // [numerator, denominator, target‰, value‰, met, gap‰, case]
    [80, 100, 800, 800, true, 0, 'formation at exactly 80% meets an 80% target'],
    [79, 100, 800, 790, false, 10, 'one compound short'],
    [4, 5, 800, 800, true, 0, '4 of 5 is exactly 80%'],
    [2, 3, 700, 666, false, 34, '66.67% is 3.33 points short of 70%, rounded up'],
    [915, 1000, 915, 915, true, 0, 'coverage at 91.5%'],
    [0, 7, 600, 0, false, 600, 'nothing formed'],
    [7, 7, 1000, 1000, true, 0, 'a 100% target met'],
  ])('%i ÷ %i against %i‰ → %i‰ met=%s gap=%i (%s)', (n, d, t, value, met, gap) => {
    expect(ratioAgainstTarget(n, d, t)).toEqual({ value, met, gap });
  });

  it('a district with no compounds has no rate, is neither met nor missed', () => {
    expect(ratioAgainstTarget(0, 0, 800)).toEqual({ value: null, met: null, gap: null });
  });

  it('works in integers where floor areas × 1000 pass 2^53', () => {
    const big = Number.MAX_SAFE_INTEGER + 1; // not a safe integer: refused
    expect(() => ratioAgainstTarget(1, big, 500)).toThrow(RangeError);
    const total = 9_000_000_000_000; // centi-m², × 1000 > 2^53
    expect(ratioAgainstTarget(total * 0.915, total, 915)).toEqual({ value: 915, met: true, gap: 0 });
    expect(ratioAgainstTarget(total * 0.915 - 1, total, 915).met).toBe(false);
  });

  it('without a target reports the value only', () => {
    expect(ratioAgainstTarget(1, 2, null)).toEqual({ value: 500, met: null, gap: null });
  });

  it.each([
    [-1, 2, 500],
    [1.5, 2, 500],
    [3, 2, 500],
    [1, 2, 1001],
    [1, 2, -1],
    [1, 2, 50.5],
  ])('refuses %p ÷ %p against %p', (n, d, t) => {
    expect(() => ratioAgainstTarget(n, d, t)).toThrow(RangeError);
  });
});

describe('countAgainstTarget (level 2 projects, excellent projects, AAA companies)', () => {
  it.each([
    [60, 60, true, 0],
    [59, 60, false, 1],
    [12, 10, true, 0],
    [0, 12, false, 12],
  ])('%i against %i → met=%s gap=%i', (count, target, met, gap) => {
    expect(countAgainstTarget(count, target)).toEqual({ value: count, met, gap });
  });
  it('refuses a negative or fractional count', () => {
    expect(() => countAgainstTarget(-1, 3)).toThrow(RangeError);
    expect(() => countAgainstTarget(1.5, 3)).toThrow(RangeError);
  });
});

describe('assessIndicator', () => {
  it('routes ratios and counts and refuses a mismatched shape or an unknown indicator', () => {
    expect(assessIndicator('committee_formation', { numerator: 8, denominator: 10 }, 800).met).toBe(true);
    expect(assessIndicator('aaa_companies', { count: 11 }, 12)).toEqual({ value: 11, met: false, gap: 1 });
    expect(() => assessIndicator('aaa_companies', { numerator: 1, denominator: 2 }, 12)).toThrow(RangeError);
    expect(() => assessIndicator('pre_job_training', { count: 1 }, 600)).toThrow(RangeError);
    expect(() => assessIndicator('bogus' as never, { count: 1 }, 1)).toThrow(RangeError);
  });
});

describe('sumActuals: a city figure is the ratio of totals, never an average of district ratios (DOMAIN.md §13)', () => {
  it('adds pairs', () => {
    // districts at 1/1 (100%) and 0/9 (0%): the city is 1/10 = 10%, not 50%
    const city = sumActuals(
      [
        { numerator: 1, denominator: 1 },
        { numerator: 0, denominator: 9 },
      ],
      'ratio',
    );
    expect(city).toEqual({ numerator: 1, denominator: 10 });
    expect(ratioAgainstTarget(1, 10, 500).value).toBe(100);
  });
  it('adds counts', () => {
    expect(sumActuals([{ count: 3 }, { count: 4 }], 'count')).toEqual({ count: 7 });
  });
});

describe('formatting for people', () => {
  it.each([
    [{ numerator: 4, denominator: 5 }, '80.0%'],
    [{ numerator: 2, denominator: 3 }, '66.6%'],
    [{ numerator: 0, denominator: 0 }, '—'],
    [{ count: 12 }, '12'],
  ])('%p → %s', (a, s) => expect(formatActual(a)).toBe(s));
  // DOMAIN.md §13: coverage is floor area; the dashboard once showed its centi-m² as "73407368 / 73407368"
  it.each([
    ['committee_formation', { numerator: 39, denominator: 58 }, '39 / 58 个小区'],
    ['management_coverage', { numerator: 73407368, denominator: 80000005 }, '734,073.68 / 800,000.05 ㎡'],
    ['pre_job_training', { numerator: 1200, denominator: 2300 }, '1,200 / 2,300 人'],
    ['aaa_companies', { count: 3 }, ''],
  ] as const)('%s parts %p → %s', (i, a, s) => expect(formatActualParts(i, a)).toBe(s));
  it('parts of an unknown indicator throw', () => expect(() => formatActualParts('nope' as KpiIndicator, { count: 1 })).toThrow(RangeError));
  it('targets and gaps', () => {
    expect(formatTarget('management_coverage', 915)).toBe('91.5%');
    expect(formatTarget('committee_formation', 800)).toBe('80%');
    expect(formatTarget('aaa_companies', 12)).toBe('12');
    expect(formatTarget('aaa_companies', null)).toBe('未设定');
    expect(formatGap('management_coverage', { value: 900, met: false, gap: 15 })).toBe('差1.5个百分点');
    expect(formatGap('aaa_companies', { value: 9, met: false, gap: 3 })).toBe('差3个');
    expect(formatGap('aaa_companies', { value: 12, met: true, gap: 0 })).toBe('已达标');
  });
});

describe('targets as data (DOMAIN.md §8)', () => {
  it('turns the plan’s 2024 targets (config/src/targets.ts) into per-mille and count rows', () => {
    expect(
      targetRowsFromPlan({
        committeeFormationPct: 80,
        managementCoveragePermille: 920,
        projectsAtLevel2OrAbove: 60,
        excellentProjects: 36,
        aaaCompanies: 12,
        preJobTrainingPct: 100,
        continuingEducationPct: 70,
      }),
    ).toEqual({
      committee_formation: 800,
      management_coverage: 920,
      projects_level_two: 60,
      excellent_projects: 36,
      aaa_companies: 12,
      pre_job_training: 1000,
      continuing_education: 700,
    });
  });
  it('validates a target the city adds, in Chinese on the field', () => {
    expect(kpiTargetSchema.parse({ year: 2025, indicator: 'aaa_companies', value: 14, document: '包府办发〔2025〕1号' }).value).toBe(14);
    const tooHigh = kpiTargetSchema.safeParse({ year: 2025, indicator: 'committee_formation', value: 1200, document: '包府办发〔2025〕1号' });
    expect(tooHigh.success).toBe(false);
    expect(tooHigh.error!.issues[0].path).toEqual(['value']);
    expect(kpiTargetSchema.safeParse({ year: 2025, indicator: 'nope', value: 1, document: '文件一' }).success).toBe(false);
    expect(kpiTargetSchema.safeParse({ year: 2025, indicator: 'aaa_companies', value: 1, document: '文\u0007件' }).success).toBe(false);
    expect(kpiTargetSchema.safeParse({ year: 1999, indicator: 'aaa_companies', value: 1, document: '文件一' }).success).toBe(false);
    expect(kpiTargetSchema.safeParse({ year: 2025, indicator: 'aaa_companies', value: 1.5, document: '文件一' }).success).toBe(false);
  });
});
