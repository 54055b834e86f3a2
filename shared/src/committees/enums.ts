export const COMMITTEE_KINDS = ['preparatory', 'owners_committee', 'management_committee'] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];
export const COMMITTEE_KIND_LABELS: Record<CommitteeKind, string> = {
  preparatory: '筹备组',
  owners_committee: '业主委员会',
  management_committee: '物业管理委员会',
};

export const COMMITTEE_STATUSES = ['preparing', 'in_office', 'ended'] as const;
export type CommitteeStatus = (typeof COMMITTEE_STATUSES)[number];
export const COMMITTEE_STATUS_LABELS: Record<CommitteeStatus, string> = { preparing: '筹备中', in_office: '在任', ended: '已届满/解散' };

export const MEMBER_ROLES = ['chair', 'vice_chair', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = { chair: '主任', vice_chair: '副主任', member: '委员' };

export const CROSS_APPOINTMENTS = ['none', 'party_committee', 'residents_committee', 'both'] as const;
export type CrossAppointment = (typeof CROSS_APPOINTMENTS)[number];
export const CROSS_APPOINTMENT_LABELS: Record<CrossAppointment, string> = {
  none: '无',
  party_committee: '兼任社区党组织委员',
  residents_committee: '兼任居委会委员',
  both: '兼任社区"两委"委员',
};

export const COMMITTEE_ALERTS = ['TERM_ENDING', 'NOT_FILED', 'NO_DISCLOSURE', 'BAD_SIZE'] as const;
export type CommitteeAlert = (typeof COMMITTEE_ALERTS)[number];
export const COMMITTEE_ALERT_LABELS: Record<CommitteeAlert, string> = {
  TERM_ENDING: '任期将满，需启动换届',
  NOT_FILED: '选举后30日内未备案',
  NO_DISCLOSURE: '上季度未公开账目',
  BAD_SIZE: '委员人数须为5–11人单数',
};
