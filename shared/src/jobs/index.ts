import { formatYuan } from '../fund/money';

/** A background job's life (issue 15): waiting, being worked, done, or given up after its retries. */
export const JOB_STATES = ['queued', 'running', 'completed', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const JOB_STATE_LABELS: Record<JobState, string> = {
  queued: '排队中',
  running: '运行中',
  completed: '已完成',
  failed: '失败',
};

/** Words for the figures jobs return (a job's result `{ moved: 3 }` reads "升级 3"). */
export const JOB_RESULT_LABELS: Record<string, string> = {
  moved: '超时升级',
  confirmed: '自动确认',
  removed: '删除文件',
  reported: '上报',
  recorded: '记录',
  refreshed: '更新',
  closed: '结束',
  sent: '已发送',
  pending: '待重试',
  failed: '失败',
  skipped: '跳过',
  rowCount: '行数',
  bills: '账单',
  households: '户数',
  // credit.evaluation, fees.billing-run, pay.query-open-orders, supervision.filings-sweep
  year: '年度',
  companies: '已评价企业',
  billsCreated: '生成账单',
  billedFen: '账单金额（元）',
  queried: '查询订单',
  posted: '入账',
  missing: '备案缺失记录',
  complete: '备案齐全记录',
};

/**
 * A job's result as a person reads it: "超时升级 3，自动确认 1"; figures only (nested values are left out).
 * A key ending in `Fen` is money and reads in yuan ("账单金额（元） 1,234.50"), never as raw fen.
 */
export function jobResultText(result: unknown): string {
  if (result === null || result === undefined) return '—';
  if (typeof result !== 'object') return String(result);
  const parts = Object.entries(result as Record<string, unknown>)
    .filter(([, v]) => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean')
    .map(
      ([k, v]) => `${JOB_RESULT_LABELS[k] ?? k} ${typeof v === 'boolean' ? (v ? '是' : '否') : typeof v === 'number' && k.endsWith('Fen') ? formatYuan(v) : v}`,
    );
  return parts.length ? parts.join('，') : '完成';
}
