/** Enum tuples of the Red Property registry (action plan 四(一), 四(三)1), used by zod, Drizzle and the UIs. */

/** 物业行业党委 at the top; 党委 / 党总支 / 党支部 in companies; 联合党支部 across several small companies. */
export const PARTY_ORG_TYPES = ['industry_committee', 'committee', 'general_branch', 'branch', 'joint_branch'] as const;
export type PartyOrgType = (typeof PARTY_ORG_TYPES)[number];

/** Where an organisation sits. */
export const PARTY_ORG_SETTINGS = ['company', 'owners_committee', 'compound', 'industry'] as const;
export type PartyOrgSetting = (typeof PARTY_ORG_SETTINGS)[number];

/** A member's employer or committee role. */
export const PARTY_MEMBER_ROLES = ['company_staff', 'project_manager', 'committee_member', 'community_worker'] as const;
export type PartyMemberRole = (typeof PARTY_MEMBER_ROLES)[number];

export const PARTY_GENDERS = ['male', 'female'] as const;
export type PartyGender = (typeof PARTY_GENDERS)[number];

/**
 * 双向进入、交叉任职: an owners' committee member or a project manager serving part-time on the
 * community party organisation; or a member of the community's 两委 serving on an owners' committee.
 */
export const CROSS_APPOINTMENT_KINDS = ['community_party_part_time', 'owners_committee_part_time'] as const;
export type CrossAppointmentKind = (typeof CROSS_APPOINTMENT_KINDS)[number];

export const RED_PROJECT_RESULTS = ['pending', 'excellent', 'good', 'pass', 'fail'] as const;
export type RedProjectResult = (typeof RED_PROJECT_RESULTS)[number];

export const PARTY_ORG_TYPE_LABELS: Record<PartyOrgType, string> = {
  industry_committee: '行业党委',
  committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
  joint_branch: '联合党支部',
};
export const PARTY_ORG_SETTING_LABELS: Record<PartyOrgSetting, string> = {
  company: '物业企业',
  owners_committee: '业主委员会',
  compound: '小区',
  industry: '行业',
};
export const PARTY_MEMBER_ROLE_LABELS: Record<PartyMemberRole, string> = {
  company_staff: '企业员工',
  project_manager: '项目负责人',
  committee_member: '业委会成员',
  community_worker: '社区工作者',
};
export const PARTY_GENDER_LABELS: Record<PartyGender, string> = { male: '男', female: '女' };
export const CROSS_APPOINTMENT_KIND_LABELS: Record<CrossAppointmentKind, string> = {
  community_party_part_time: '兼任社区党组织兼职委员',
  owners_committee_part_time: '社区两委成员兼任业委会成员',
};
export const RED_PROJECT_RESULT_LABELS: Record<RedProjectResult, string> = {
  pending: '待评估',
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};
