import { canMoveHazard, hazardDeadline, hazardReportTarget, isHazardOverdue } from './hazards';
import { inspectionResultProblems } from './inspections';

const S = { hazardGeneralHours: 168, hazardMajorHours: 24 };
const at = (s: string) => new Date(s);

describe('hazardDeadline (DOMAIN.md §10: 7 days, 24 h if major, on-the-spot items within the visit)', () => {
  test.each([
    ['general', false, '2026-11-01T02:00:00Z', '2026-11-08T02:00:00.000Z'],
    ['major', false, '2026-11-01T02:00:00Z', '2026-11-02T02:00:00.000Z'],
    ['general', true, '2026-11-01T02:00:00Z', '2026-11-01T02:00:00.000Z'],
    ['major', true, '2026-11-01T02:00:00Z', '2026-11-01T02:00:00.000Z'],
  ] as const)('%s, on the spot %s, found %s → %s', (severity, onSpot, found, due) => {
    expect(hazardDeadline({ foundAt: at(found), severity, onSpot }, S).toISOString()).toBe(due);
  });
  test('the hours are settings', () => {
    expect(hazardDeadline({ foundAt: at('2026-11-01T00:00:00Z'), severity: 'general', onSpot: false }, { ...S, hazardGeneralHours: 72 }).toISOString()).toBe(
      '2026-11-04T00:00:00.000Z',
    );
  });
  test('an unknown severity or a bad date throws', () => {
    expect(() => hazardDeadline({ foundAt: at('2026-11-01T00:00:00Z'), severity: 'minor' as never, onSpot: false }, S)).toThrow();
    expect(() => hazardDeadline({ foundAt: new Date('x'), severity: 'general', onSpot: false }, S)).toThrow();
  });
});

describe('isHazardOverdue (DOMAIN.md §10: overdue when the deadline passed before rectification)', () => {
  const due = at('2026-11-08T02:00:00Z');
  test.each([
    ['open, one ms before the deadline', 'open', null, '2026-11-08T01:59:59.999Z', false],
    ['open, at the deadline (lower bound still in time)', 'open', null, '2026-11-08T02:00:00.000Z', false],
    ['open, one ms after', 'open', null, '2026-11-08T02:00:00.001Z', true],
    ['rectified in time, checked later', 'rectified', '2026-11-07T00:00:00Z', '2026-11-20T00:00:00Z', false],
    ['rectified late', 'rectified', '2026-11-09T00:00:00Z', '2026-11-09T00:00:01Z', true],
    ['closed', 'closed', '2026-11-09T00:00:00Z', '2026-11-20T00:00:00Z', false],
  ] as const)('%s', (_, status, rectifiedAt, now, overdue) => {
    expect(isHazardOverdue({ status, deadlineAt: due, rectifiedAt: rectifiedAt ? at(rectifiedAt) : null }, at(now))).toBe(overdue);
  });
  test('an unknown status throws', () => {
    expect(() => isHazardOverdue({ status: 'reported' as never, deadlineAt: due, rectifiedAt: null }, due)).toThrow();
  });
});

describe('hazardReportTarget (DOMAIN.md §10: reported to the street or district)', () => {
  test.each([
    ['general', '150203001001', 'street', '150203001'],
    ['major', '150203001001', 'district', '150203'],
  ] as const)('%s in %s → %s %s', (severity, code, level, regionCode) => {
    expect(hazardReportTarget(severity, code)).toEqual({ level, regionCode });
  });
  test('a non-community code or unknown severity throws', () => {
    expect(() => hazardReportTarget('general', '150203')).toThrow();
    expect(() => hazardReportTarget('x' as never, '150203001001')).toThrow();
  });
});

describe('HAZARD_TRANSITIONS (research §3 rule 3: found → rectified → verified)', () => {
  test.each([
    ['open', 'rectified', true],
    ['open', 'closed', false],
    ['rectified', 'closed', true],
    ['rectified', 'open', true],
    ['closed', 'open', false],
  ] as const)('%s → %s: %s', (from, to, ok) => expect(canMoveHazard(from, to)).toBe(ok));
  test('unknown status throws', () => expect(() => canMoveHazard('done' as never, 'open')).toThrow());
});

describe('inspectionResultProblems (DOMAIN.md §10; 公安部令第61号 Art. 31: on-the-spot corrections)', () => {
  const items = new Map([
    [1, { onSpot: true, active: true }],
    [2, { onSpot: false, active: true }],
    [3, { onSpot: false, active: false }],
  ]);
  const r = (
    o: Partial<{ itemId: number; result: 'passed' | 'failed' | 'not_applicable'; photos: string[]; correctedOnSpot: boolean; rectificationPhotos: string[] }>,
  ) => ({
    itemId: 1,
    result: 'passed' as const,
    photos: [],
    note: null,
    correctedOnSpot: false,
    rectificationPhotos: [],
    ...o,
  });
  test('fine results give no problem', () => {
    const ok = [
      r({ itemId: 1, result: 'failed', photos: ['/api/uploads/2'], correctedOnSpot: true, rectificationPhotos: ['/api/uploads/3'] }),
      r({ itemId: 2, result: 'failed', photos: ['/api/uploads/1'] }),
    ];
    expect(inspectionResultProblems(ok, items)).toEqual({});
  });
  test.each([
    ['an unknown item', [r({ itemId: 9 })], 'results.0.itemId'],
    ['an inactive item', [r({ itemId: 3 })], 'results.0.itemId'],
    ['an item twice', [r({}), r({})], 'results.1.itemId'],
    ['a failed item without photo', [r({ result: 'failed' })], 'results.0.photos'],
    [
      'corrected on the spot without rectification photo',
      [r({ result: 'failed', photos: ['/api/uploads/1'], correctedOnSpot: true })],
      'results.0.rectificationPhotos',
    ],
    [
      'corrected on the spot for an item that is not an on-the-spot one',
      [r({ itemId: 2, result: 'failed', photos: ['/api/uploads/1'], correctedOnSpot: true, rectificationPhotos: ['/api/uploads/2'] })],
      'results.0.correctedOnSpot',
    ],
    ['a passed item "corrected"', [r({ correctedOnSpot: true, rectificationPhotos: ['/api/uploads/2'] })], 'results.0.correctedOnSpot'],
  ])('%s → a problem on %s', (_, results, field) => {
    expect(inspectionResultProblems(results, items)).toHaveProperty([field]);
  });
});
