// Chinese names of fields most resources share (export headers, the audit log's changes): shared's, one copy.
export { COMMON_FIELD_NAMES } from '@baotou/shared';
