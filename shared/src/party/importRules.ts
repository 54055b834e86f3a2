import { regionLevel } from '../places/regionCode';
import {
  CROSS_APPOINTMENT_KIND_LABELS,
  PARTY_GENDER_LABELS,
  PARTY_MEMBER_ROLE_LABELS,
  PARTY_ORG_SETTING_LABELS,
  PARTY_ORG_TYPE_LABELS,
  type CrossAppointmentKind,
  type PartyGender,
  type PartyMemberRole,
  type PartyOrgSetting,
  type PartyOrgType,
} from './enums';
import { crossAppointmentProblem, normaliseSheetDate, partyMemberProblems, partyOrgProblems } from './rules';
import type { PartyImportKind } from './schemas';

/**
 * The Excel sheets party-building staff keep today, and the row-by-row checks of an import
 * (required fields, dates, unknown organisation / company / compound, duplicate member).
 * Pure: the server hands in what the registry already holds as plain maps.
 */
export interface PartyImportColumn {
  key: string;
  header: string;
  required: boolean;
  example: string;
  /**
   * Most characters (code points) a cell may hold: the database column's size where the cell is
   * stored (party_orgs.name varchar(100), secretary_name varchar(40), party_members.name
   * varchar(40)) or looked up (companies.name 100, compounds.code 20, regions.code 12).
   */
  maxLength: number;
}

export const PARTY_IMPORT_COLUMNS: Record<PartyImportKind, readonly PartyImportColumn[]> = {
  orgs: [
    { key: 'name', header: '组织名称', required: true, example: '包头市鹿城物业服务有限公司党支部', maxLength: 100 },
    { key: 'type', header: '组织类型', required: true, example: '党支部', maxLength: 20 },
    { key: 'setting', header: '所在领域', required: true, example: '物业企业', maxLength: 20 },
    { key: 'parent', header: '上级组织', required: false, example: '包头市物业行业党委', maxLength: 100 },
    { key: 'secretary', header: '书记姓名', required: false, example: '王伟', maxLength: 40 },
    { key: 'foundedOn', header: '成立日期', required: true, example: '2021-07-01', maxLength: 20 },
    { key: 'memberCount', header: '党员人数', required: true, example: '5', maxLength: 10 },
    { key: 'company', header: '所在企业', required: false, example: '包头市鹿城物业服务有限公司', maxLength: 100 },
    { key: 'compound', header: '小区编码', required: false, example: 'BT0001', maxLength: 20 },
    { key: 'region', header: '行政区划代码', required: false, example: '150203', maxLength: 12 },
    { key: 'staffCount', header: '企业职工人数', required: false, example: '120', maxLength: 10 },
  ],
  members: [
    { key: 'name', header: '姓名', required: true, example: '张伟', maxLength: 40 },
    { key: 'gender', header: '性别', required: true, example: '男', maxLength: 20 },
    { key: 'joinedOn', header: '入党日期', required: true, example: '2010-07-01', maxLength: 20 },
    { key: 'org', header: '所在党组织', required: true, example: '包头市鹿城物业服务有限公司党支部', maxLength: 100 },
    { key: 'role', header: '身份', required: true, example: '企业员工', maxLength: 20 },
    { key: 'company', header: '工作单位', required: false, example: '包头市鹿城物业服务有限公司', maxLength: 100 },
    { key: 'compound', header: '小区编码', required: false, example: 'BT0001', maxLength: 20 },
    { key: 'region', header: '社区代码', required: false, example: '', maxLength: 12 },
    { key: 'phone', header: '手机号', required: false, example: '13812345678', maxLength: 20 },
  ],
  cross_appointments: [
    { key: 'name', header: '党员姓名', required: true, example: '张伟', maxLength: 40 },
    { key: 'org', header: '所在党组织', required: true, example: '包头市鹿城物业服务有限公司党支部', maxLength: 100 },
    { key: 'kind', header: '任职类型', required: true, example: '兼任社区党组织兼职委员', maxLength: 20 },
    { key: 'community', header: '社区代码', required: true, example: '150203001001', maxLength: 12 },
    { key: 'compound', header: '小区编码', required: false, example: 'BT0001', maxLength: 20 },
    { key: 'startDate', header: '开始日期', required: true, example: '2024-01-01', maxLength: 20 },
    { key: 'endDate', header: '结束日期', required: false, example: '', maxLength: 20 },
  ],
};

export const PARTY_IMPORT_MAX_ROWS = 50_000;
export const PARTY_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** The parts of an upload that are read, once unzipped: 50,000 full rows take about a third of it; more is a zip bomb. */
export const PARTY_IMPORT_MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

