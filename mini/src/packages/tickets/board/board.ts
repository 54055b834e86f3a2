import { request } from '../../../services/request';

/** One complaint or dispute on a compound's public board (受理部门、受理人员、受理时限、受理结果). */
export interface BoardEntry {
  id: number;
  kind: 'complaint' | 'dispute';
  category: string;
  against: 'company' | 'committee' | null;
  level: string;
  status: string;
  acceptDepartment: string | null;
  /** Masked by the server (张*). */
  acceptPersonName: string | null;
  acceptedAt: string | null;
  /** The completion deadline once accepted, else null. */
  timeLimit: string | null;
  result: string | null;
  answer: string | null;
  createdAt: string;
}

export const BOARD_PAGE_SIZE = 20;

/** GET /api/mini/compounds/:id/ticket-board: newest first, 20 at a time, older ones with `before`. */
export function getTicketBoard(compoundId: number, before?: number): Promise<BoardEntry[]> {
  return request(`/mini/compounds/${compoundId}/ticket-board${before ? `?before=${before}` : ''}`, { toast: false });
}
