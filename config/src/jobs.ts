import { z } from 'zod';

/**
 * Background jobs and server-side exports (issue 15). The queue is pg-boss on the platform's own
 * database (docs/OPERATIONS.md); these are its operating numbers, not policy of any bureau.
 */
export interface JobSettings {
  /** Run job handlers in this process (JOBS_WORKER); a web-only process may still enqueue. */
  worker: boolean;
  /** How often a worker looks for queued jobs (seconds; pg-boss' polling, at least 0.5). */
  pollIntervalSeconds: number;
  /** Attempts after the first when a job throws, unless the job sets its own. */
  retryLimit: number;
  /** Seconds between attempts. */
  retryDelaySeconds: number;
  /** A running job not finished within this many minutes is failed and retried (a killed process). */
  expireMinutes: number;
}

export interface ExportSettings {
  /** Exports above this many rows run as a background job with progress and a download link (issue 15). */
  jobThresholdRows: number;
  /** Hours a finished export file may be downloaded before it is deleted. */
  fileTtlHours: number;
  /** Folder holding finished export files (under DATA_DIR by default). */
  dir: string;
}

export const jobEnvSchema = {
  JOBS_WORKER: z
    .enum(['1', '0', 'true', 'false', 'on', 'off'])
    .default('1')
    .transform((v) => v === '1' || v === 'true' || v === 'on'),
  JOBS_POLL_INTERVAL_SECONDS: z.coerce.number().min(0.5).max(300).default(2),
  JOBS_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(2),
  JOBS_RETRY_DELAY_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  JOBS_EXPIRE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  EXPORT_JOB_THRESHOLD_ROWS: z.coerce.number().int().min(1).max(10_000_000).default(20_000),
  EXPORT_FILE_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  EXPORT_DIR: z.string().min(1).max(500).optional(),
};

export function jobSettings(e: {
  JOBS_WORKER: boolean;
  JOBS_POLL_INTERVAL_SECONDS: number;
  JOBS_RETRY_LIMIT: number;
  JOBS_RETRY_DELAY_SECONDS: number;
  JOBS_EXPIRE_MINUTES: number;
}): JobSettings {
  return {
    worker: e.JOBS_WORKER,
    pollIntervalSeconds: e.JOBS_POLL_INTERVAL_SECONDS,
    retryLimit: e.JOBS_RETRY_LIMIT,
    retryDelaySeconds: e.JOBS_RETRY_DELAY_SECONDS,
    expireMinutes: e.JOBS_EXPIRE_MINUTES,
  };
}

export function exportSettings(e: { EXPORT_JOB_THRESHOLD_ROWS: number; EXPORT_FILE_TTL_HOURS: number; EXPORT_DIR?: string }, dataDir: string): ExportSettings {
  return { jobThresholdRows: e.EXPORT_JOB_THRESHOLD_ROWS, fileTtlHours: e.EXPORT_FILE_TTL_HOURS, dir: e.EXPORT_DIR ?? `${dataDir.replace(/\/$/, '')}/exports` };
}