/** Required headers missing from a sheet's first row. */
export function missingPartyColumns(kind: PartyImportKind, headers: readonly string[]): string[] {
  const present = new Set(headers.map((h) => h.trim()));
  return PARTY_IMPORT_COLUMNS[kind].filter((c) => c.required && !present.has(c.header)).map((c) => c.header);
}

export interface PartyImportLookups {
  today: string;
  /** Organisations already registered, by name. */
  orgs: Map<string, { id: number }>;
  companies: Map<string, { id: number; communities: readonly string[] }>;
  compounds: Map<string, { id: number; regionCode: string }>;
  /** Communities (12 digits) that exist. */
  communities: Set<string>;
  /** Duplicate keys of members already registered (see partyMemberKey). */
  memberKeys: Set<string>;
  /** Members already registered, by `name|org name`, for cross-appointments. */
  members: Map<
    string,
    { id: number; role: PartyMemberRole; compoundCommunity: string | null; regionCode: string | null; employerCommunities: readonly string[] }[]
  >;
  /** Keyed hash of a phone, so existing phones can be matched without decrypting them. */
  phoneKey(phone: string): string;
}

/** One member per person: by name and phone where a phone is given, else by name and organisation. */
export function partyMemberKey(name: string, phoneKey: string | null, orgRef: string | number): string {
  return phoneKey ? `${name}|p|${phoneKey}` : `${name}|o|${orgRef}`;
}

export interface PartyOrgImportValue {
  name: string;
  type: PartyOrgType;
  setting: PartyOrgSetting;
  parentName: string | null;
  parentId: number | null;
  secretaryName: string | null;
  foundedOn: string;
  memberCount: number;
  companyId: number | null;
  compoundId: number | null;
  regionCode: string | null;
  staffCount: number | null;
}
export interface PartyMemberImportValue {
  name: string;
  gender: PartyGender;
  joinedOn: string;
  orgName: string;
  orgId: number | null;
  role: PartyMemberRole;
  employerCompanyId: number | null;
  compoundId: number | null;
  regionCode: string | null;
  phone: string | null;
}
export interface CrossAppointmentImportValue {
  memberId: number;
  kind: CrossAppointmentKind;
  communityCode: string;
  compoundId: number | null;
  startDate: string;
  endDate: string | null;
}
export type PartyImportValue = PartyOrgImportValue | PartyMemberImportValue | CrossAppointmentImportValue;
export type PartyRowResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const byLabel = <T extends string>(labels: Record<T, string>) => {
  const m = new Map<string, T>();
  for (const [k, v] of Object.entries(labels) as [T, string][]) m.set(v, k);
  return (s: string) => m.get(s.trim());
};
const orgTypeOf = byLabel(PARTY_ORG_TYPE_LABELS);
const settingOf = byLabel(PARTY_ORG_SETTING_LABELS);
const roleOf = byLabel(PARTY_MEMBER_ROLE_LABELS);
const genderOf = byLabel(PARTY_GENDER_LABELS);
const kindOf = byLabel(CROSS_APPOINTMENT_KIND_LABELS);

const cell = (row: Record<string, string>, header: string) => (row[header] ?? '').trim();

/**
 * Characters a registry text may not hold: C0 controls (NUL, which PostgreSQL's text refuses, tab,
 * line breaks), DEL, C1 controls, and unpaired UTF-16 surrogates (stored as U+FFFD, not as typed).
 */
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * What is wrong with a cell's text as such, whatever the column means: too long for its column, or
 * holding characters no registry text may hold. Each rule here is also one the database applies,
 * so a row previewed as valid cannot fail at commit on its text.
 */
export function partyImportCellProblem(column: PartyImportColumn, value: string): string | null {
  if (FORBIDDEN_CHARS.test(value)) return `${column.header}含有不可见的控制字符（如换行、制表符或NUL），请删除后重新上传`;
  const length = [...value].length;
  if (length > column.maxLength) return `${column.header}过长（${length}个字符，最多${column.maxLength}个）`;
  return null;
}

/**
 * A validator for one sheet, fed rows in order (so the caller can report progress between
 * chunks). It remembers organisations named earlier in the sheet (a parent may come first) and
 * members seen (a duplicate within the sheet is an error as much as one already registered).
 */
