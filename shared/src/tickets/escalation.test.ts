import { afterReject, initialLevel, isOverdue, nextLevel, secondsLeft, shouldEscalate } from './escalation';
import { currentDueAt, deadlinesFrom, timeLimitFor, type TimeLimitTable } from './timeLimits';

const level = (responseMinutes: number, completionMinutes: number) => ({ responseMinutes, completionMinutes });
const perLevel = { company: level(120, 1440), community: level(1440, 4320), street: level(1440, 10080), district: level(2880, 21600) };
/** A table like config's defaults (the values themselves are settings, in config/src/tickets.ts). */
const DEFAULT_TIME_LIMITS: TimeLimitTable = {
  byKind: { repair: perLevel, complaint: perLevel, dispute: perLevel },
  byCategory: { elevator: { company: level(30, 480) } },
};
import { averageHundredths, formatHundredths, formatPermille, ratePermille } from './stats';
import { categoryKind } from './enums';
import { ticketCreateSchema } from './schemas';

const t0 = new Date('2024-03-01T08:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('DOMAIN.md §6 levels: community → street → district', () => {
  test.each([
    ['company', 'community'],
    ['community', 'street'],
    ['street', 'district'],
    ['district', undefined],
  ] as const)('above %s is %s', (level, up) => expect(nextLevel(level)).toBe(up));

  test.each([
    ['repair', true, undefined, 'company'],
    ['repair', false, undefined, 'community'],
    ['complaint', true, undefined, 'community'],
    ['dispute', true, 'street', 'street'],
    ['dispute', true, 'district', 'district'],
    ['complaint', true, 'company', 'community'],
  ] as const)('a new %s (company %s, chosen %s) starts at %s', (kind, hasCompany, chosen, level) => {
    expect(initialLevel(kind, hasCompany, chosen)).toBe(level);
  });
});

describe('DOMAIN.md §6 a case that overruns its time limit moves up one level', () => {
  const due = at(60);
  test.each([
    ['submitted', 'community', 59, false],
    ['submitted', 'community', 60, false],
    ['submitted', 'community', 61, true],
    ['in_progress', 'street', 61, true],
    ['resolved', 'community', 61, false],
    ['closed', 'community', 61, false],
    // the district is the top: flagged overdue, not moved
    ['submitted', 'district', 61, false],
  ] as const)('%s at %s, %i min after filing → escalate %s', (status, level, minutes, expected) => {
    expect(shouldEscalate({ status, level, dueAt: due }, at(minutes))).toBe(expected);
  });

  test('overdue at the district is still flagged', () => {
    expect(isOverdue({ status: 'accepted', dueAt: due }, at(61))).toBe(true);
    expect(secondsLeft(due, at(61))).toBe(-60);
    expect(secondsLeft(due, at(0))).toBe(3600);
  });
});

describe('DOMAIN.md §6 a result the resident rejects moves up one level', () => {
  test.each([
    ['complaint', 'community', { level: 'street', status: 'submitted', escalated: true }],
    ['dispute', 'street', { level: 'district', status: 'submitted', escalated: true }],
    ['dispute', 'district', { level: 'district', status: 'submitted', escalated: false }],
    // a repair reopens with its company
    ['repair', 'company', { level: 'company', status: 'accepted', escalated: false }],
    ['repair', 'community', { level: 'community', status: 'submitted', escalated: false }],
  ] as const)('%s at %s → %j', (kind, level, expected) => expect(afterReject({ kind, level })).toEqual(expected));
});

describe('DOMAIN.md §6 time limits are settings', () => {
  test('defaults per kind and level, overridden per category', () => {
    expect(timeLimitFor(DEFAULT_TIME_LIMITS, 'repair', 'plumbing', 'company')).toEqual({ responseMinutes: 120, completionMinutes: 1440 });
    expect(timeLimitFor(DEFAULT_TIME_LIMITS, 'repair', 'elevator', 'company').responseMinutes).toBe(30);
    expect(timeLimitFor(DEFAULT_TIME_LIMITS, 'repair', 'elevator', 'community')).toEqual(DEFAULT_TIME_LIMITS.byKind.repair.community);
  });

  test('deadlines count from arrival at a level; the one that matters depends on status', () => {
    const d = deadlinesFrom(DEFAULT_TIME_LIMITS, 'repair', 'plumbing', 'company', t0);
    expect(d.responseDueAt).toEqual(at(120));
    expect(d.resolveDueAt).toEqual(at(1440));
    expect(currentDueAt('submitted', d)).toEqual(at(120));
    expect(currentDueAt('dispatched', d)).toEqual(at(1440));
  });
});

describe('statistics in integers (ARCHITECTURE.md: ratios with integers)', () => {
  test.each([
    [0, 0, null],
    [0, 5, 0],
    [1, 3, 333],
    [2, 3, 667],
    [1, 8, 125],
    [1, 2000, 1], // 0.5‰ rounds half up
    [7, 7, 1000],
  ])('%i of %i → %s‰', (n, d, p) => expect(ratePermille(n, d)).toBe(p));

  test('average rating in hundredths', () => {
    expect(averageHundredths(13, 3)).toBe(433);
    expect(averageHundredths(14, 3)).toBe(467);
    expect(averageHundredths(0, 0)).toBeNull();
    expect(formatHundredths(433)).toBe('4.33');
    expect(formatHundredths(500)).toBe('5.00');
    expect(formatPermille(915)).toBe('91.5%');
  });
});

describe('filing schema (Chinese messages)', () => {
  const base = { kind: 'repair', category: 'plumbing', householdId: 1, description: '厨房水管漏水严重' };
  test('a repair in a few fields', () => {
    expect(ticketCreateSchema.parse(base)).toMatchObject({ photos: [], preferredTime: null });
  });
  test.each([
    [{ category: 'neighbor' }, 'category', '类别与类型不符'],
    [{ kind: 'complaint', category: 'fees' }, 'against', '投诉须选择投诉对象（物业企业或业主委员会）'],
    [{ against: 'company' }, 'against', '只有投诉需要选择投诉对象'],
    [{ description: '漏水' }, 'description', '问题描述至少5个字'],
    [{ photos: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }, 'photos', '照片最多9张'],
    [{ photos: [1, 1] }, 'photos', '照片不能重复'],
  ])('%j → %s: %s', (over, path, message) => {
    const r = ticketCreateSchema.safeParse({ ...base, ...over });
    expect(r.success).toBe(false);
    expect(r.error!.issues.find((i) => i.path[0] === path)?.message).toBe(message);
  });
  test('every category belongs to one kind', () => {
    expect(categoryKind('elevator')).toBe('repair');
    expect(categoryKind('committee_conduct')).toBe('complaint');
    expect(categoryKind('nope')).toBeUndefined();
  });
});
