import type { PublishedVoteResult } from '@baotou/shared/src/votes/publish';

import { request } from './request';

// Owners' votes (docs/API.md, issue 3). Areas are integers in centi-m², counts are heads.

export type BallotChoice = 'agree' | 'disagree' | 'abstain';
export type VoteStatus = 'draft' | 'open' | 'closed';

export interface Vote {
  id: number;
  compoundId: number;
  compoundName: string;
  committeeId: number | null;
  title: string;
  description: string | null;
  matter: string;
  kind: 'vote' | 'consultation';
  scopeType: 'compound' | 'buildings' | 'units';
  scopeIds: number[];
  opensAt: string | null;
  closesAt: string;
  status: VoteStatus;
  followMajority: boolean;
  eligibleCount: number;
  ballotCount: number;
  createdAt: string;
}

// What GET /votes/:id/result answers: one type with the server's and the console's.
export type { BuildingTally, PublishedVoteResult, WithheldBuildings, WithheldVoteResult } from '@baotou/shared/src/votes/publish';

export interface MyBallot {
  householdId: number;
  room: string;
  choice: BallotChoice;
  channel: string;
  receipt: string;
  at: string;
}

export interface Receipt {
  choice: BallotChoice;
  channel: string;
  at: string;
  current: boolean;
}

export interface NewVote {
  compoundId: number;
  title: string;
  description?: string | null;
  matter: string;
  kind: 'vote' | 'consultation';
  scopeType: 'compound' | 'buildings' | 'units';
  scopeIds: number[];
  closesAt: string;
}

/** A ra-data-simple-rest list query string. */
export function listQuery(filter: Record<string, unknown>, sort: [string, 'ASC' | 'DESC'], perPage = 50): string {
  const qs = [
    `filter=${encodeURIComponent(JSON.stringify(filter))}`,
    `sort=${encodeURIComponent(JSON.stringify(sort))}`,
    `range=${encodeURIComponent(JSON.stringify([0, perPage - 1]))}`,
  ];
  return qs.join('&');
}

export function listVotes(compoundId: number, loading: string | false = '加载中'): Promise<Vote[]> {
  return request(`/votes?${listQuery({ compoundId }, ['createdAt', 'DESC'])}`, { loading });
}

export function getVote(id: number, quiet = false): Promise<Vote> {
  return request(`/votes/${id}`, quiet ? { loading: false, toast: false } : {});
}

/** The live tally; polled quietly. */
export function getVoteResult(id: number, quiet = false): Promise<PublishedVoteResult> {
  return request(`/votes/${id}/result`, quiet ? { loading: false, toast: false } : {});
}

export function castBallot(id: number, householdId: number, choice: BallotChoice): Promise<{ receipt: string }> {
  return request(`/votes/${id}/ballots`, { method: 'POST', data: { householdId, choice, channel: 'online' }, loading: '提交中' });
}

/**
 * Committee members enter a paper ballot (with the scan they uploaded) or a door-to-door one for a
 * home in the vote's scope; the receipt goes to the owner with their paper.
 */
/** `current: false, conflict: true` when the owner had voted themselves: the entry is kept, not counted. */
export function enterBallot(
  id: number,
  input: { householdId: number; choice: BallotChoice; channel: 'paper' | 'door'; scanUrl: string },
): Promise<{ receipt: string; current: boolean; conflict: boolean }> {
  return request(`/votes/${id}/ballots`, { method: 'POST', data: input, loading: '提交中' });
}

export function myBallots(id: number): Promise<MyBallot[]> {
  return request(`/votes/${id}/my-ballots`, { loading: false });
}

export function verifyReceipt(id: number, receipt: string): Promise<Receipt> {
  return request(`/votes/${id}/receipts/${encodeURIComponent(receipt)}`, { loading: '核验中', toast: false });
}

/** Committee members: create and open in one step. */
export function startVote(input: NewVote): Promise<Vote> {
  return request('/votes', { method: 'POST', data: { ...input, status: 'open' }, loading: '提交中' });
}

/** An entered ballot that met the owner's own (issue 9 §5): shown to the committee for review, never a choice. */
export interface BallotConflict {
  id: number;
  home: string;
  ownerVotedAt: string;
  enteredChannel: 'paper' | 'door';
  createdAt: string;
}

export function listBallotConflicts(voteId: number): Promise<BallotConflict[]> {
  return request(`/ballot-conflicts?filter=${encodeURIComponent(JSON.stringify({ voteId }))}&range=${encodeURIComponent('[0,199]')}`, { loading: false });
}

export function closeVote(id: number): Promise<unknown> {
  return request(`/votes/${id}/close`, { method: 'POST', loading: '提交中' });
}

export const VOTE_MATTER_LABEL: Record<string, string> = {
  assembly_rules: '制定和修改业主大会议事规则',
  covenant: '制定和修改管理规约',
  committee_election: '选举或更换业主委员会成员',
  hire_dismiss_company: '选聘和解聘物业服务企业',
  fund_use: '使用维修资金',
  fund_raising: '筹集维修资金',
  rebuild: '改建、重建建筑物及其附属设施',
  common_use_change: '改变共有部分用途或利用共有部分经营',
  other: '其他重大事项',
};

/** Civil Code Art. 278 matters 6–8: three quarters of the participants. */
export const SPECIAL_MATTERS = ['fund_raising', 'rebuild', 'common_use_change'];

export const VOTE_STATUS_LABEL: Record<VoteStatus, string> = { draft: '草稿', open: '表决中', closed: '已截止' };
export const VOTE_KIND_LABEL: Record<string, string> = { vote: '表决', consultation: '征询' };
export const CHOICE_LABEL: Record<BallotChoice, string> = { agree: '同意', disagree: '反对', abstain: '弃权' };
export const CHANNEL_LABEL: Record<string, string> = { online: '线上', paper: '纸质票', door: '入户' };

/** Centi-m² as "12,345.67". */
export function formatArea(centi: number | null | undefined): string {
  if (centi === null || centi === undefined) return '—';
  const whole = String(Math.floor(Math.abs(centi) / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${centi < 0 ? '-' : ''}${whole}.${String(Math.abs(centi) % 100).padStart(2, '0')}`;
}

/** num/den as a percentage with one decimal, rounded down (never shown above its true value). */
export function formatPercent(num: number, den: number): string {
  if (!den) return '—';
  const permille = Math.floor((num * 1000) / den);
  return `${Math.floor(permille / 10)}.${permille % 10}%`;
}

export type Threshold = 'two_thirds' | 'three_quarters' | 'more_than_half';
export const THRESHOLD_LABEL: Record<Threshold, string> = { two_thirds: '≥2/3', three_quarters: '≥3/4', more_than_half: '过半数' };

/** DOMAIN.md §1 with integers: "≥" includes the boundary, "过半数" is strictly more. */
export function meets(t: Threshold, num: number, den: number): boolean {
  if (den <= 0) return false;
  if (t === 'two_thirds') return 3 * num >= 2 * den;
  if (t === 'three_quarters') return 4 * num >= 3 * den;
  return 2 * num > den;
}
