import * as shared from '@baotou/shared';

// Every Chinese label map @baotou/shared exports (*_LABELS), for where a code reaches a reader
// without a field-specific map: the audit log's before/after and list exports (issue 16 §3).

type Labels = Record<string, string>;
const LABEL_MAPS: Labels[] = (Object.entries(shared) as [string, unknown][])
  .filter(([name, v]) => name.endsWith('_LABELS') && v && typeof v === 'object' && !Array.isArray(v))
  .map(([, v]) => v as Labels);

/** Fields that hold a code (status, kind, level, …) by their name; free text (names, usernames, memos) never does. */
export const CODE_FIELD =
  /(status|kind|type|level|channel|role|category|result|mode|basis|scale|source|payer|matter|scope|scopeType|state|setting|gender|post|phase|classification|action|target|method|form|item)$/i;

/** The first shared label of `code` ("in_progress" → "处理中"), or undefined when it is not a code any map knows. */
export function sharedCodeLabel(code: string): string | undefined {
  if (!/^[a-z][a-z0-9_]*$/.test(code)) return undefined;
  for (const m of LABEL_MAPS) if (Object.prototype.hasOwnProperty.call(m, code)) return m[code];
  return undefined;
}
