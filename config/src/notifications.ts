import { z } from 'zod';

/**
 * Notifications (issue 16 §4): WeChat subscribe-message templates and the outbox dispatcher's
 * retry policy. Template ids are chosen in the WeChat MP console (订阅消息 → 我的模板) and are
 * settings, not code; ticket progress keeps WECHAT_TICKET_TEMPLATE_ID (config/src/tickets.ts).
 */
export interface NotificationSettings {
  /** Template ids by topic: votes opening/closing, fund charges and bills. */
  templates: { vote: string; fund: string };
  /** How often the server's dispatcher looks for messages due (seconds). */
  dispatchIntervalSeconds: number;
  /** Sending attempts before a message is given up as failed. */
  maxAttempts: number;
  /** First retry delay; each next one doubles (seconds). */
  retryBaseSeconds: number;
}

export const notificationEnvSchema = {
  WECHAT_VOTE_TEMPLATE_ID: z.string().min(1).max(64).default('vote-notice-template'),
  WECHAT_FUND_TEMPLATE_ID: z.string().min(1).max(64).default('fund-notice-template'),
  NOTIFY_DISPATCH_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  NOTIFY_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(86400).default(30),
};

export function notificationSettings(e: {
  WECHAT_VOTE_TEMPLATE_ID: string;
  WECHAT_FUND_TEMPLATE_ID: string;
  NOTIFY_DISPATCH_INTERVAL_SECONDS: number;
  NOTIFY_MAX_ATTEMPTS: number;
  NOTIFY_RETRY_BASE_SECONDS: number;
}): NotificationSettings {
  return {
    templates: { vote: e.WECHAT_VOTE_TEMPLATE_ID, fund: e.WECHAT_FUND_TEMPLATE_ID },
    dispatchIntervalSeconds: e.NOTIFY_DISPATCH_INTERVAL_SECONDS,
    maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
    retryBaseSeconds: e.NOTIFY_RETRY_BASE_SECONDS,
  };
}
