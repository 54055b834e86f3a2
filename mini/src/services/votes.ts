import type { PublishedVoteResult } from '@baotou/shared/src/votes/publish';

import { request } from './request';

// Owners' votes (docs/API.md, issue 3). Areas are integers in centi-m², counts are heads.

import type { BallotChoice, VoteStatus } from '@baotou/shared/src/votes/enums';
export type { BallotChoice, VoteStatus };

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

// Labels and the figures' formatting: one copy, in shared (the console uses the same).
export {
  BALLOT_CHANNEL_LABELS,
  BALLOT_CHOICE_LABELS,
  SPECIAL_MATTERS,
  VOTE_KIND_LABELS,
  VOTE_MATTER_LABELS,
  VOTE_STATUS_LABELS,
} from '@baotou/shared/src/votes/enums';
export { formatArea, formatPercent, meets, THRESHOLD_LABELS, type Threshold } from '@baotou/shared/src/votes/ratio';
