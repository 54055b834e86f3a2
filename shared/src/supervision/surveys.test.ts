import { countsAsSatisfied, surveyCreateSchema, surveyResponseSchema } from './surveys';

describe('DOMAIN.md §9, research §2 rule 3: what counts as satisfied', () => {
  test.each<[string, boolean, boolean]>([
    ['satisfied', true, true],
    ['satisfied', false, true],
    ['basically_satisfied', true, true],
    ['basically_satisfied', false, false],
    ['dissatisfied', true, false],
  ])('%s (基本满意 counts: %s) → %s', (rating, basic, expected) => {
    expect(countsAsSatisfied(rating as never, basic)).toBe(expected);
  });
  test('a value outside the enum throws', () => {
    expect(() => countsAsSatisfied('great' as never, true)).toThrow(RangeError);
  });
});

describe('survey schemas', () => {
  const base = { title: '2026年度满意度测评', scope: 'project', projectId: 1, opensOn: '2026-11-01', closesOn: '2026-11-30' };
  test('a project survey needs its project; closing not before opening', () => {
    expect(surveyCreateSchema.safeParse(base).success).toBe(true);
    expect(surveyCreateSchema.safeParse({ ...base, projectId: null }).error?.issues[0].path).toEqual(['projectId']);
    expect(surveyCreateSchema.safeParse({ ...base, closesOn: '2026-10-31' }).error?.issues[0].path).toEqual(['closesOn']);
    expect(surveyCreateSchema.safeParse({ ...base, opensOn: '9999-01-01' }).success).toBe(false);
  });
  test('a response rates the overall question with one of three answers', () => {
    const ok = { surveyId: 1, householdId: 2, answers: { service: 'satisfied' }, overall: 'dissatisfied' };
    expect(surveyResponseSchema.safeParse(ok).success).toBe(true);
    expect(surveyResponseSchema.safeParse({ ...ok, overall: 'great' }).success).toBe(false);
    expect(surveyResponseSchema.safeParse({ ...ok, answers: { nope: 'satisfied' } }).success).toBe(false);
  });
});
