import { ASSESSMENT_RESULT_LABELS, RENOVATION_STATUS_LABELS, SUBSIDY_BATCH_STATUS_LABELS, SUBSIDY_USAGE_CATEGORY_LABELS } from '@baotou/shared';

const choices = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const assessmentResultChoices = choices(ASSESSMENT_RESULT_LABELS);
export const subsidyBatchStatusChoices = choices(SUBSIDY_BATCH_STATUS_LABELS);
export const subsidyUsageCategoryChoices = choices(SUBSIDY_USAGE_CATEGORY_LABELS);
export const renovationStatusChoices = choices(RENOVATION_STATUS_LABELS);
export const voteOutcomeLabels: Record<string, string> = { draft: '表决未开始', open: '表决中', passed: '业主同意', failed: '业主未同意' };
export { ASSESSMENT_RESULT_LABELS, RENOVATION_STATUS_LABELS, SUBSIDY_BATCH_STATUS_LABELS, SUBSIDY_USAGE_CATEGORY_LABELS };
