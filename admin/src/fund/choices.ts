// Chinese labels for the fund enums, from @baotou/shared (DOMAIN.md §3; the same tuples the
// server's zod schemas and pgEnums use).
import { EMERGENCY_KIND_LABELS, FUND_APPLICATION_STATUS_LABELS, FUND_ENTRY_KIND_LABELS, FUND_LEDGER_STATUS_LABELS, VOTE_SCOPE_LABELS } from '@baotou/shared';
import type { Choice } from '../choices';

const toChoices = (labels: Record<string, string>): Choice[] => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const entryKindLabels: Record<string, string> = FUND_ENTRY_KIND_LABELS;
export const applicationStatusLabels: Record<string, string> = FUND_APPLICATION_STATUS_LABELS;
export const ledgerStatusLabels: Record<string, string> = FUND_LEDGER_STATUS_LABELS;
export const emergencyKindLabels: Record<string, string> = EMERGENCY_KIND_LABELS;
/** An application's cost is shared over the same scopes a vote covers. */
export const scopeTypeLabels: Record<string, string> = { compound: '全小区', buildings: '指定楼栋', units: '指定单元' };
export const payerLabels: Record<string, string> = { owner: '业主', developer: '开发建设单位（未售）' };
export const depositKindLabels: Record<string, string> = {
  first_deposit: FUND_ENTRY_KIND_LABELS.first_deposit,
  top_up: FUND_ENTRY_KIND_LABELS.top_up,
};

export const entryKindChoices = toChoices(entryKindLabels);
export const ledgerStatusChoices = toChoices(ledgerStatusLabels);
export const applicationStatusChoices = toChoices(applicationStatusLabels);
export const emergencyKindChoices = toChoices(emergencyKindLabels);
export const scopeTypeChoices = Object.keys(VOTE_SCOPE_LABELS).map((id) => ({ id, name: scopeTypeLabels[id] ?? id }));
export const depositKindChoices = toChoices(depositKindLabels);
