import { parseYuan } from '../money';

export type Item = { name?: string; budgetYuan?: string };
export type FormValues = {
  compoundId?: number;
  title?: string;
  description?: string;
  items?: Item[];
  contractor?: string;
  scopeType?: 'compound' | 'buildings' | 'units';
  scopeIds?: number[];
  /** Only narrows the unit picker; never sent. */
  unitBuildingId?: number;
  emergency?: boolean;
  emergencyKind?: string | null;
};

/**
 * The body the server's strict schema (fundApplicationSchema) accepts: budgets typed in yuan become
 * integer fen by string arithmetic; picker-only fields are dropped; a whole-compound scope has no ids;
 * a non-emergency application carries no emergency kind.
 */
export const toApplicationBody = (v: FormValues) => ({
  compoundId: v.compoundId,
  title: v.title?.trim(),
  ...(v.description?.trim() ? { description: v.description.trim() } : {}),
  items: (v.items ?? []).map((i) => ({ name: (i.name ?? '').trim(), budgetFen: parseYuan(i.budgetYuan ?? '') })),
  contractor: v.contractor?.trim(),
  scopeType: v.scopeType,
  scopeIds: v.scopeType === 'compound' ? [] : (v.scopeIds ?? []),
  emergency: !!v.emergency,
  emergencyKind: v.emergency ? v.emergencyKind : null,
});
