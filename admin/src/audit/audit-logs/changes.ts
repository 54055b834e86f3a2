// An audit row's before/after in words: shared's functions, which the server's .xlsx export writes too.
export { auditChanges, auditChangesText, auditValueText, type AuditChange } from '@baotou/shared';
