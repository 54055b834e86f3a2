import { VOTE_STATUSES, type VoteStatus } from './enums';
import { percentText, type TallyResult } from './tally';

/** The figures of a tally (tallyVote's result, or the server's copy of it) that a standing is read from; the explanation is the verdict once the vote has closed. */
export type StandingFigures = Pick<
  TallyResult,
  'special' | 'totalArea' | 'totalOwners' | 'participatedArea' | 'participatedOwners' | 'agreeArea' | 'agreeOwners' | 'quorumMet' | 'approved' | 'explanation'
>;

export interface VoteStanding {
  /** Short label for a badge: 表决进行中 / 通过 / 未通过 / 尚未开始. */
  verdict: string;
  tone: 'open' | 'pass' | 'fail' | 'draft';
  /** One Chinese sentence a person reads beside the figures. */
  explanation: string;
}

/**
 * Where a vote stands, worded for both apps (DOMAIN.md §1; issue 16 §2). Only a closed vote has a
 * verdict — the tally's explanation. While a vote is open the figures are a snapshot: the wording says
 * how far participation and consent have reached ("目前参与…，尚未达到…") and never "未通过"/"通过".
 * Percentages come from integer ratios (percentText). Throws (Error, Chinese message) on a status
 * outside VOTE_STATUSES.
 */
export function voteStanding(status: VoteStatus, r: StandingFigures): VoteStanding {
  if (!(VOTE_STATUSES as readonly string[]).includes(status)) throw new Error(`表决状态 ${String(status)} 不在可选范围内`);
  if (status === 'draft') return { verdict: '尚未开始', tone: 'draft', explanation: '表决尚未开始，开始后在此显示实时统计。' };
  if (status === 'closed') return { verdict: r.approved ? '通过' : '未通过', tone: r.approved ? 'pass' : 'fail', explanation: r.explanation };

  const participation = `目前参与表决的专有部分面积占比 ${percentText(r.participatedArea, r.totalArea)}、人数占比 ${percentText(r.participatedOwners, r.totalOwners)}`;
  const pending = '表决进行中，以截止时的统计为准。';
  if (!r.quorumMet) return { verdict: '表决进行中', tone: 'open', explanation: `${participation}，尚未达到2/3的法定参与要求；${pending}` };
  const threshold = r.special ? '不少于3/4' : '过半数';
  const consent = `同意的面积占参与面积 ${percentText(r.agreeArea, r.participatedArea)}、人数占参与人数 ${percentText(r.agreeOwners, r.participatedOwners)}`;
  return {
    verdict: '表决进行中',
    tone: 'open',
    explanation: `${participation}，已达到2/3的法定参与要求；${consent}，${r.approved ? `目前已达到${threshold}` : `尚未达到${threshold}`}；${pending}`,
  };
}
