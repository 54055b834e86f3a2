/**
 * Notifications (issue 16 §4): what reaches a person, on which channel, and the outbox's retry rule.
 * A notification is written in the same transaction as the event it reports (an outbox); staff read
 * theirs in the console, residents receive theirs as WeChat subscribe messages (订阅消息).
 */

export const NOTIFICATION_CHANNELS = ['console', 'wechat'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_KINDS = [
  'ticket_progress',
  'ticket_queue',
  'claim_review',
  'fund_application_review',
  'vote_opened',
  'vote_closed',
  'fund_charge',
  'bill',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  ticket_progress: '工单进度',
  ticket_queue: '待办工单',
  claim_review: '房屋认证待审核',
  fund_application_review: '维修资金申请待审批',
  vote_opened: '表决开始',
  vote_closed: '表决结束',
  fund_charge: '维修资金变动',
  bill: '账单',
};

/** pending → sending → sent; a failure goes back to pending (later) until the attempts run out → failed. */
export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const NOTIFICATION_STATUS_LABELS: Record<NotificationStatus, string> = {
  pending: '待发送',
  sending: '发送中',
  sent: '已送达',
  failed: '发送失败',
  skipped: '未发送（未绑定微信）',
};

const MAX_DELAY_SECONDS = 86_400;

function positiveInt(name: string, v: number): number {
  if (!Number.isSafeInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
  return v;
}

/**
 * The wait before the next attempt after `attempts` failed ones: base × 2^(attempts−1), at most a day.
 * Shapes: attempts ≥ 1, baseSeconds ≥ 1 (integers) → seconds. Throws RangeError otherwise.
 */
export function retryDelaySeconds(attempts: number, baseSeconds: number): number {
  positiveInt('attempts', attempts);
  positiveInt('baseSeconds', baseSeconds);
  return Math.min(MAX_DELAY_SECONDS, baseSeconds * 2 ** Math.min(attempts - 1, 20));
}

export type AfterFailure = { status: 'pending'; delaySeconds: number } | { status: 'failed' };

/**
 * What becomes of a message whose send just failed, `attempts` counting this one. A permanent
 * refusal (the user has not subscribed, an invalid template) is never retried.
 */
export function afterFailure(attempts: number, maxAttempts: number, baseSeconds: number, permanent: boolean): AfterFailure {
  positiveInt('maxAttempts', maxAttempts);
  if (permanent || positiveInt('attempts', attempts) >= maxAttempts) return { status: 'failed' };
  return { status: 'pending', delaySeconds: retryDelaySeconds(attempts, baseSeconds) };
}

/**
 * WeChat errcodes that retrying cannot fix (subscribe/send documentation): 43101 the user refused
 * or has no subscription left, 40003 invalid openid, 40037 invalid template id, 47003 bad data.
 */
export const WECHAT_PERMANENT_ERRCODES: readonly number[] = [43101, 40003, 40037, 47003];

/** A WeChat template value cut to its limit (thing ≤ 20 characters, phrase ≤ 5), ending in … when cut. */
export function clipWechatValue(s: string, maxChars: number): string {
  positiveInt('maxChars', maxChars);
  const chars = Array.from(s);
  return chars.length > maxChars ? chars.slice(0, maxChars - 1).join('') + '…' : s;
}
