import { z } from 'zod';

/**
 * Upload settings (the uploads capability; issue 9 §7 set the cap and the quota, issue 15 made
 * uploads their own capability). Every server process must point UPLOAD_DIR at the same folder
 * (docs/OPERATIONS.md "Running several servers").
 */
export interface UploadSettings {
  /** The storage folder: `<DATA_DIR>/uploads` unless UPLOAD_DIR says otherwise. */
  dir: string;
  /** Largest file accepted (UPLOAD_MAX_BYTES, 5 MB: a phone photo or a scanned page; at most 50 MB). */
  maxBytes: number;
  /** What one user may upload in any 24 hours (issue 9 §7: uploads were unlimited). */
  quota: { bytesPerDay: number; filesPerDay: number };
  /**
   * Stored bytes that no uploads row references (the row's transaction failed after the bytes were
   * written) are removed once older than this (UPLOAD_ORPHAN_HOURS, 24 h: far longer than any upload
   * takes, so a file whose row is still being written is never touched; docs/OPERATIONS.md "The queue").
   */
  orphanHours: number;
}

export const uploadEnvSchema = {
  UPLOAD_DIR: z.string().optional(),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .max(50 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  UPLOAD_QUOTA_BYTES_PER_DAY: z.coerce
    .number()
    .int()
    .positive()
    .max(100 * 1024 * 1024 * 1024)
    .default(200 * 1024 * 1024),
  UPLOAD_QUOTA_FILES_PER_DAY: z.coerce.number().int().positive().max(100000).default(200),
  UPLOAD_ORPHAN_HOURS: z.coerce
    .number()
    .int()
    .positive()
    .max(24 * 365)
    .default(24),
};

export function uploadSettings(
  e: { UPLOAD_DIR?: string; UPLOAD_MAX_BYTES: number; UPLOAD_QUOTA_BYTES_PER_DAY: number; UPLOAD_QUOTA_FILES_PER_DAY: number; UPLOAD_ORPHAN_HOURS: number },
  dataDir: string,
): UploadSettings {
  return {
    dir: e.UPLOAD_DIR ?? `${dataDir.replace(/\/$/, '')}/uploads`,
    maxBytes: e.UPLOAD_MAX_BYTES,
    quota: { bytesPerDay: e.UPLOAD_QUOTA_BYTES_PER_DAY, filesPerDay: e.UPLOAD_QUOTA_FILES_PER_DAY },
    orphanHours: e.UPLOAD_ORPHAN_HOURS,
  };
}
