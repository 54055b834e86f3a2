import { BLACKLIST_REASON_LABELS, BLACKLIST_STATE_LABELS, FILING_KIND_LABELS, FILING_STANDING_LABELS, FILING_STATUS_LABELS } from '@baotou/shared';

const toChoices = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const reasonChoices = toChoices(BLACKLIST_REASON_LABELS);
export const stateChoices = toChoices(BLACKLIST_STATE_LABELS);
export const filingKindChoices = toChoices(FILING_KIND_LABELS);
export const filingStatusChoices = toChoices(FILING_STATUS_LABELS);
export const standingChoices = toChoices(FILING_STANDING_LABELS);

/** Labels for the Excel exports. */
export const blacklistEnums = { reason: BLACKLIST_REASON_LABELS, state: BLACKLIST_STATE_LABELS };
export const filingEnums = { kind: FILING_KIND_LABELS, status: FILING_STATUS_LABELS, contractStanding: FILING_STANDING_LABELS, managerStanding: FILING_STANDING_LABELS };

/**
 * A form-level validator from a shared zod schema: each issue's Chinese message on its field (the
 * first path segment, so `evidence.0.url` shows on the evidence input).
 */
export function zodValidate(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, toBody: (v: Record<string, unknown>) => unknown) {
  return (values: Record<string, unknown>) => {
    const r = schema.safeParse(toBody(values));
    const errors: Record<string, string> = {};
    if (!r.success) for (const issue of r.error!.issues) errors[String(issue.path[0] ?? '_')] ??= issue.message;
    return errors;
  };
}
