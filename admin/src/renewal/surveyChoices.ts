// Chinese labels of the survey enums, from @baotou/shared (the tuples the server's zod schemas and pgEnums use).
import {
  ENCLOSURE_STATE_LABELS,
  INFRASTRUCTURE_ITEMS,
  INFRASTRUCTURE_ITEM_LABELS,
  INFRASTRUCTURE_STATE_LABELS,
  MANAGEMENT_MODE_LABELS,
  RENEWAL_CLASSIFICATION_LABELS,
  RENEWAL_SURVEY_STATUS_LABELS,
  SURVEY_MANAGEMENT_STATE_LABELS,
  SURVEY_RENOVATION_STATE_LABELS,
} from '@baotou/shared';
import type { Choice } from '../choices';

const toChoices = (labels: Record<string, string>): Choice[] => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const classificationLabels: Record<string, string> = RENEWAL_CLASSIFICATION_LABELS;
export const surveyStatusLabels: Record<string, string> = RENEWAL_SURVEY_STATUS_LABELS;
export const enclosureLabels: Record<string, string> = ENCLOSURE_STATE_LABELS;
export const infrastructureStateLabels: Record<string, string> = INFRASTRUCTURE_STATE_LABELS;
export const surveyManagementLabels: Record<string, string> = SURVEY_MANAGEMENT_STATE_LABELS;
export const surveyRenovationLabels: Record<string, string> = SURVEY_RENOVATION_STATE_LABELS;
export const managementModeLabels: Record<string, string> = MANAGEMENT_MODE_LABELS;

export const classificationChoices = toChoices(classificationLabels);
export const surveyStatusChoices = toChoices(surveyStatusLabels);
export const enclosureChoices = toChoices(enclosureLabels);
export const infrastructureStateChoices = toChoices(infrastructureStateLabels);
export const surveyManagementChoices = toChoices(surveyManagementLabels);
export const surveyRenovationChoices = toChoices(surveyRenovationLabels);
export const managementModeChoices = toChoices(managementModeLabels);

export const infrastructureItems = INFRASTRUCTURE_ITEMS.map((id) => ({ id, name: INFRASTRUCTURE_ITEM_LABELS[id] }));

/** Map colours by classification (unclassified and unsurveyed in greys). */
export const CLASSIFICATION_COLOURS: Record<string, string> = {
  quasi: '#2e7d32',
  merge: '#1565c0',
  committee: '#ef6c00',
  self: '#8e24aa',
  proposed: '#90a4ae',
  unsurveyed: '#cfd8dc',
};

/** Per mille as a percentage with one decimal, without floats ("915" → "91.5%"). */
export const permilleText = (p: number | null | undefined) => (p === null || p === undefined ? '—' : `${Math.floor(p / 10)}.${p % 10}%`);

/** centi-m² as m² with two decimals, without floats. */
export const centiText = (c: number | null | undefined) =>
  c === null || c === undefined ? '—' : `${Math.floor(c / 100).toLocaleString('zh-CN')}.${String(c % 100).padStart(2, '0')}`;
