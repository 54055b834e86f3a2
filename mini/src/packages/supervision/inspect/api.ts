import type { ItemResult } from '@baotou/shared';

import { logout } from '../../../services/auth';
import { request } from '../../../services/request';
import { staffLoginAs, staffSession } from '../../../services/staffAuth';

/**
 * Inspectors (community, street, district staff) and company staff record inspections and patrols
 * on a phone (issue 10; docs/API.md "Supervision: inspections"). They sign in with their console
 * account; token and user are kept where the request wrapper and auth.ts keep them.
 */
export const INSPECT_ROLES = ['community_staff', 'street_staff', 'district_staff', 'city_admin', 'company_staff'];

export interface InspectStaff {
  id: number;
  username: string;
  name: string;
  role: string;
}

export interface ChecklistItem {
  id: number;
  code: string;
  category: string;
  text: string;
  onSpot: boolean;
  fireLane: boolean;
}

export interface ProjectOption {
  id: number;
  compoundName: string;
  companyName: string;
}

export interface InspectionSummary {
  id: number;
  kind: 'inspection' | 'patrol';
  compoundName: string;
  inspectedAt: string;
  failedCount: number;
  openHazards: number;
}

export interface ResultInput {
  itemId: number;
  result: ItemResult;
  photos: string[];
  note: string | null;
  correctedOnSpot: boolean;
  rectificationPhotos: string[];
}

export const inspectStaff = () => staffSession<InspectStaff>(INSPECT_ROLES);

export const inspectLogin = (username: string, password: string) =>
  staffLoginAs<InspectStaff>(username, password, INSPECT_ROLES, { code: 'NOT_INSPECTOR', message: '仅检查人员和物业企业工作人员可以使用此入口' });

export const inspectLogout = () => logout();

const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));

export const listChecklist = () =>
  request<ChecklistItem[]>(`/inspection-checklist-items?filter=${q({ active: true })}&sort=${q(['sortOrder', 'ASC'])}&range=${q([0, 199])}`);
export const listProjects = (search: string) =>
  request<ProjectOption[]>(`/projects?filter=${q(search ? { q: search } : {})}&range=${q([0, 49])}`, { loading: false });
export const listInspections = () => request<InspectionSummary[]>(`/inspections?sort=${q(['inspectedAt', 'DESC'])}&range=${q([0, 49])}`);
export const createInspection = (body: {
  projectId: number;
  kind: 'inspection' | 'patrol';
  lat: number | null;
  lng: number | null;
  note: string | null;
  results: ResultInput[];
}) => request<{ id: number; failedCount: number }>('/inspections', { method: 'POST', data: body, loading: '提交中' });
