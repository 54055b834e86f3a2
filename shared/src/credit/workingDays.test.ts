import { addWorkingDays, validUntilAfterYears } from './workingDays';
import { CREDIT_RULES, CREDIT_RULE_CATEGORY, CREDIT_RULE_LABELS, creditRule, pointsFitCategory } from './rules';
import { creditItemState } from './items';
import { creditItemCreateSchema } from './schemas';

describe('addWorkingDays — DOMAIN.md §5: published for comment 5 working days, answered within 20', () => {
  test.each([
    ['2026-11-27', 5, '2026-12-04'], // Friday → next Friday
    ['2026-11-30', 5, '2026-12-07'], // Monday → next Monday
    ['2026-11-28', 5, '2026-12-04'], // Saturday → Friday
    ['2026-11-29', 1, '2026-11-30'], // Sunday → Monday
    ['2026-11-30', 0, '2026-11-30'],
    ['2026-12-01', 20, '2026-12-29'],
  ])('%s + %d working days → %s', (from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
  });
  test.each([
    ['2026-02-30', 5],
    ['2026/11/30', 5],
    ['2026-11-30', -1],
    ['2026-11-30', 1.5],
    ['2026-11-30', 401],
  ])('%s + %p throws', (from, days) => {
    expect(() => addWorkingDays(from, days)).toThrow(RangeError);
  });
});

describe('validUntilAfterYears — DOMAIN.md §5: valid 1 year by default', () => {
  test.each([
    ['2026-03-01', 1, '2027-02-28'],
    ['2024-02-29', 1, '2025-02-28'],
    ['2026-01-01', 1, '2026-12-31'],
    ['2026-06-15', 3, '2029-06-14'],
  ])('%s + %d year(s) → last day %s', (from, years, expected) => {
    expect(validUntilAfterYears(from, years)).toBe(expected);
  });
  test.each([0, 11, 1.5])('%p years throws', (years) => expect(() => validUntilAfterYears('2026-01-01', years)).toThrow(RangeError));
});

describe('credit rules — DOMAIN.md §5 inputs', () => {
  test('every rule has a Chinese label and a category', () => {
    for (const r of CREDIT_RULES) {
      expect(CREDIT_RULE_LABELS[r]).toMatch(/[\u4e00-\u9fa5]/);
      expect(['base', 'good', 'bad']).toContain(CREDIT_RULE_CATEGORY[r]);
    }
  });
  test('a value outside the rules throws', () => {
    expect(creditRule('hazard_overdue')).toBe('hazard_overdue');
    expect(() => creditRule('hazard')).toThrow(RangeError);
    expect(() => creditRule(3)).toThrow(RangeError);
  });
  test.each([
    ['bad', -30, true],
    ['bad', 0, true],
    ['bad', 5, false],
    ['good', 50, true],
    ['good', -1, false],
    ['base', 300, true],
  ] as const)('%s with %d tenths fits: %p', (category, points, fits) => expect(pointsFitCategory(category, points)).toBe(fits));
  test('an unknown category or fractional points throw', () => {
    expect(() => pointsFitCategory('great' as never, 1)).toThrow(RangeError);
    expect(() => pointsFitCategory('good', 1.5)).toThrow(RangeError);
  });
});

describe('creditItemState — DOMAIN.md §5: 公示中 and 异议中 do not count; only items valid on the date', () => {
  const item = { status: 'published' as const, publicUntil: '2026-03-06', validFrom: '2026-03-01', validUntil: '2027-02-28' };
  test.each([
    [item, '2026-03-06', 'publicising'],
    [item, '2026-03-07', 'effective'],
    [item, '2027-02-28', 'effective'],
    [item, '2027-03-01', 'expired'],
    [{ ...item, validFrom: '2026-04-01' }, '2026-03-10', 'pending'],
    [{ ...item, status: 'objected' as const }, '2026-05-01', 'objected'],
    [{ ...item, status: 'withdrawn' as const }, '2026-05-01', 'withdrawn'],
  ])('%p on %s → %s', (it, asOf, state) => expect(creditItemState(it, asOf)).toBe(state));
  test('a status outside the enum throws', () => expect(() => creditItemState({ ...item, status: 'gone' as never }, '2026-05-01')).toThrow(RangeError));
});

describe('creditItemCreateSchema — a blank console form asks for what is missing (DOMAIN.md §5 items)', () => {
  test('no company and no type read "请选择…" on their fields, not "必须是编号/文字"', () => {
    const r = creditItemCreateSchema.safeParse({
      companyId: null,
      type: null,
      pointsTenths: -50,
      authority: '昆都仑区住房和城乡建设局',
      document: '昆建罚〔2026〕1号',
      evidence: [{ name: 'a.pdf', url: '/api/uploads/1' }],
      occurredOn: '2026-11-02',
    });
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField).toMatchObject({ companyId: '请选择企业', type: '请选择事项类型' });
  });
});
