import type { Role } from '../auth/roles';
import { OPEN_STATUSES, TICKET_LEVELS, type TicketAction, type TicketKind, type TicketLevel, type TicketStatus } from './enums';

/**
 * Who acts on a ticket, as the state machine sees it: the resident who filed it, the staff
 * handling it at its current level, or the escalation scheduler. Jurisdiction (the region or the
 * company) is checked by the server on top of this.
 */
export type TicketActorKind = 'resident' | 'handler' | 'system';

/** Staff roles that handle a ticket at each level. */
export const LEVEL_HANDLER_ROLES: Record<TicketLevel, readonly Role[]> = {
  company: ['company_staff'],
  community: ['community_staff'],
  street: ['street_staff'],
  district: ['district_staff', 'city_admin'],
};

export interface TransitionRule {
  from: readonly TicketStatus[];
  /** The status after the action; 'same' keeps it (an answer is written alongside the work). */
  to: TicketStatus | 'same';
  by: readonly TicketActorKind[];
  /** Only for these kinds / levels (a repair is dispatched to a worker by its company). */
  kinds?: readonly TicketKind[];
  levels?: readonly TicketLevel[];
}

/**
 * The ticket state machine as data (DOMAIN.md §6; action plan 四(七), 四(十)2 一键报修、一键派工).
 * `reject` and `escalate` land on a status chosen by the escalation rule (escalation.ts).
 */
export const TICKET_TRANSITIONS: Record<TicketAction, TransitionRule> = {
  accept: { from: ['submitted'], to: 'accepted', by: ['handler'] },
  // One-click dispatch: straight from 待受理 (accepting on the way), or to another worker.
  dispatch: { from: ['submitted', 'accepted', 'dispatched', 'in_progress'], to: 'dispatched', by: ['handler'], kinds: ['repair'], levels: ['company'] },
  start: { from: ['accepted', 'dispatched'], to: 'in_progress', by: ['handler'] },
  resolve: { from: ['accepted', 'dispatched', 'in_progress'], to: 'resolved', by: ['handler'] },
  // The resident's last word (DOMAIN.md §6): a resolved case waits for them — confirm with a rating,
  // reject once, or the scheduler confirms it (no rating) after the set number of days.
  confirm: { from: ['resolved'], to: 'confirmed', by: ['resident', 'system'] },
  reject: { from: ['resolved'], to: 'submitted', by: ['resident'] },
  escalate: { from: OPEN_STATUSES, to: 'submitted', by: ['handler', 'system'] },
  answer: { from: ['accepted', 'dispatched', 'in_progress', 'resolved', 'confirmed'], to: 'same', by: ['handler'] },
  // Only after the resident's confirmation (or the automatic one) may a case close.
  close: { from: ['confirmed'], to: 'closed', by: ['handler'] },
};

export interface TicketState {
  status: TicketStatus;
  level: TicketLevel;
  kind: TicketKind;
  rejectedOnce: boolean;
  answer: string | null;
}

export type TransitionResult = { ok: true; to: TicketStatus } | { ok: false; status: 403 | 409; code: string; message: string };

const refuse = (status: 403 | 409, code: string, message: string): TransitionResult => ({ ok: false, status, code, message });

/** The kind of actor a user is for a ticket at its current level (undefined: no part in it). */
export function ticketActorKind(role: Role, level: TicketLevel, isFiler: boolean): TicketActorKind | undefined {
  if (role === 'resident') return isFiler ? 'resident' : undefined;
  return LEVEL_HANDLER_ROLES[level].includes(role) ? 'handler' : undefined;
}

/**
 * May `actor` take `action` on a ticket in `state`? Wrong actor → 403; right actor, wrong moment
 * → 409. Each refusal carries a code and a Chinese message.
 */
export function checkTransition(action: TicketAction, state: TicketState, actor: TicketActorKind | undefined): TransitionResult {
  const rule = TICKET_TRANSITIONS[action];
  if (!actor || !rule.by.includes(actor)) {
    return refuse(403, actor === undefined ? 'NOT_HANDLER' : 'ROLE_FORBIDDEN', actor === undefined ? '该工单当前不由您处理' : '当前角色不能执行此操作');
  }
  if (action === 'close' && state.status === 'resolved') return refuse(409, 'AWAITING_RESIDENT', '居民尚未确认办理结果，须等居民评价或到期自动确认后才能结案');
  if (!rule.from.includes(state.status)) return refuse(409, 'INVALID_TRANSITION', `工单当前状态不能执行“${action}”操作`);
  if (rule.kinds && !rule.kinds.includes(state.kind)) return refuse(409, 'INVALID_TRANSITION', '只有报修工单可以派工');
  if (rule.levels && !rule.levels.includes(state.level)) return refuse(409, 'INVALID_TRANSITION', '只有物业企业处理中的报修可以派工');
  if (action === 'reject' && state.rejectedOnce) return refuse(409, 'REJECT_USED', '每个工单只能退回一次');
  if (action === 'escalate' && state.level === TICKET_LEVELS[TICKET_LEVELS.length - 1]) return refuse(409, 'TOP_LEVEL', '已在旗县区处理，不能再升级');
  if (action === 'close' && !state.answer?.trim()) return refuse(409, 'ANSWER_REQUIRED', '须先书面答复，才能结案（件件有答复）');
  return { ok: true, to: rule.to === 'same' ? state.status : rule.to };
}

export function isOpenStatus(status: TicketStatus): boolean {
  return (OPEN_STATUSES as readonly TicketStatus[]).includes(status);
}
