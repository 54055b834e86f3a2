import * as shared from '../index';
import { CLAIM_STATUS_LABELS } from '../places/enums';
import { TICKET_CHANNEL_LABELS, TICKET_KIND_LABELS, TICKET_LEVEL_LABELS, TICKET_STATUS_LABELS } from '../tickets/enums';
import { FUND_APPLICATION_STATUS_LABELS } from '../fund/rules';
import { VOTE_KIND_LABELS, VOTE_STATUS_LABELS } from '../votes/enums';
import { COMMITTEE_KIND_LABELS, COMMITTEE_STATUS_LABELS } from '../committees/enums';
import { DISCLOSURE_KIND_LABELS, DISCLOSURE_STATUS_LABELS, FLAG_STATUS_LABELS } from '../disclosures/enums';
import { ROLE_LABELS } from '../auth/roles';

// An audit row's before/after as a person reads it (issue 16 §3): field by field, Chinese field
// names, values in words and Beijing time, instead of two blobs of JSON. The console's show page and
// the audit log's .xlsx export (issue 15) both write it with these functions.

export type AuditChange = { field: string; label: string; before: string; after: string; changed: boolean };

const EMPTY = '—';

/** What a field's code means, per entity, where one code reads differently by capability. */
const BY_ENTITY: Record<string, Record<string, Readonly<Record<string, string>>>> = {
  'household-claims': { status: CLAIM_STATUS_LABELS },
  tickets: { status: TICKET_STATUS_LABELS, level: TICKET_LEVEL_LABELS, kind: TICKET_KIND_LABELS, channel: TICKET_CHANNEL_LABELS },
  'fund-applications': { status: FUND_APPLICATION_STATUS_LABELS },
  votes: { status: VOTE_STATUS_LABELS, kind: VOTE_KIND_LABELS },
  committees: { status: COMMITTEE_STATUS_LABELS, kind: COMMITTEE_KIND_LABELS },
  disclosures: { status: DISCLOSURE_STATUS_LABELS, kind: DISCLOSURE_KIND_LABELS },
  'disclosure-flags': { status: FLAG_STATUS_LABELS },
  users: { role: ROLE_LABELS },
};

let labelMaps: Readonly<Record<string, string>>[] | undefined;
/** Every label map shared exports (*_LABELS), read on first use (shared's index imports this module). */
const allLabelMaps = () =>
  (labelMaps ??= (Object.entries(shared) as [string, unknown][])
    .filter(([name, v]) => name.endsWith('_LABELS') && v && typeof v === 'object' && !Array.isArray(v))
    .map(([, v]) => v as Record<string, string>));

/** The first shared label of `code` ("in_progress" → "处理中"), or undefined when it is not a code any map knows. */
export function sharedCodeLabel(code: string): string | undefined {
  if (!/^[a-z][a-z0-9_]*$/.test(code)) return undefined;
  for (const m of allLabelMaps()) if (Object.prototype.hasOwnProperty.call(m, code)) return m[code];
  return undefined;
}

function codeLabel(entity: string | undefined, field: string, code: string): string | undefined {
  const own = entity ? BY_ENTITY[entity]?.[field] : undefined;
  if (own && Object.prototype.hasOwnProperty.call(own, code)) return own[code];
  return sharedCodeLabel(code);
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A timestamp as the API or PostgreSQL writes it (ISO "2026-12-07T15:18:06.334Z" or the text form
 * "2026-12-07 15:18:06.334+00", no offset = UTC) as Beijing time "2026-12-07 23:18:06"; null for
 * anything else (a bare date has no time zone).
 */
export function beijingSecondOf(value: string): string | null {
  const m = TIMESTAMP.exec(value.trim());
  if (!m) return null;
  let zone = m[3] ?? 'Z';
  if (/^[+-]\d{2}$/.test(zone)) zone += ':00';
  else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const d = new Date(`${m[1]}T${m[2]}${zone}`);
  if (Number.isNaN(d.getTime())) return null;
  const b = new Date(d.getTime() + 8 * 3600_000);
  return `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}:${pad(b.getUTCSeconds())}`;
}

/** One stored value as text: empty → —, true/false → 是/否, codes as their Chinese labels, timestamps in Beijing time, lists and objects compact. */
export function auditValueText(value: unknown, field = '', entity?: string): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return beijingSecondOf(value) ?? codeLabel(entity, field, value) ?? value;
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
