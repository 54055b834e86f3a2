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
 * Input-level validators from a shared zod schema (react-hook-form cannot mix form- and input-level
 * validation, and file inputs validate at input level): `field(name)` answers the Chinese message of
 * the schema's first issue on that field, checking the whole form so cross-field rules hold too.
 */
export function zodFields(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, toBody: (v: Record<string, unknown>) => unknown) {
  return (name: string) => (_value: unknown, values: Record<string, unknown>) => {
    const r = schema.safeParse(toBody(values ?? {}));
    return r.success ? undefined : r.error!.issues.find((i) => String(i.path[0]) === name)?.message;
  };
}
