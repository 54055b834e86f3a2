import Taro from '@tarojs/taro';
import type { InfrastructureItem, InfrastructureState, RenewalClassification } from '@baotou/shared';
import { RENEWAL_SURVEY_FIELDS } from '@baotou/shared/src/renewal/survey';

import { logout } from './auth';
import { ApiError, request, type RequestOptions } from './request';
import { staffLoginAs, staffSession } from './staffAuth';

/**
 * Community and street staff survey old compounds on a phone (issue 11; docs/API.md "Old compounds").
 * They sign in with their console account; the token and user go where the request wrapper and
 * auth.ts keep them. Drafts are versioned: a save carries the version it started from, and a copy
 * that could not be sent is kept on the phone to send again ("offline-tolerant").
 */
export const SURVEY_ROLES = ['community_staff', 'street_staff'];

export interface SurveyStaff {
  id: number;
  username: string;
  name: string;
  role: string;
  regionCode: string | null;
}

export interface Survey {
  id: number;
  compoundId: number;
  compoundName: string;
  status: 'draft' | 'submitted';
  version: number;
  buildingCount: number | null;
  stairwellCount: number | null;
  householdCount: number | null;
  floorAreaCenti: number | null;
  singleBuilding: boolean | null;
  neighbourCompoundIds: number[];
  enclosure: 'enclosed' | 'enclosable' | 'open' | null;
  hasGate: boolean | null;
  infrastructure: Partial<Record<InfrastructureItem, InfrastructureState>>;
  currentManagement: 'none' | 'work_unit' | 'community' | 'self' | null;
  hasCommittee: boolean | null;
  fundDeposited: boolean | null;
  renovation: 'none' | 'planned' | 'in_progress' | 'done' | null;
  willingHouseholds: number | null;
  proposedFeeFen: number | null;
  photos: { name: string; url: string }[];
  notes: string | null;
  surveyedOn: string | null;
  proposedClassification: RenewalClassification | null;
  classification: RenewalClassification | null;
  updatedAt: string;
}

export interface OldCompound {
  id: number;
  code: string;
  name: string;
  surveyId: number | null;
  status: string | null;
}

export const surveyStaff = () => staffSession<SurveyStaff>(SURVEY_ROLES);

export const surveyLogin = (username: string, password: string) =>
  staffLoginAs<SurveyStaff>(username, password, SURVEY_ROLES, { code: 'NOT_SURVEY_STAFF', message: '仅社区、街道工作人员可以填写摸底调查' });

export function surveyLogout(): void {
  logout();
}

async function staffRequest<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  if (!surveyStaff()) throw new ApiError('STAFF_LOGIN_REQUIRED', 401, '请先登录工作人员账号');
  try {
    return await request<T>(path, opts);
  } finally {
    // the wrapper's 401 retry signs a resident in: never leave that session behind a staff page
    if (!surveyStaff()) logout();
  }
}

const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));

export function listSurveys(): Promise<Survey[]> {
  return staffRequest(`/renewal-surveys?sort=${q(['updatedAt', 'DESC'])}&range=${q([0, 99])}`);
}

/** Old compounds in the officer's area, with their survey if any (to start one). */
export function listOldCompounds(): Promise<OldCompound[]> {
  return staffRequest('/renewal/map');
}

export function getSurvey(id: number): Promise<Survey> {
  return staffRequest(`/renewal-surveys/${id}`);
}

export function createSurvey(compoundId: number): Promise<Survey> {
  return staffRequest('/renewal-surveys', { method: 'POST', data: { compoundId }, loading: '创建中' });
}

/** The fields a save sends (the server's strict schema refuses the presented ones). */
const pick = (s: Partial<Survey>) => Object.fromEntries(RENEWAL_SURVEY_FIELDS.filter((f) => f in s).map((f) => [f, s[f] === undefined ? null : s[f]]));

export function saveSurvey(s: Survey): Promise<Survey> {
  return staffRequest(`/renewal-surveys/${s.id}`, { method: 'PUT', data: { ...pick(s), version: s.version }, loading: '保存中', toast: false });
}

export function submitSurvey(s: Survey): Promise<Survey> {
  return staffRequest(`/renewal-surveys/${s.id}/submit`, { method: 'POST', data: { version: s.version }, loading: '提交中', toast: false });
}

// A draft that could not be sent stays on the phone, keyed by survey, with the version it started from.
const pendingKey = (id: number) => `renewal-survey-pending-${id}`;
export function keepPending(s: Survey): void {
  Taro.setStorageSync(pendingKey(s.id), s);
}
export function pendingDraft(id: number): Survey | null {
  return (Taro.getStorageSync(pendingKey(id)) as Survey) || null;
}
export function clearPending(id: number): void {
  Taro.removeStorageSync(pendingKey(id));
}

export interface CompoundRenewal {
  id: number;
  name: string;
  managementMode: string;
  quasiCompany: { name: string; startDate: string } | null;
  renovation: { title: string; status: string; decision: { voteId: number; title: string; status: string; approved: boolean | null } | null } | null;
}

/** For residents: the compound's management, quasi-property company and renovation. */
export function getCompoundRenewal(compoundId: number): Promise<CompoundRenewal> {
  return request(`/renewal/compounds/${compoundId}`, { loading: false });
}
