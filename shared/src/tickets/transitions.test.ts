import { OPEN_STATUSES, TICKET_ACTIONS, TICKET_STATUSES, type TicketAction, type TicketLevel, type TicketStatus } from './enums';
import { checkTransition, ticketActorKind, type TicketActorKind, type TicketState } from './transitions';

const state = (over: Partial<TicketState> = {}): TicketState => ({
  status: 'submitted',
  level: 'community',
  kind: 'complaint',
  rejectedOnce: false,
  answer: null,
  ...over,
});

describe('DOMAIN.md §6 ticket state machine: allowed transitions', () => {
  test.each<[TicketAction, TicketStatus, TicketActorKind, Partial<TicketState>, TicketStatus]>([
    ['accept', 'submitted', 'handler', {}, 'accepted'],
    // 一键派工 (action plan 四(十)2): straight from 待受理, accepting on the way
    ['dispatch', 'submitted', 'handler', { kind: 'repair', level: 'company' }, 'dispatched'],
    ['dispatch', 'accepted', 'handler', { kind: 'repair', level: 'company' }, 'dispatched'],
    ['dispatch', 'dispatched', 'handler', { kind: 'repair', level: 'company' }, 'dispatched'],
    ['start', 'dispatched', 'handler', { kind: 'repair', level: 'company' }, 'in_progress'],
    ['start', 'accepted', 'handler', {}, 'in_progress'],
    ['resolve', 'in_progress', 'handler', {}, 'resolved'],
    ['resolve', 'accepted', 'handler', {}, 'resolved'],
    ['confirm', 'resolved', 'resident', {}, 'confirmed'],
    // the automatic confirmation after the set days (DOMAIN.md §6)
    ['confirm', 'resolved', 'system', {}, 'confirmed'],
    ['reject', 'resolved', 'resident', {}, 'submitted'],
    ['escalate', 'submitted', 'handler', {}, 'submitted'],
    ['escalate', 'in_progress', 'system', { level: 'street' }, 'submitted'],
    ['answer', 'accepted', 'handler', {}, 'accepted'],
    ['answer', 'confirmed', 'handler', {}, 'confirmed'],
    ['close', 'confirmed', 'handler', { answer: '已协调物业公司整改' }, 'closed'],
    ['close', 'confirmed', 'handler', { answer: '已答复', kind: 'repair', level: 'company' }, 'closed'],
  ])('%s from %s by %s %j → %s', (action, status, actor, over, to) => {
    expect(checkTransition(action, state({ status, ...over }), actor)).toEqual({ ok: true, to });
  });
});

