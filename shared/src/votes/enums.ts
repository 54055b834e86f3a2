/** Matters owners decide together (Civil Code Art. 278; DOMAIN.md §1). */
export const VOTE_MATTERS = [
  'assembly_rules',
  'covenant',
  'committee_election',
  'hire_dismiss_company',
  'fund_use',
  'fund_raising',
  'rebuild',
  'common_use_change',
  'other',
] as const;
export type VoteMatter = (typeof VOTE_MATTERS)[number];

/** Matters 6–8 need ≥ 3/4 of the participating area and owners; the rest more than half. */
export const SPECIAL_MATTERS: readonly VoteMatter[] = ['fund_raising', 'rebuild', 'common_use_change'];

export const VOTE_MATTER_LABELS: Record<VoteMatter, string> = {
  assembly_rules: '制定和修改业主大会议事规则',
  covenant: '制定和修改管理规约',
  committee_election: '选举业主委员会或者更换业主委员会成员',
  hire_dismiss_company: '选聘和解聘物业服务企业',
  fund_use: '使用建筑物及其附属设施的维修资金',
  fund_raising: '筹集建筑物及其附属设施的维修资金',
  rebuild: '改建、重建建筑物及其附属设施',
  common_use_change: '改变共有部分的用途或者利用共有部分从事经营活动',
  other: '有关共有和共同管理权利的其他重大事项',
};

export const VOTE_KINDS = ['vote', 'consultation'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];
export const VOTE_KIND_LABELS: Record<VoteKind, string> = { vote: '表决', consultation: '征询' };

export const VOTE_SCOPES = ['compound', 'buildings', 'units'] as const;
export type VoteScope = (typeof VOTE_SCOPES)[number];
export const VOTE_SCOPE_LABELS: Record<VoteScope, string> = { compound: '全体业主', buildings: '部分楼栋', units: '部分单元' };

export const VOTE_STATUSES = ['draft', 'open', 'closed'] as const;
export type VoteStatus = (typeof VOTE_STATUSES)[number];
export const VOTE_STATUS_LABELS: Record<VoteStatus, string> = { draft: '草稿', open: '表决中', closed: '已截止' };

export const BALLOT_CHOICES = ['agree', 'disagree', 'abstain'] as const;
export type BallotChoice = (typeof BALLOT_CHOICES)[number];
export const BALLOT_CHOICE_LABELS: Record<BallotChoice, string> = { agree: '同意', disagree: '反对', abstain: '弃权' };

export const BALLOT_CHANNELS = ['online', 'paper', 'door'] as const;
export type BallotChannel = (typeof BALLOT_CHANNELS)[number];
export const BALLOT_CHANNEL_LABELS: Record<BallotChannel, string> = { online: '线上', paper: '纸质票', door: '入户' };
