import { regionLevel } from '../places/regionCode';
import type { CrossAppointmentKind, PartyMemberRole, PartyOrgSetting, PartyOrgType } from './enums';

/**
 * The registry's consistency rules (action plan 四(一): organisations in companies, owners'
 * committees and compounds; members by employer or committee role; 双向进入、交叉任职), one place
 * for the console forms, the API and the Excel import. Each returns field → Chinese message.
 */
export type PartyProblems = Record<string, string>;

export interface PartyOrgShape {
  type: PartyOrgType;
  setting: PartyOrgSetting;
  companyId?: number | null;
  compoundId?: number | null;
  regionCode?: string | null;
  foundedOn?: string | null;
}

export function partyOrgProblems(o: PartyOrgShape, today: string): PartyProblems {
  const p: PartyProblems = {};
  if (o.type === 'industry_committee' && o.setting !== 'industry') p.setting = '行业党委的所在领域必须是“行业”';
  if (o.setting === 'industry' && o.type !== 'industry_committee') p.type = '行业领域只能设行业党委';
  if (o.setting === 'company' && o.type !== 'joint_branch' && !o.companyId) p.companyId = '物业企业党组织必须填写所在企业';
  if (o.setting === 'company' && o.type === 'joint_branch' && !o.companyId && !o.regionCode) p.regionCode = '联合党支部须填写牵头企业或所在地区';
  if ((o.setting === 'owners_committee' || o.setting === 'compound') && !o.compoundId) p.compoundId = '业委会或小区党组织必须填写所在小区';
  if (o.setting !== 'company' && o.companyId) p.companyId = '只有物业企业党组织填写所在企业';
  if (o.foundedOn && o.foundedOn > today) p.foundedOn = '成立日期不能晚于今天';
  return p;
}

export interface PartyMemberShape {
  role: PartyMemberRole;
  employerCompanyId?: number | null;
  compoundId?: number | null;
  regionCode?: string | null;
  joinedOn?: string | null;
}

export function partyMemberProblems(m: PartyMemberShape, today: string): PartyProblems {
  const p: PartyProblems = {};
  if ((m.role === 'company_staff' || m.role === 'project_manager') && !m.employerCompanyId)
    p.employerCompanyId = '企业员工和项目负责人必须填写工作单位（物业企业）';
  if (m.role === 'committee_member' && !m.compoundId) p.compoundId = '业委会成员必须填写所在小区';
  if (m.role === 'community_worker' && !(m.regionCode && regionLevel(m.regionCode) === 'community')) p.regionCode = '社区工作者必须填写12位社区代码';
  if (m.joinedOn && m.joinedOn > today) p.joinedOn = '入党日期不能晚于今天';
  return p;
}

/** What the registry knows of the person appointed, for the eligibility rule. */
export interface PartyAppointeeFacts {
  role: PartyMemberRole;
  /** The community (12 digits) of the compound the member serves or sits on the committee of. */
  compoundCommunity?: string | null;
  /** Community workers: their community. */
  regionCode?: string | null;
  /** Communities where the member's employer serves a compound (has a project). */
  employerCommunities: readonly string[];
}

/**
 * 双向进入、交叉任职 (action plan 四(一)): the person must belong to that community — through a
 * company serving a compound there, a committee or compound there, or the community's 两委 — and the
 * kind must fit the role. Returns the reason for a 400, or null.
 */
export function crossAppointmentProblem(
  person: PartyAppointeeFacts,
  a: { kind: CrossAppointmentKind; communityCode: string; compoundCommunity?: string | null },
): string | null {
  if (a.kind === 'community_party_part_time' && person.role !== 'committee_member' && person.role !== 'project_manager') {
    return '兼任社区党组织兼职委员的须是业委会成员或物业项目负责人中的党员';
  }
  if (a.kind === 'owners_committee_part_time' && person.role !== 'community_worker') {
    return '兼任业委会成员的须是社区“两委”成员（社区工作者）';
  }
  if (a.compoundCommunity !== undefined && a.compoundCommunity !== null && a.compoundCommunity !== a.communityCode) {
    return '所填小区不在该社区';
  }
  const inCommunity =
    person.employerCommunities.includes(a.communityCode) ||
    person.compoundCommunity === a.communityCode ||
    (person.role === 'community_worker' && person.regionCode === a.communityCode);
  if (!inCommunity) return '该党员既不在服务该社区的物业企业任职，也不是该社区的业委会成员、小区成员或社区工作者';
  return null;
}

const DAY_MS = 86_400_000;

/**
 * An Excel date serial (days, a fraction is the time of day and is dropped) as a calendar date
 * YYYY-MM-DD, in the workbook's date system: 1900 (serial 1 = 1900-01-01, with Excel's fictitious
 * 1900-02-29 at serial 60) or 1904 (serial 0 = 1904-01-01, Excel for Mac's old default; the same
 * serial is 1,462 days later than in 1900). Pure calendar arithmetic in UTC, so no time zone can
 * move a date a day. Answers undefined for serials that are no date (below the system's first
 * day, the fictitious 1900-02-29, past 9999-12-31, not finite). Source: ECMA-376 Part 1 §18.17.4.1.
 */
export function excelSerialToIsoDate(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial)) return undefined;
  // Round to the millisecond first, so 40360.99999999999 from float arithmetic stays 40361.
  const day = Math.floor(Math.round(serial * DAY_MS) / DAY_MS);
  let ms: number;
  if (date1904) {
    if (day < 0) return undefined;
    ms = Date.UTC(1904, 0, 1) + day * DAY_MS;
  } else {
    if (day < 1 || day === 60) return undefined;
    ms = (day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)) + day * DAY_MS;
  }
  const d = new Date(ms);
  if (d.getUTCFullYear() > 9999) return undefined;
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Accepts 2024-03-01, 2024/3/1, 2024.3.1 and 2024年3月1日; answers YYYY-MM-DD, or undefined when not a real date. */
export function normaliseSheetDate(raw: string): string | undefined {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(raw);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return undefined;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (d > days || y < 1900 || y > 2100) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
