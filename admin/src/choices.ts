// Chinese labels for every enum the console shows. One place, so the lists, filters, forms and
// Excel exports all say the same thing; the domain enums' labels come from @baotou/shared.
import { AREA_BASIS_LABELS, CLAIM_STATUS_LABELS, COMPOUND_TYPE_LABELS, MANAGEMENT_MODE_LABELS, ROLE_LABELS, STAFF_ROLES } from '@baotou/shared';

export type Choice = { id: string; name: string };

const toChoices = (labels: Record<string, string>): Choice[] => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const compoundTypeLabels: Record<string, string> = COMPOUND_TYPE_LABELS;
export const managementModeLabels: Record<string, string> = MANAGEMENT_MODE_LABELS;
export const areaBasisLabels: Record<string, string> = AREA_BASIS_LABELS;
export const claimStatusLabels: Record<string, string> = CLAIM_STATUS_LABELS;
export const roleLabels: Record<string, string> = Object.fromEntries(STAFF_ROLES.map((r) => [r, ROLE_LABELS[r]]));

export const regionLevelLabels: Record<string, string> = {
  city: '市',
  district: '区（旗、县）',
  street: '街道（镇、苏木）',
  community: '社区（嘎查村）',
};

export const serviceLevelLabels: Record<string, string> = {
  '1': '一级',
  '2': '二级',
  '3': '三级',
  '4': '四级',
  '5': '五级',
};

export const compoundTypeChoices = toChoices(compoundTypeLabels);
export const managementModeChoices = toChoices(managementModeLabels);
export const areaBasisChoices = toChoices(areaBasisLabels);
export const claimStatusChoices = toChoices(claimStatusLabels);
export const roleChoices = toChoices(roleLabels);
export const regionLevelChoices = toChoices(regionLevelLabels);
export const serviceLevelChoices = [1, 2, 3, 4, 5].map((n) => ({
  id: n,
  name: serviceLevelLabels[String(n)],
}));

export const booleanLabels = { true: '是', false: '否' } as const;

/** Label maps by field name, used by the Excel exporter to write Chinese values. */
export const enumLabelsByField: Record<string, Record<string, string>> = {
  type: compoundTypeLabels,
  managementMode: managementModeLabels,
  areaBasis: areaBasisLabels,
  status: claimStatusLabels,
  role: roleLabels,
  level: regionLevelLabels,
  serviceLevel: serviceLevelLabels,
};
