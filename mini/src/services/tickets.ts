import { request } from './request';

export type TicketKind = 'repair' | 'complaint' | 'dispute';
export type TicketStatus = 'submitted' | 'accepted' | 'dispatched' | 'in_progress' | 'resolved' | 'confirmed' | 'closed';

export interface Ticket {
  id: number;
  compoundId: number;
  compoundName: string;
  householdId: number;
  householdLabel: string | null;
  kind: TicketKind;
  category: string;
  against: 'company' | 'committee' | null;
  description: string;
  photos: number[];
  preferredTime: string | null;
  level: 'company' | 'community' | 'street' | 'district';
  status: TicketStatus;
  companyName: string | null;
  acceptDepartment: string | null;
  acceptPersonName: string | null;
  acceptedAt: string | null;
  responseDueAt: string;
  resolveDueAt: string;
  dueAt: string;
  /** Which deadline timeLeftSeconds counts down to: 响应时限 (to accept) or 办结时限 (to resolve); null once resolved. */
  dueKind: 'response' | 'resolve' | null;
  channel: 'mini' | 'hotline' | 'visit';
  /** Masked unless the reader handles the case; the full phone only through the audited contact route. */
  contactName: string | null;
  contactPhone: string | null;
  result: string | null;
  resultPhotos: number[];
  workerName: string | null;
  workerPhone: string | null;
  rating: number | null;
  ratingTags: string[] | null;
  /** While 待评价: when the case is confirmed automatically if the resident says nothing (TICKET_AUTO_CONFIRM_DAYS). */
  autoConfirmAt: string | null;
  /** Confirmed by the system, not the resident (so no rating). */
  autoConfirmed: boolean;
  rejectedOnce: boolean;
  answer: string | null;
  timeLeftSeconds: number | null;
  overdue: boolean;
  createdAt: string;
}

export interface TicketEvent {
  id: number;
  action: string;
  toStatus: TicketStatus;
  fromLevel: string | null;
  toLevel: string;
  actorName: string;
  note: string | null;
  at: string;
}

export interface NewTicket {
  kind: TicketKind;
  category: string;
  against?: 'company' | 'committee' | null;
  householdId: number;
  description: string;
  photos: number[];
  preferredTime?: string | null;
  /** What the handler may see of the resident's contact (from their verified claim). */
  shareContact?: 'name_phone' | 'phone' | 'none';
}

const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));

export function fileTicket(input: NewTicket): Promise<Ticket> {
  return request('/tickets', { method: 'POST', data: input, loading: '提交中' });
}

export function listMyTickets(): Promise<Ticket[]> {
  return request(`/tickets?sort=${q(['id', 'DESC'])}&range=${q([0, 49])}`);
}

export function getTicket(id: number): Promise<Ticket> {
  return request(`/tickets/${id}`);
}

export function listTicketEvents(ticketId: number): Promise<TicketEvent[]> {
  return request(`/ticket-events?filter=${q({ ticketId })}&sort=${q(['id', 'ASC'])}&range=${q([0, 99])}`, { loading: false });
}

export function rateTicket(id: number, rating: number, tags: string[]): Promise<Ticket> {
  return request(`/tickets/${id}/confirm`, { method: 'POST', data: { rating, tags }, loading: '提交中' });
}

export function rejectTicket(id: number, reason: string): Promise<Ticket> {
  return request(`/tickets/${id}/reject`, { method: 'POST', data: { reason }, loading: '提交中' });
}
