import { z } from 'zod';

/** 网络安全法 Art. 21(3): network logs kept for no less than six months. */
export const MIN_AUDIT_RETENTION_DAYS = 183;

export const auditEnvSchema = {
  /** Days an audit row is kept before the platform's purge may remove it (default 3 years; at least 183). */
  AUDIT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(MIN_AUDIT_RETENTION_DAYS, {
      message: `审计日志至少保存${MIN_AUDIT_RETENTION_DAYS}天（网络安全法第二十一条） (AUDIT_RETENTION_DAYS must be at least ${MIN_AUDIT_RETENTION_DAYS})`,
    })
    .max(36500)
    .default(1095),
  /** How often each server process seals new audit rows into the hash chain (ms). */
  AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(2000),
};

export interface AuditSettings {
  retentionDays: number;
  sealIntervalMs: number;
}

export function auditSettings(e: { AUDIT_RETENTION_DAYS: number; AUDIT_SEAL_INTERVAL_MS: number }): AuditSettings {
  return { retentionDays: e.AUDIT_RETENTION_DAYS, sealIntervalMs: e.AUDIT_SEAL_INTERVAL_MS };
}
