import * as shared from '@baotou/shared';
import { formatBeijing, parseTimestamp } from '../../common/beijingTime';
import { sharedCodeLabel } from '../../common/codeLabels';

// An audit row's before/after as a person reads it (issue 16 §3): field by field, Chinese field
// names, values in words and Beijing time, instead of two blobs of JSON.

export type AuditChange = { field: string; label: string; before: string; after: string; changed: boolean };

const EMPTY = '—';

/** What a field's code means, per entity, where one code reads differently by capability. */
const BY_ENTITY: Record<string, Record<string, Record<string, string>>> = {
  'household-claims': { status: shared.CLAIM_STATUS_LABELS },
  tickets: { status: shared.TICKET_STATUS_LABELS, level: shared.TICKET_LEVEL_LABELS, kind: shared.TICKET_KIND_LABELS, channel: shared.TICKET_CHANNEL_LABELS },
  'fund-applications': { status: shared.FUND_APPLICATION_STATUS_LABELS },
  votes: { status: shared.VOTE_STATUS_LABELS, kind: shared.VOTE_KIND_LABELS },
  committees: { status: shared.COMMITTEE_STATUS_LABELS, kind: shared.COMMITTEE_KIND_LABELS },
  disclosures: { status: shared.DISCLOSURE_STATUS_LABELS, kind: shared.DISCLOSURE_KIND_LABELS },
  'disclosure-flags': { status: shared.FLAG_STATUS_LABELS },
  users: { role: shared.ROLE_LABELS },
};

/** A code's label: the entity's own for that field, else the first shared label map that knows it. */
function codeLabel(entity: string | undefined, field: string, code: string): string | undefined {
  const own = entity ? BY_ENTITY[entity]?.[field] : undefined;
  if (own && Object.prototype.hasOwnProperty.call(own, code)) return own[code];
  return sharedCodeLabel(code);
}

/** One stored value as text: empty → —, true/false → 是/否, codes as their Chinese labels, timestamps in Beijing time, lists and objects compact. */
export function auditValueText(value: unknown, field = '', entity?: string): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') {
    const at = parseTimestamp(value);
    return at ? formatBeijing(at) : (codeLabel(entity, field, value) ?? value);
  }
  if (Array.isArray(value)) return value.length === 0 ? EMPTY : value.map((v) => auditValueText(v, field, entity)).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * The fields of `before` and `after` (objects as stored in audit_logs; either may be null), in
 * first-seen order, each with its Chinese name from `names` (the field's own name when none) and
 * both values as text; `changed` when they differ. With both sides present, unchanged fields are
 * left out — a row shows what the action changed.
 */
export function auditChanges(before: unknown, after: unknown, names: Record<string, string>, entity?: string): AuditChange[] {
  const b = asObject(before);
  const a = asObject(after);
  const both = before != null && after != null;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .map((field) => {
      const was = auditValueText(b[field], field, entity);
      const now = auditValueText(a[field], field, entity);
      return { field, label: names[field] ?? field, before: was, after: now, changed: was !== now };
    })
    .filter((c) => !both || c.changed);
}

/** The changes as one line for an export: "名称：旧 → 新；状态：→ 已通过". */
export function auditChangesText(before: unknown, after: unknown, names: Record<string, string>, entity?: string): string {
  return auditChanges(before, after, names, entity)
    .map((c) => (before == null ? `${c.label}：${c.after}` : after == null ? `${c.label}：${c.before}` : `${c.label}：${c.before} → ${c.after}`))
    .join('；');
}
