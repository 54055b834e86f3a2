/** Field-staff rules of the mini-program (packages/workorders/actions.ts, queue.ts), run in node. */
import { STAFF_ACTIONS, staffActions, validateDispatch, validateResolve } from '../../mini/src/packages/workorders/actions';
import { validateLogin } from '../../mini/src/components/staffLogin';
import { byTimeLeft, residentStepText, timeLeftText } from '../../mini/src/packages/workorders/queue';
import { ACTION_LABEL, CONTACT_SHARE_LABEL, DEADLINE_LABEL, STATUS_LABEL } from '../../mini/src/packages/tickets/labels';
import { DEADLINE_LABELS } from '../../shared/src/tickets/timeLimits';
import {
  TICKET_ACTION_LABELS,
  TICKET_CONTACT_SHARE_LABELS,
  TICKET_KINDS,
  TICKET_LEVELS,
  TICKET_STATUSES,
  TICKET_STATUS_LABELS,
} from '../../shared/src/tickets/enums';
import { checkTransition, ticketActorKind } from '../../shared/src/tickets/transitions';

const repair = (status: string, level = 'company') => ({ kind: 'repair', level, status });

describe('company staff see only the steps TICKET_TRANSITIONS allows them', () => {
  test.each([
    ['submitted', 'company', ['accept', 'dispatch']],
    ['accepted', 'company', ['dispatch', 'start', 'resolve']],
    ['dispatched', 'company', ['dispatch', 'start', 'resolve']],
    ['in_progress', 'company', ['dispatch', 'resolve']],
    ['resolved', 'company', []],
    ['confirmed', 'company', []],
    ['closed', 'company', []],
    // Moved up to the community: the company may still look, no longer act.
    ['submitted', 'community', []],
    ['accepted', 'community', []],
  ])('%s at %s → %j', (status, level, expected) => {
    expect(staffActions(repair(status, level))).toEqual(expected);
  });

  test('staffActions is shared checkTransition for a company handler, for every kind, level and status', () => {
    for (const kind of TICKET_KINDS) {
      for (const level of TICKET_LEVELS) {
        for (const status of TICKET_STATUSES) {
          const state = { kind, level, status, rejectedOnce: false, answer: null };
          const actor = ticketActorKind('company_staff', level, false);
          const allowed = STAFF_ACTIONS.filter((a) => checkTransition(a, state, actor).ok);
          expect([kind, level, status, staffActions(state)]).toEqual([kind, level, status, allowed]);
        }
      }
    }
  });
});

describe('DOMAIN.md §6: one lifecycle, read the same way by staff, residents and statistics', () => {
  test("the mini-program's status and step labels are shared's, word for word", () => {
    expect(STATUS_LABEL).toEqual(TICKET_STATUS_LABELS);
    expect(ACTION_LABEL).toEqual(TICKET_ACTION_LABELS);
    expect(CONTACT_SHARE_LABEL).toEqual(TICKET_CONTACT_SHARE_LABELS);
    expect(DEADLINE_LABEL).toEqual(DEADLINE_LABELS);
  });

  test('after the work, field staff see the case wait for the resident; no staff step moves it on', () => {
    const when = (iso: string) => iso.slice(0, 10);
    expect(residentStepText({ ...repair('resolved'), autoConfirmAt: '2026-03-08T02:00:00Z' }, when)).toBe('等待居民评价，2026-03-08前未评价将自动确认');
    expect(residentStepText(repair('confirmed'), when)).toBe('居民已确认，待结案');
    for (const status of ['submitted', 'accepted', 'dispatched', 'in_progress', 'closed']) expect(residentStepText(repair(status), when)).toBe('');
    // the state machine agrees: from 待评价 only the resident or the scheduler acts, and 结案 waits for 已确认
    const waiting = { kind: 'repair', level: 'company', status: 'resolved', rejectedOnce: false, answer: '已修好' } as const;
    expect(checkTransition('close', waiting, 'handler')).toMatchObject({ ok: false, code: 'AWAITING_RESIDENT' });
    expect(checkTransition('confirm', waiting, 'system')).toEqual({ ok: true, to: 'confirmed' });
    expect(checkTransition('close', { ...waiting, status: 'confirmed' }, 'handler')).toEqual({ ok: true, to: 'closed' });
  });
});

describe('forms: Chinese messages', () => {
  test.each([
    ['ok', { username: 'company', password: 'x' }, {}],
    ['both missing', { username: '  ', password: '' }, { username: '请输入用户名', password: '请输入密码' }],
  ])('login %s', (_l, input, expected) => expect(validateLogin(input)).toEqual(expected));

  test.each([
    ['name only', '张师傅', '', {}],
    ['name and mobile', '张师傅', '13700001111', {}],
    ['no name', ' ', '', { workerName: '维修人员不能为空' }],
    ['short phone', '张师傅', '1370000111', { workerPhone: '维修人员电话必须是11位手机号' }],
    ['not a mobile', '张师傅', '04725267086', { workerPhone: '维修人员电话必须是11位手机号' }],
    ['name too long', '张'.repeat(41), '', { workerName: '维修人员不能超过40个字' }],
  ])('dispatch: %s', (_l, workerName, workerPhone, expected) => expect(validateDispatch({ workerName, workerPhone })).toEqual(expected));

  test.each([
    ['ok', '已更换水管', 3, {}],
    ['no result', '  ', 0, { result: '处理结果不能为空' }],
    ['ten photos', '已更换水管', 10, { photos: '完工照片最多9张' }],
    ['result too long', '好'.repeat(1001), 0, { result: '处理结果不能超过1000个字' }],
  ])('resolve: %s', (_l, result, photoCount, expected) => expect(validateResolve({ result, photoCount })).toEqual(expected));
});

describe('queue: time left', () => {
  test.each([
    [null, ''],
    [45 * 60, '剩余 45 分钟'],
    [3 * 3600 + 5 * 60, '剩余 3 小时 5 分钟'],
    [2 * 86400 + 3 * 3600, '剩余 2 天 3 小时'],
    [-(3600 + 5 * 60), '已超时 1 小时 5 分钟'],
  ])('%s s → %s', (s, text) => expect(timeLeftText(s)).toBe(text));

  test('overdue first, then least time left, nothing due last', () => {
    const rows = [
      { id: 1, timeLeftSeconds: 3600 },
      { id: 2, timeLeftSeconds: null },
      { id: 3, timeLeftSeconds: -60 },
      { id: 4, timeLeftSeconds: 60 },
      { id: 5, timeLeftSeconds: 60 },
    ];
    expect([...rows].sort(byTimeLeft).map((r) => r.id)).toEqual([3, 4, 5, 1, 2]);
  });
});
