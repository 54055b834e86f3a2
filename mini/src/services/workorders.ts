import Taro from '@tarojs/taro';

import { logout } from './auth';
import { ApiError, request, type RequestOptions } from './request';
import { staffLoginAs, staffSession } from './staffAuth';
import type { Ticket, TicketEvent } from './tickets';

/**
 * Field staff of a property company (role company_staff) in the mini-program. They log in with the
 * console's username + password (POST /api/auth/login); the token goes where the request wrapper
 * reads it, the user where auth.ts keeps the resident, so the wrapper needs no change.
 */
export interface StaffUser {
  id: number;
  username: string;
  name: string;
  role: string;
  companyId: number | null;
}

export const FIELD_STAFF_ROLE = 'company_staff';

export const staffUser = () => staffSession<StaffUser>([FIELD_STAFF_ROLE]);

export const isStaffSession = (): boolean => staffUser() !== null;

export const staffLogin = (username: string, password: string) =>
  staffLoginAs<StaffUser>(username, password, [FIELD_STAFF_ROLE], { code: 'NOT_FIELD_STAFF', message: '仅物业服务企业工作人员可以使用此入口' });

/** Leaves the staff session; resident pages then log the resident in again as usual. */
export function staffLogout(): void {
  logout();
}

/**
 * Every staff call: refuse early without a staff session, and after the call make sure the wrapper
 * did not swap the expired staff token for a resident's (its 401 retry logs a resident in).
 */
async function staffRequest<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  if (!isStaffSession()) throw new ApiError('STAFF_LOGIN_REQUIRED', 401, '请先登录工作人员账号');
  let result: T;
  try {
    result = await request<T>(path, opts);
  } catch (e) {
    if (!isStaffSession()) logout();
    throw e;
  }
  if (!isStaffSession()) {
    logout();
    const e = new ApiError('STAFF_LOGIN_REQUIRED', 401, '登录已失效，请重新登录');
    Taro.showToast({ title: e.message, icon: 'none', duration: 2500 });
    throw e;
  }
  return result;
}

const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));

export type QueueTab = 'open' | 'done';

/** The queue: open repairs by the deadline that matters now (overdue first), or finished ones, newest first. */
export function listQueue(tab: QueueTab, search = ''): Promise<Ticket[]> {
  const filter: Record<string, unknown> = { kind: 'repair', open: tab === 'open' };
  if (search.trim()) filter.q = search.trim();
  const sort = tab === 'open' ? ['dueAt', 'ASC'] : ['id', 'DESC'];
  return staffRequest(`/tickets?filter=${q(filter)}&sort=${q(sort)}&range=${q([0, 49])}`);
}

export function getWorkorder(id: number): Promise<Ticket> {
  return staffRequest(`/tickets/${id}`);
}

export function listWorkorderEvents(ticketId: number): Promise<TicketEvent[]> {
  return staffRequest(`/ticket-events?filter=${q({ ticketId })}&sort=${q(['id', 'ASC'])}&range=${q([0, 99])}`, { loading: false });
}

const act = (id: number, action: string, data: unknown) => staffRequest<Ticket>(`/tickets/${id}/${action}`, { method: 'POST', data, loading: '提交中' });

export const acceptWorkorder = (id: number) => act(id, 'accept', {});
export const dispatchWorkorder = (id: number, workerName: string, workerPhone: string | null) => act(id, 'dispatch', { workerName, workerPhone });
export const startWorkorder = (id: number) => act(id, 'start', {});
export const resolveWorkorder = (id: number, result: string, photos: number[]) => act(id, 'resolve', { result, photos });

/** The resident's shared contact in full, to call them back: the server audits every such view. */
export const getWorkorderContact = (id: number) =>
  staffRequest<{ id: number; contactName: string | null; contactPhone: string | null }>(`/tickets/${id}/contact`, { loading: false });
