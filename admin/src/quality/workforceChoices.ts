import { STAFF_IMPORT_KIND_LABELS, STAFF_POST_LABELS, TRAINING_KIND_LABELS } from '@baotou/shared';

const toChoices = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const postChoices = toChoices(STAFF_POST_LABELS);
export const trainingKindChoices = toChoices(TRAINING_KIND_LABELS);
export const CERTIFICATE_FLAG_LABELS: Record<string, string> = { expired: '已过期', expiring: '60天内到期' };
export const certificateFlagChoices = toChoices(CERTIFICATE_FLAG_LABELS);
export const yesNoChoices = [
  { id: 'true', name: '是' },
  { id: 'false', name: '否' },
];

/** Labels for the Excel exports of the workforce lists. */
export const workforceEnums = {
  post: STAFF_POST_LABELS,
  kind: TRAINING_KIND_LABELS,
  certificateFlag: CERTIFICATE_FLAG_LABELS,
  importKind: STAFF_IMPORT_KIND_LABELS,
} as Record<string, Record<string, string>>;

const THIS_YEAR = new Date().getFullYear();
export const yearChoices = Array.from({ length: 10 }, (_, i) => ({ id: THIS_YEAR - i, name: `${THIS_YEAR - i}年` }));

/** Tenths of an hour as hours ("35" → "3.5"). */
export const tenthsToHours = (t: number | null | undefined) => (t === null || t === undefined ? '' : `${Math.floor(t / 10)}${t % 10 ? `.${t % 10}` : ''}`);
