import { BLACKLIST_REASON_LABELS, BLACKLIST_STATE_LABELS, FILING_KIND_LABELS, FILING_STANDING_LABELS, FILING_STATUS_LABELS } from '@baotou/shared';

const toChoices = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const reasonChoices = toChoices(BLACKLIST_REASON_LABELS);
export const stateChoices = toChoices(BLACKLIST_STATE_LABELS);
export const filingKindChoices = toChoices(FILING_KIND_LABELS);
export const filingStatusChoices = toChoices(FILING_STATUS_LABELS);
export const standingChoices = toChoices(FILING_STANDING_LABELS);

/** Labels for the Excel exports. */
export const blacklistEnums = { reason: BLACKLIST_REASON_LABELS, state: BLACKLIST_STATE_LABELS };
export const filingEnums = {
  kind: FILING_KIND_LABELS,
  status: FILING_STATUS_LABELS,
  contractStanding: FILING_STANDING_LABELS,
  managerStanding: FILING_STANDING_LABELS,
};
