import { CREDIT_CATEGORY_LABELS, CREDIT_GRADE_LABELS, CREDIT_ITEM_STATE_LABELS, CREDIT_OBJECTION_STATUS_LABELS, type CreditItemState } from '@baotou/shared';

const toChoices = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const categoryChoices = toChoices(CREDIT_CATEGORY_LABELS);
export const stateChoices = toChoices(CREDIT_ITEM_STATE_LABELS);
export const gradeChoices = toChoices(CREDIT_GRADE_LABELS);
export const objectionStatusChoices = toChoices(CREDIT_OBJECTION_STATUS_LABELS);
export const outcomeChoices = [
  { id: 'upheld', name: '维持原认定' },
  { id: 'corrected', name: '更正分值' },
  { id: 'withdrawn', name: '撤销该事项' },
];
const thisYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
export const yearChoices = Array.from({ length: 6 }, (_, i) => ({ id: thisYear - i, name: `${thisYear - i}年` }));

/** Labels for the Excel exports. */
export const creditEnums = {
  category: CREDIT_CATEGORY_LABELS,
  state: CREDIT_ITEM_STATE_LABELS as Record<CreditItemState, string>,
  grade: CREDIT_GRADE_LABELS,
  status: { ...CREDIT_OBJECTION_STATUS_LABELS, published: '已发布', objected: '异议中', withdrawn: '已撤销' },
};

/** Tenths of a point as people read them: -50 → "-5.0". */
export const points = (tenths: number | null | undefined) => (tenths === null || tenths === undefined ? '—' : (tenths / 10).toFixed(1));
