import type { ExportColumn } from './columns';
import { auditActionLabel } from '../audit/actions';
import { auditChangesText, beijingSecondOf } from '../audit/changes';
import { auditEntityLabel, auditFieldLabels } from '../audit/labels';
import { AUDIT_LOG_FIELD_LABELS as L } from '../audit/logFields';

/** An action's label by its entity; a code nobody labelled (an old row) is written as it is rather than failing the file. */
function actionText(action: unknown, row: Readonly<Record<string, unknown>>): string {
  try {
    return auditActionLabel(String(action), String(row.entity ?? ''));
  } catch {
    return String(action ?? '');
  }
}

/** An instant to the second in Beijing time: the audit trail is read to the second. */
function instantText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  return beijingSecondOf(value instanceof Date ? value.toISOString() : String(value)) ?? String(value);
}

/**
 * The audit log's export (issue 15 "Export anything"): the columns of its former client-side export,
 * headed as the console's table heads them. before/after are written as one line of changes with
 * Chinese field names (the rows arrive already stripped of fields the reader's role may not see, and
 * a resident actor's name masked, by the list's own present()).
 */
export const AUDIT_LOG_EXPORT_COLUMNS: readonly ExportColumn[] = [
  { field: 'id', header: L.id, kind: 'value' },
  { field: 'at', header: L.at, kind: 'format', format: instantText },
  { field: 'actorId', header: L.actorId, kind: 'value' },
  { field: 'actorName', header: L.actorName, kind: 'text' },
  { field: 'ip', header: L.ip, kind: 'text' },
  { field: 'userAgent', header: L.userAgent, kind: 'text' },
  { field: 'action', header: L.action, kind: 'format', format: actionText },
  { field: 'entity', header: L.entity, kind: 'format', format: (v) => auditEntityLabel(String(v ?? '')) },
  { field: 'entityId', header: L.entityId, kind: 'text' },
  { field: 'regionCode', header: L.regionCode, kind: 'ref', ref: 'regions' },
  {
    field: 'changes',
    header: L.changes,
    kind: 'format',
    format: (_, row) => auditChangesText(row.before, row.after, auditFieldLabels(String(row.entity ?? '')), String(row.entity ?? '')),
  },
  { field: 'seq', header: L.seq, kind: 'value' },
];
