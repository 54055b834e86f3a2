// Chinese labels for the committee enums: from @baotou/shared (the same tuples the server's zod
// schemas and pgEnums use), as choices for the console's lists, filters, forms and exports.
import { COMMITTEE_ALERT_LABELS, COMMITTEE_KIND_LABELS, COMMITTEE_STATUS_LABELS, CROSS_APPOINTMENT_LABELS, MEMBER_ROLE_LABELS } from '@baotou/shared';
import type { Choice } from '../choices';

export const toChoices = (labels: Record<string, string>): Choice[] => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const committeeKindLabels: Record<string, string> = COMMITTEE_KIND_LABELS;
export const committeeStatusLabels: Record<string, string> = COMMITTEE_STATUS_LABELS;
export const memberRoleLabels: Record<string, string> = MEMBER_ROLE_LABELS;
export const crossAppointmentLabels: Record<string, string> = CROSS_APPOINTMENT_LABELS;
/** Alert codes computed by the server (DOMAIN.md §2). */
export const committeeAlertLabels: Record<string, string> = COMMITTEE_ALERT_LABELS;

export const committeeKindChoices = toChoices(committeeKindLabels);
export const committeeStatusChoices = toChoices(committeeStatusLabels);
export const memberRoleChoices = toChoices(memberRoleLabels);
export const crossAppointmentChoices = toChoices(crossAppointmentLabels);
export const committeeAlertChoices = toChoices(committeeAlertLabels);
