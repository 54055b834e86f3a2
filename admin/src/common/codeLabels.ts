// Where a code reaches a reader without a field-specific map (the audit log's before/after, list
// exports), its label is the first shared label map's that knows it: shared's sharedCodeLabel.
export { sharedCodeLabel } from '@baotou/shared';

/** Fields that hold a code (status, kind, level, …) by their name; free text (names, usernames, memos) never does. */
export const CODE_FIELD =
  /(status|kind|type|level|channel|role|category|result|mode|basis|scale|source|payer|matter|scope|scopeType|state|setting|gender|post|phase|classification|action|target|method|form|item)$/i;
