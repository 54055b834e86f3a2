// What field staff may do and what their forms need: the API's own rules (@baotou/shared), not a copy.
import { schemaFieldErrors } from '@baotou/shared/src/http/errors';
import { MAX_TICKET_PHOTOS, ticketActionSchemas } from '@baotou/shared/src/tickets/schemas';
import { checkTransition, ticketActorKind } from '@baotou/shared/src/tickets/transitions';
import type { TicketKind, TicketLevel, TicketStatus } from '@baotou/shared/src/tickets/enums';

export const MAX_RESULT_PHOTOS = MAX_TICKET_PHOTOS;

/** The actions field staff take in the mini-program, in the order they usually come. */
export const STAFF_ACTIONS = ['accept', 'dispatch', 'start', 'resolve'] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

export interface WorkorderState {
  kind: string;
  level: string;
  status: string;
}

/** What company staff may do now: shared's checkTransition for a company_staff handler (DOMAIN.md §6). */
export function staffActions(t: WorkorderState): StaffAction[] {
  const state = { kind: t.kind as TicketKind, level: t.level as TicketLevel, status: t.status as TicketStatus, rejectedOnce: false, answer: null };
  const actor = ticketActorKind('company_staff', state.level, false);
  return STAFF_ACTIONS.filter((a) => checkTransition(a, state, actor).ok);
}

type Errors<K extends string> = Partial<Record<K, string>>;

/** The dispatch form by the API's dispatch schema (a blank phone is no phone). */
export function validateDispatch({ workerName, workerPhone }: { workerName: string; workerPhone: string }): Errors<'workerName' | 'workerPhone'> {
  return schemaFieldErrors(ticketActionSchemas.dispatch, { workerName, workerPhone: workerPhone.trim() || null });
}

/** The resolve form by the API's resolve schema (photos counted before they are uploaded). */
export function validateResolve({ result, photoCount }: { result: string; photoCount: number }): Errors<'result' | 'photos'> {
  return schemaFieldErrors(ticketActionSchemas.resolve, { result, photos: Array.from({ length: photoCount }, (_, i) => i + 1) });
}
