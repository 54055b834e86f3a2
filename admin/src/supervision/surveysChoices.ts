// Chinese labels of the survey and interview enums, from @baotou/shared (the tuples the server's zod schemas and pgEnums use).
import {
  INTERVIEW_STATUS_LABELS,
  SATISFACTION_RATING_LABELS,
  SURVEY_DIMENSION_LABELS,
  SURVEY_KIND_LABELS,
  SURVEY_SCOPE_LABELS,
  SURVEY_STATUS_LABELS,
} from '@baotou/shared';
import type { RaRecord } from 'react-admin';

const toChoices = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const surveyScopeChoices = toChoices(SURVEY_SCOPE_LABELS);
export const surveyStatusChoices = toChoices(SURVEY_STATUS_LABELS);
export const surveyKindChoices = toChoices(SURVEY_KIND_LABELS);
export const surveyDimensionChoices = toChoices(SURVEY_DIMENSION_LABELS);
export const interviewStatusChoices = toChoices(INTERVIEW_STATUS_LABELS);
export const ratingLabels: Record<string, string> = SATISFACTION_RATING_LABELS;

export const surveyEnums = {
  scope: SURVEY_SCOPE_LABELS,
  status: SURVEY_STATUS_LABELS,
  kind: SURVEY_KIND_LABELS,
  surveyKind: SURVEY_KIND_LABELS,
  surveyStatus: SURVEY_STATUS_LABELS,
};
export const interviewEnums = { status: INTERVIEW_STATUS_LABELS };

/** Basis points as a percentage with two decimals, by integer arithmetic ("78.84%"). */
export const formatRate = (bp: number | null | undefined) =>
  bp === null || bp === undefined ? '—' : `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
/** 有效 / 样本不足 (DOMAIN.md §9). */
export const validityText = (r: RaRecord) => (r.sampleValid ? '有效' : '样本不足');
export const warningText = (r: RaRecord) => (r.warning ? '预警（低于80%）' : '—');
/** Each dimension's rate, for the report only (research §2 rule 3): "保洁 85.00%、绿化 90.00%"; stored when the survey closes. */
export const dimensionRatesText = (r: RaRecord) => {
  const counts = (r.dimensionSatisfied ?? {}) as Record<string, number>;
  if (!r.valid || !Object.keys(counts).length) return '—';
  return Object.entries(SURVEY_DIMENSION_LABELS)
    .filter(([d]) => counts[d] !== undefined)
    .map(([d, label]) => `${label} ${formatRate(Math.floor((counts[d] * 10000) / r.valid))}`)
    .join('、');
};
