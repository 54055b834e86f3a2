/**
 * Why a row of the audit chain does not verify (GET /api/audit-logs/verify; docs/SECURITY.md "Audit chain"):
 * - hash_mismatch: the row's content or stored hash is not what was sealed (edited after sealing);
 * - missing_before: the chain position just before this row is missing (a row was removed).
 */
export const AUDIT_BREAK_REASONS = ['hash_mismatch', 'missing_before'] as const;
export type AuditBreakReason = (typeof AUDIT_BREAK_REASONS)[number];
export const AUDIT_BREAK_REASON_LABELS: Record<AuditBreakReason, string> = {
  hash_mismatch: '内容或校验值与封存时不一致（记录被篡改）',
  missing_before: '其前一条记录缺失（记录被删除）',
};

/** The audit actions of security events (issue 17; GB/T 22239-2019 8.1.4.3 security audit). */
export const SECURITY_AUDIT_ACTION_LABELS: Record<string, string> = {
  login_failed: '登录失败',
  account_locked: '账号锁定',
  account_unlocked: '账号解锁',
  totp_enrolled: '启用双因素认证',
  totp_reset: '重置双因素认证',
  view_personal: '查看个人信息',
  export_personal: '导出个人信息',
};
