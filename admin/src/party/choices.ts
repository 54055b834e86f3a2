import {
  CROSS_APPOINTMENT_KIND_LABELS,
  PARTY_GENDER_LABELS,
  PARTY_MEMBER_ROLE_LABELS,
  PARTY_ORG_SETTING_LABELS,
  PARTY_ORG_TYPE_LABELS,
  RED_PROJECT_RESULT_LABELS,
} from '@baotou/shared';

const toChoices = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const orgTypeChoices = toChoices(PARTY_ORG_TYPE_LABELS);
export const orgSettingChoices = toChoices(PARTY_ORG_SETTING_LABELS);
export const memberRoleChoices = toChoices(PARTY_MEMBER_ROLE_LABELS);
export const genderChoices = toChoices(PARTY_GENDER_LABELS);
export const crossKindChoices = toChoices(CROSS_APPOINTMENT_KIND_LABELS);
export const redResultChoices = toChoices(RED_PROJECT_RESULT_LABELS);

/** Labels for the Excel exports (the field names overlap other resources' enums, so they are given explicitly). */
export const partyEnums = {
  type: PARTY_ORG_TYPE_LABELS,
  setting: PARTY_ORG_SETTING_LABELS,
  role: PARTY_MEMBER_ROLE_LABELS,
  memberRole: PARTY_MEMBER_ROLE_LABELS,
  gender: PARTY_GENDER_LABELS,
  kind: CROSS_APPOINTMENT_KIND_LABELS,
  result: RED_PROJECT_RESULT_LABELS,
} as Record<string, Record<string, string>>;

const THIS_YEAR = new Date().getFullYear();
export const yearChoices = Array.from({ length: 12 }, (_, i) => ({ id: THIS_YEAR - i, name: `${THIS_YEAR - i}年` }));