export function createPartyRowValidator(kind: PartyImportKind, ctx: PartyImportLookups): (row: Record<string, string>) => PartyRowResult<PartyImportValue> {
  const cols = PARTY_IMPORT_COLUMNS[kind];
  const h = Object.fromEntries(cols.map((c) => [c.key, c.header])) as Record<string, string>;
  const sheetOrgs = new Set<string>();
  const sheetMembers = new Set<string>();

  /** Required cells, then each cell's text; false when a text is unusable (the row stops there, not echoing it). */
  const common = (row: Record<string, string>, errors: string[]) => {
    let usable = true;
    for (const c of cols) {
      const v = cell(row, c.header);
      if (c.required && !v) errors.push(`${c.header}不能为空`);
      const problem = v ? partyImportCellProblem(c, v) : null;
      if (problem) {
        errors.push(problem);
        usable = false;
      }
    }
    return usable;
  };
  const date = (row: Record<string, string>, key: string, errors: string[]) => {
    const raw = cell(row, h[key]);
    if (!raw) return null;
    const d = normaliseSheetDate(raw);
    if (!d) errors.push(`${h[key]}“${raw}”不是有效日期（例：2024-03-01）`);
    return d ?? null;
  };
  const compound = (row: Record<string, string>, errors: string[]) => {
    const code = cell(row, h.compound).toUpperCase();
    if (!code) return null;
    const c = ctx.compounds.get(code);
    if (!c) errors.push(`小区编码“${code}”不存在`);
    return c ?? null;
  };
  const company = (row: Record<string, string>, key: string, errors: string[]) => {
    const name = cell(row, h[key]);
    if (!name) return null;
    const c = ctx.companies.get(name);
    if (!c) errors.push(`物业企业“${name}”未登记`);
    return c ?? null;
  };
  const problems = (p: Record<string, string>, errors: string[]) => errors.push(...Object.values(p));

  if (kind === 'orgs') {
    return (row) => {
      const errors: string[] = [];
      if (!common(row, errors)) return { ok: false, errors };
      const name = cell(row, h.name);
      const type = cell(row, h.type) ? orgTypeOf(cell(row, h.type)) : undefined;
      if (cell(row, h.type) && !type) errors.push(`组织类型“${cell(row, h.type)}”无效，可填：${Object.values(PARTY_ORG_TYPE_LABELS).join('、')}`);
      const setting = cell(row, h.setting) ? settingOf(cell(row, h.setting)) : undefined;
      if (cell(row, h.setting) && !setting) errors.push(`所在领域“${cell(row, h.setting)}”无效，可填：${Object.values(PARTY_ORG_SETTING_LABELS).join('、')}`);
      if (name && (ctx.orgs.has(name) || sheetOrgs.has(name))) errors.push(`党组织“${name}”已存在（重复）`);
      const parentName = cell(row, h.parent) || null;
      if (parentName && !ctx.orgs.has(parentName) && !sheetOrgs.has(parentName)) errors.push(`上级组织“${parentName}”未登记（须已登记或在本表前面的行中）`);
      const foundedOn = date(row, 'foundedOn', errors);
      const countRaw = cell(row, h.memberCount);
      const memberCount = /^\d{1,6}$/.test(countRaw) ? Number(countRaw) : undefined;
      if (countRaw && memberCount === undefined) errors.push(`党员人数“${countRaw}”必须是非负整数`);
      const staffRaw = cell(row, h.staffCount);
      const staffCount = staffRaw ? (/^\d{1,7}$/.test(staffRaw) ? Number(staffRaw) : undefined) : null;
      if (staffCount === undefined) errors.push(`企业职工人数“${staffRaw}”必须是非负整数`);
      const co = company(row, 'company', errors);
      const cp = compound(row, errors);
      const region = cell(row, h.region) || null;
      if (region && !regionLevel(region)) errors.push(`行政区划代码“${region}”无效`);
      if (staffCount !== null && staffCount !== undefined && !cell(row, h.company)) errors.push('填写企业职工人数时须填写所在企业');
      if (type && setting) {
        problems(
          partyOrgProblems(
            {
              type,
              setting,
              companyId: co?.id ?? (cell(row, h.company) ? -1 : null),
              compoundId: cp?.id ?? (cell(row, h.compound) ? -1 : null),
              regionCode: region,
              foundedOn,
            },
            ctx.today,
          ),
          errors,
        );
      }
      if (errors.length) return { ok: false, errors: [...new Set(errors)] };
      sheetOrgs.add(name);
      return {
        ok: true,
        value: {
          name,
          type: type!,
          setting: setting!,
          parentName,
          parentId: parentName ? (ctx.orgs.get(parentName)?.id ?? null) : null,
          secretaryName: cell(row, h.secretary) || null,
          foundedOn: foundedOn!,
          memberCount: memberCount!,
          companyId: co?.id ?? null,
          compoundId: cp?.id ?? null,
          regionCode: region,
          staffCount: staffCount ?? null,
        },
      };
    };
  }

  if (kind === 'members') {
    return (row) => {
      const errors: string[] = [];
      if (!common(row, errors)) return { ok: false, errors };
      const name = cell(row, h.name);
      const gender = cell(row, h.gender) ? genderOf(cell(row, h.gender)) : undefined;
      if (cell(row, h.gender) && !gender) errors.push(`性别“${cell(row, h.gender)}”无效，可填：男、女`);
      const role = cell(row, h.role) ? roleOf(cell(row, h.role)) : undefined;
      if (cell(row, h.role) && !role) errors.push(`身份“${cell(row, h.role)}”无效，可填：${Object.values(PARTY_MEMBER_ROLE_LABELS).join('、')}`);
      const joinedOn = date(row, 'joinedOn', errors);
      const orgName = cell(row, h.org);
      const org = orgName ? ctx.orgs.get(orgName) : undefined;
      if (orgName && !org) errors.push(`党组织“${orgName}”未登记`);
      const co = company(row, 'company', errors);
      const cp = compound(row, errors);
      const region = cell(row, h.region) || null;
      if (region && !ctx.communities.has(region)) errors.push(`社区代码“${region}”不存在`);
      const phone = cell(row, h.phone).replace(/[\s-]/g, '') || null;
      if (phone && !/^1[3-9]\d{9}$/.test(phone)) errors.push(`手机号“${phone}”必须是11位手机号`);
      if (role) {
        problems(
          partyMemberProblems(
            {
              role,
              employerCompanyId: co?.id ?? (cell(row, h.company) ? -1 : null),
              compoundId: cp?.id ?? (cell(row, h.compound) ? -1 : null),
              regionCode: region,
              joinedOn,
            },
            ctx.today,
          ),
          errors,
        );
      }
      if (name && org && (!phone || /^1[3-9]\d{9}$/.test(phone))) {
        const key = partyMemberKey(name, phone ? ctx.phoneKey(phone) : null, org.id);
        if (ctx.memberKeys.has(key)) errors.push(`党员“${name}”已登记（同名${phone ? '同手机号' : '同组织'}）`);
        else if (sheetMembers.has(key)) errors.push(`党员“${name}”在本表中重复`);
        else if (!errors.length) sheetMembers.add(key);
      }
      if (errors.length) return { ok: false, errors: [...new Set(errors)] };
      return {
        ok: true,
        value: {
          name,
          gender: gender!,
          joinedOn: joinedOn!,
          orgName,
          orgId: org!.id,
          role: role!,
          employerCompanyId: co?.id ?? null,
          compoundId: cp?.id ?? null,
          regionCode: region,
          phone,
        },
      };
    };
  }

  return (row) => {
    const errors: string[] = [];
    if (!common(row, errors)) return { ok: false, errors };
    const name = cell(row, h.name);
    const orgName = cell(row, h.org);
    const kindRaw = cell(row, h.kind);
    const kind = kindRaw ? kindOf(kindRaw) : undefined;
    if (kindRaw && !kind) errors.push(`任职类型“${kindRaw}”无效，可填：${Object.values(CROSS_APPOINTMENT_KIND_LABELS).join('、')}`);
    const community = cell(row, h.community);
    if (community && !ctx.communities.has(community)) errors.push(`社区代码“${community}”不存在`);
    const cp = compound(row, errors);
    const startDate = date(row, 'startDate', errors);
    const endDate = date(row, 'endDate', errors);
    if (startDate && endDate && endDate < startDate) errors.push('结束日期不能早于开始日期');
    if (kind === 'owners_committee_part_time' && !cell(row, h.compound)) errors.push('兼任业委会成员须填写业委会所在小区编码');
    let memberId: number | undefined;
    if (name && orgName) {
      const found = ctx.members.get(`${name}|${orgName}`) ?? [];
      if (found.length === 0) errors.push(`党员“${name}”（${orgName}）未登记`);
      else if (found.length > 1) errors.push(`党员“${name}”在“${orgName}”中有同名多人，请在系统中逐条登记`);
      else if (kind && community && ctx.communities.has(community)) {
        const reason = crossAppointmentProblem(found[0], { kind, communityCode: community, compoundCommunity: cp?.regionCode ?? null });
        if (reason) errors.push(reason);
        memberId = found[0].id;
      }
    }
    if (errors.length) return { ok: false, errors: [...new Set(errors)] };
    return { ok: true, value: { memberId: memberId!, kind: kind!, communityCode: community, compoundId: cp?.id ?? null, startDate: startDate!, endDate } };
  };
}
