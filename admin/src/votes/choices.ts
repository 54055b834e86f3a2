// Chinese labels for the vote enums, from @baotou/shared (DOMAIN.md §1).
import { BALLOT_CHANNEL_LABELS, BALLOT_CHOICE_LABELS, VOTE_KIND_LABELS, VOTE_MATTER_LABELS, VOTE_SCOPE_LABELS, VOTE_STATUS_LABELS } from '@baotou/shared';
import { toChoices } from '../committees/choices';

export const voteMatterLabels: Record<string, string> = VOTE_MATTER_LABELS;
export const voteKindLabels: Record<string, string> = VOTE_KIND_LABELS;
export const voteScopeLabels: Record<string, string> = VOTE_SCOPE_LABELS;
export const voteStatusLabels: Record<string, string> = VOTE_STATUS_LABELS;
export const ballotChoiceLabels: Record<string, string> = BALLOT_CHOICE_LABELS;
export const ballotChannelLabels: Record<string, string> = BALLOT_CHANNEL_LABELS;

export const voteMatterChoices = toChoices(voteMatterLabels);
export const voteKindChoices = toChoices(voteKindLabels);
export const voteScopeChoices = toChoices(voteScopeLabels);
export const voteStatusChoices = toChoices(voteStatusLabels);
