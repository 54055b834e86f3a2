import { PAY_ORDER_PURPOSE_LABELS, PAY_ORDER_STATUS_LABELS } from '@baotou/shared';

const toChoices = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));
export const payOrderStatusChoices = toChoices(PAY_ORDER_STATUS_LABELS);
export const payOrderPurposeChoices = toChoices(PAY_ORDER_PURPOSE_LABELS);
