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

/** Labels of the audit actions of security events and of the audit chain (issue 17; GB/T 22239-2019 8.1.4.3 security audit). */
export const SECURITY_AUDIT_ACTION_LABELS = {
  sign_in_failed: '登录失败',
  sign_in_throttled: '登录受限',
  sign_in_locked: '账号锁定',
  unlock: '账号解锁',
  change_password: '修改密码',
  totp_enrol: '绑定动态口令',
  totp_confirm: '启用动态口令',
  totp_reset: '重置动态口令',
  totp_recovery_used: '使用恢复码',
  view_personal: '查看个人信息',
  export_personal: '导出个人信息',
  rotate_keys_started: '开始密钥轮换',
  rotate_keys_finished: '完成密钥轮换',
  verify: '校验审计日志',
} as const satisfies Record<string, string>;