describe('DOMAIN.md §6 ticket state machine: refusals', () => {
  test.each<[TicketAction, TicketStatus, TicketActorKind | undefined, Partial<TicketState>, 403 | 409, string]>([
    ['accept', 'submitted', 'resident', {}, 403, 'ROLE_FORBIDDEN'],
    ['accept', 'submitted', undefined, {}, 403, 'NOT_HANDLER'],
    ['accept', 'accepted', 'handler', {}, 409, 'INVALID_TRANSITION'],
    ['confirm', 'resolved', 'handler', {}, 403, 'ROLE_FORBIDDEN'],
    ['confirm', 'in_progress', 'resident', {}, 409, 'INVALID_TRANSITION'],
    ['dispatch', 'accepted', 'handler', { kind: 'complaint' }, 409, 'INVALID_TRANSITION'],
    ['dispatch', 'accepted', 'handler', { kind: 'repair', level: 'community' }, 409, 'INVALID_TRANSITION'],
    ['dispatch', 'resolved', 'handler', { kind: 'repair', level: 'company' }, 409, 'INVALID_TRANSITION'],
    // a resident may reject a result once
    ['reject', 'resolved', 'resident', { rejectedOnce: true }, 409, 'REJECT_USED'],
    ['reject', 'closed', 'resident', {}, 409, 'INVALID_TRANSITION'],
    ['escalate', 'submitted', 'handler', { level: 'district' }, 409, 'TOP_LEVEL'],
    ['escalate', 'resolved', 'handler', {}, 409, 'INVALID_TRANSITION'],
    ['escalate', 'submitted', 'resident', {}, 403, 'ROLE_FORBIDDEN'],
    // 件件有答复: every case ends with a written answer
    ['close', 'confirmed', 'handler', { answer: null }, 409, 'ANSWER_REQUIRED'],
    ['close', 'confirmed', 'handler', { answer: '   ' }, 409, 'ANSWER_REQUIRED'],
    ['close', 'in_progress', 'handler', { answer: '已答复' }, 409, 'INVALID_TRANSITION'],
    ['answer', 'closed', 'handler', {}, 409, 'INVALID_TRANSITION'],
    ['answer', 'submitted', 'handler', {}, 409, 'INVALID_TRANSITION'],
    ['close', 'resolved', 'system', { answer: 'x' }, 403, 'ROLE_FORBIDDEN'],
    // DOMAIN.md §6 the resident's last word: staff cannot close a case still waiting for the resident
    // (issue 9: resolve → answer → close in 73 ms took away the rejection and the rating)
    ['close', 'resolved', 'handler', { answer: '已答复' }, 409, 'AWAITING_RESIDENT'],
    ['close', 'resolved', 'handler', { answer: '已答复', kind: 'repair', level: 'company' }, 409, 'AWAITING_RESIDENT'],
    ['confirm', 'confirmed', 'system', {}, 409, 'INVALID_TRANSITION'],
    ['confirm', 'closed', 'resident', {}, 409, 'INVALID_TRANSITION'],
    ['reject', 'confirmed', 'resident', {}, 409, 'INVALID_TRANSITION'],
    ['confirm', 'resolved', 'handler', {}, 403, 'ROLE_FORBIDDEN'],
  ])('%s from %s by %s %j → %i %s', (action, status, actor, over, code, name) => {
    expect(checkTransition(action, state({ status, ...over }), actor)).toMatchObject({ ok: false, status: code, code: name });
  });

  test('nothing leaves 已办结 (closed)', () => {
    for (const action of TICKET_ACTIONS) {
      for (const actor of ['resident', 'handler', 'system'] as const) {
        expect(checkTransition(action, state({ status: 'closed', answer: 'x' }), actor).ok).toBe(false);
      }
    }
  });

  test('DOMAIN.md §6: a case closes only from 已确认 (confirmed), whoever asks and whatever the answer', () => {
    for (const status of TICKET_STATUSES) {
      for (const actor of ['resident', 'handler', 'system'] as const) {
        const ok = checkTransition('close', state({ status, answer: '已答复' }), actor).ok;
        expect([status, actor, ok]).toEqual([status, actor, status === 'confirmed' && actor === 'handler']);
      }
    }
  });

  test('every open status can be escalated by the scheduler below the district', () => {
    for (const status of TICKET_STATUSES) {
      const ok = checkTransition('escalate', state({ status, level: 'street' }), 'system').ok;
      expect(ok).toBe((OPEN_STATUSES as readonly string[]).includes(status));
    }
  });
});

describe('DOMAIN.md §6 who handles a case at each level', () => {
  test.each<[string, TicketLevel, boolean, TicketActorKind | undefined]>([
    ['company_staff', 'company', false, 'handler'],
    ['company_staff', 'community', false, undefined],
    ['community_staff', 'community', false, 'handler'],
    ['community_staff', 'street', false, undefined],
    ['street_staff', 'street', false, 'handler'],
    ['district_staff', 'district', false, 'handler'],
    ['city_admin', 'district', false, 'handler'],
    ['party_staff', 'community', false, undefined],
    ['resident', 'community', true, 'resident'],
    ['resident', 'community', false, undefined],
  ])('%s at %s (filer %s) → %s', (role, level, filer, kind) => {
    expect(ticketActorKind(role as never, level, filer)).toBe(kind);
  });
});
