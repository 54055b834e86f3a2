import { filingCreateSchema, filingMayMove, filingReviewSchema, filingStanding, isFilingGap } from './filings';

describe('filingStanding (issue 10 "Filings"; DOMAIN.md §5 filings complete / missing)', () => {
  test.each([
    [null, '2026-06-01', 30, 'missing'],
    ['2026-05-31', '2026-06-01', 30, 'expired'],
    ['2026-06-01', '2026-06-01', 0, 'valid'], // valid through its last day inclusive
    ['2026-06-01', '2026-06-01', 30, 'expiring'],
    ['2026-06-30', '2026-06-01', 30, 'expiring'], // 29 days left < 30
    ['2026-07-01', '2026-06-01', 30, 'valid'], // 30 days left: not yet warned
    ['2027-06-01', '2026-06-01', 30, 'valid'],
  ] as const)('valid until %s, today %s, warn %i days → %s', (until, today, warn, expected) => {
    expect(filingStanding(until, today, warn)).toBe(expected);
  });

  test('gaps are missing and expired only', () => {
    expect(['valid', 'expiring', 'expired', 'missing'].filter((s) => isFilingGap(s as never))).toEqual(['expired', 'missing']);
  });

  test('bad input throws', () => {
    expect(() => filingStanding('2026-13-45', '2026-06-01', 1)).toThrow();
    expect(() => filingStanding(null, 'tomorrow', 1)).toThrow();
    expect(() => filingStanding(null, '2026-06-01', -1)).toThrow();
  });
});

describe('filing workflow: submitted → filed | returned', () => {
  test.each([
    ['submitted', 'filed', true],
    ['submitted', 'returned', true],
    ['filed', 'returned', false],
    ['returned', 'filed', false],
    ['filed', 'submitted', false],
  ] as const)('%s → %s: %s', (from, to, ok) => expect(filingMayMove(from, to)).toBe(ok));
  test('a status outside the enum throws', () => expect(() => filingMayMove('draft' as never, 'filed')).toThrow());
});

describe('filing schemas: Chinese errors on the field', () => {
  const base = {
    projectId: 1,
    kind: 'contract',
    documentNo: 'HT-1',
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    documents: [{ name: '合同.pdf', url: '/api/uploads/1' }],
  };
  test('valid until before valid from is refused on validUntil', () => {
    const r = filingCreateSchema.safeParse({ ...base, validUntil: '2025-12-31' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ['validUntil'], message: '有效期止不能早于有效期起' });
  });
  test('a manager filing needs the manager name; documents are required', () => {
    expect(filingCreateSchema.safeParse({ ...base, kind: 'project_manager' }).error!.issues[0].path).toEqual(['managerName']);
    expect(filingCreateSchema.safeParse({ ...base, documents: [] }).error!.issues[0].message).toBe('请上传至少一份备案材料');
    expect(filingCreateSchema.safeParse({ ...base, kind: 'other' }).success).toBe(false);
  });
  test('a return needs a reason', () => {
    expect(filingReviewSchema.safeParse({ decision: 'returned' }).error!.issues[0].path).toEqual(['returnReason']);
    expect(filingReviewSchema.safeParse({ decision: 'filed', filingNo: 'BA-1' }).success).toBe(true);
  });
});
