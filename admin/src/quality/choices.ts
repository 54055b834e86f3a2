import {
  ASSESSMENT_STATUS_LABELS,
  AWARD_KIND_LABELS,
  COMPOUND_TYPE_LABELS,
  FEE_BAND_FLAG_LABELS,
  PRICING_FORM_LABELS,
  REQUIREMENT_CATEGORY_LABELS,
  SELECTION_METHOD_LABELS,
  SERVICE_SCALE_LABELS,
  UPGRADE_PLAN_STATUS_LABELS,
} from '@baotou/shared';

const toChoices = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const scaleChoices = toChoices(SERVICE_SCALE_LABELS);
export const categoryChoices = toChoices(REQUIREMENT_CATEGORY_LABELS);
export const assessmentStatusChoices = toChoices(ASSESSMENT_STATUS_LABELS);
export const planStatusChoices = toChoices(UPGRADE_PLAN_STATUS_LABELS);
export const awardKindChoices = toChoices(AWARD_KIND_LABELS);
export const propertyTypeChoices = toChoices(COMPOUND_TYPE_LABELS);
export const pricingFormChoices = toChoices(PRICING_FORM_LABELS);
export const selectionMethodChoices = toChoices(SELECTION_METHOD_LABELS);
export const feeFlagChoices = toChoices(FEE_BAND_FLAG_LABELS);

/** Labels for the Excel exports. */
export const qualityEnums = {
  scale: SERVICE_SCALE_LABELS,
  status: { ...ASSESSMENT_STATUS_LABELS, ...UPGRADE_PLAN_STATUS_LABELS },
  kind: AWARD_KIND_LABELS,
  propertyType: COMPOUND_TYPE_LABELS,
  pricingForm: PRICING_FORM_LABELS,
  selectionMethod: SELECTION_METHOD_LABELS,
  feeFlag: FEE_BAND_FLAG_LABELS,
} as Record<string, Record<string, string>>;

const THIS_YEAR = new Date().getFullYear();
export const yearChoices = Array.from({ length: 8 }, (_, i) => ({ id: THIS_YEAR + 1 - i, name: `${THIS_YEAR + 1 - i}年` }));

/** Fen amounts are non-negative integers. */
export const fenValidator = (v: unknown) => (v == null || v === '' || (Number.isInteger(v) && (v as number) >= 0) ? undefined : '请输入非负整数（单位：分）');
