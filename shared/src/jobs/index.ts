/** A background job's life (issue 15): waiting, being worked, done, or given up after its retries. */
export const JOB_STATES = ['queued', 'running', 'completed', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const JOB_STATE_LABELS: Record<JobState, string> = {
  queued: '排队中',
  running: '运行中',
  completed: '已完成',
  failed: '失败',
};
