import {
  CHECKLIST_CATEGORY_LABELS,
  HAZARD_REPORT_LEVEL_LABELS,
  HAZARD_REPORT_REASON_LABELS,
  HAZARD_SEVERITY_LABELS,
  HAZARD_STATUS_LABELS,
  HAZARD_EVENT_ACTION_LABELS,
  INSPECTION_KIND_LABELS,
  ITEM_RESULT_LABELS,
} from '@baotou/shared';

const toChoices = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const categoryChoices = toChoices(CHECKLIST_CATEGORY_LABELS);
export const severityChoices = toChoices(HAZARD_SEVERITY_LABELS);
export const kindChoices = toChoices(INSPECTION_KIND_LABELS);
export const resultChoices = toChoices(ITEM_RESULT_LABELS);
export const hazardStatusChoices = toChoices(HAZARD_STATUS_LABELS);
export const reportLevelChoices = toChoices(HAZARD_REPORT_LEVEL_LABELS);
export const reportReasonChoices = toChoices(HAZARD_REPORT_REASON_LABELS);
export const yesNoChoices = [
  { id: 'true', name: '是' },
  { id: 'false', name: '否' },
];
export { CHECKLIST_CATEGORY_LABELS, HAZARD_EVENT_ACTION_LABELS, ITEM_RESULT_LABELS };

/** Labels for the Excel exports. */
export const inspectionEnums = {
  category: CHECKLIST_CATEGORY_LABELS,
  severity: HAZARD_SEVERITY_LABELS,
  kind: INSPECTION_KIND_LABELS,
  status: HAZARD_STATUS_LABELS,
  reportedTo: HAZARD_REPORT_LEVEL_LABELS,
  reportReason: HAZARD_REPORT_REASON_LABELS,
};

// The KPI target form imports it from here still.
export { zodValidate } from '../common/schemaValidation';
