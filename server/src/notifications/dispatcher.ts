import { sql } from 'drizzle-orm';
import type { Config } from '@baotou/config';
import { afterFailure, WECHAT_PERMANENT_ERRCODES } from '@baotou/shared';
import type { Db } from '../db/client';
import { runShaped } from '../db/named';
import { createWechatClient, WechatError, type SubscribeMessage, type WechatClient } from './wechat';

/** A WeChat row's payload: the message, with its template given outright or by topic (a setting resolved at sending). */
type Payload = Omit<SubscribeMessage, 'touser' | 'template_id'> & { template_id?: string; topic?: 'ticket' | 'vote' | 'fund' };

interface Claimed {
  id: number;
  attempts: number;
  openid: string | null;
  payload: Payload | null;
}

/**
 * Delivers WeChat notifications from the outbox. Each run claims due rows with FOR UPDATE SKIP
 * LOCKED and marks them `sending` in the same short transaction, so two dispatchers (or two
 * server processes) never take the same row; it then sends, and records sent / retry later /
 * failed. A row left `sending` by a crash is not sent again: a message goes at most once.
 */
export function createNotificationDispatcher(
  db: Db,
  config: Config,
  client: WechatClient = createWechatClient(config),
  log: (msg: string) => void = (m) => console.warn(m),
) {
  const { maxAttempts, retryBaseSeconds } = config.notifications;
  const templates = { ticket: config.tickets.wechatTemplateId, ...config.notifications.templates };

  /** One statement (its own transaction): the due rows, locked past any other claimer's, marked sending. */
  async function claim(now: Date, limit: number): Promise<Claimed[]> {
    // Fixed texts, run as named statements (planned once per connection): a pass runs with every ticket step.
    const rows = await runShaped(
      db,
      sql`
      WITH due AS (
        SELECT n.id FROM notifications n
         WHERE n.status = 'pending' AND n.channel = 'wechat' AND n.next_attempt_at <= ${now.toISOString()}
         ORDER BY n.next_attempt_at, n.id
         LIMIT ${limit}
           FOR UPDATE SKIP LOCKED)
      UPDATE notifications n SET status = 'sending', attempts = n.attempts + 1
        FROM due WHERE n.id = due.id
      RETURNING n.id, n.attempts, n.payload, (SELECT u.openid FROM users u WHERE u.id = n.user_id) AS openid, n.next_attempt_at`,
    );
    // Sent in the order they fell due.
    const due = (r: { next_attempt_at: string | Date }) => new Date(r.next_attempt_at).getTime();
    return (rows as unknown as (Claimed & { next_attempt_at: string | Date })[])
      .sort((a, b) => due(a) - due(b) || a.id - b.id)
      .map(({ next_attempt_at: _, ...r }) => r);
  }

  async function record(id: number, set: { status: string; sentAt?: Date; nextAttemptAt?: Date; lastError?: string }) {
    await runShaped(
      db,
      sql`
      UPDATE notifications SET status = ${set.status}, sent_at = ${set.sentAt?.toISOString() ?? null},
             next_attempt_at = COALESCE(${set.nextAttemptAt?.toISOString() ?? null}::timestamptz, next_attempt_at),
             last_error = ${set.lastError ? Array.from(set.lastError).slice(0, 200).join('') : null}
       WHERE id = ${id}`,
    );
  }

  /** Rows sent in this pass and when: recorded together by one UPDATE at the pass's end (one round trip per pass, not per message). */
  async function recordSent(sent: [number, Date][]) {
    if (!sent.length) return;
    const ids = sent.map(([id]) => id);
    const times = sent.map(([, at]) => at.toISOString());
    await runShaped(
      db,
      sql`
      UPDATE notifications n SET status = 'sent', sent_at = s.at, last_error = NULL
        FROM unnest(${`{${ids.join(',')}}`}::int[], ${`{${times.join(',')}}`}::timestamptz[]) AS s(id, at)
       WHERE n.id = s.id`,
    );
  }

  async function deliver(row: Claimed, now: Date, sent: [number, Date][]): Promise<'sent' | 'pending' | 'failed' | 'skipped'> {
    if (!row.openid || !row.payload) {
      await record(row.id, { status: 'skipped', lastError: row.openid ? '无消息内容' : '用户未绑定微信' });
      return 'skipped';
    }
    try {
      const { topic, template_id, ...message } = row.payload;
      await client.sendSubscribeMessage({ touser: row.openid, template_id: template_id ?? templates[topic ?? 'ticket'], ...message });
      sent.push([row.id, new Date()]);
      return 'sent';
    } catch (err) {
      const permanent = err instanceof WechatError && WECHAT_PERMANENT_ERRCODES.includes(err.errcode);
      const next = afterFailure(row.attempts, maxAttempts, retryBaseSeconds, permanent);
      const nextAttemptAt = next.status === 'pending' ? new Date(now.getTime() + next.delaySeconds * 1000) : undefined;
      await record(row.id, { status: next.status, nextAttemptAt, lastError: (err as Error).message });
      return next.status;
    }
  }

  /** One pass: claims up to `limit` due messages and delivers them. Returns how each ended. */
  async function runOnce(now = new Date(), limit = 50) {
    const result = { sent: 0, pending: 0, failed: 0, skipped: 0 };
    const claimed = await claim(now, limit);
    const sent: [number, Date][] = [];
    try {
      for (const row of claimed) result[await deliver(row, now, sent)]++;
    } finally {
      await recordSent(sent);
    }
    return result;
  }

  let running: Promise<unknown> | undefined;
  let again = false;
  /** Runs a pass soon (after an event commits); passes never overlap within one process. */
  function kick(): void {
    if (running) {
      again = true;
      return;
    }
    running = runOnce()
      .catch((err) => log(`通知发送失败: ${(err as Error).message}`))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  return {
    runOnce,
    kick,
    /** Resolves when no pass is running (tests, shutdown). */
    async settled(): Promise<void> {
      while (running) await running;
    },
    /** Delivers due messages every NOTIFY_DISPATCH_INTERVAL_SECONDS; returns the stop function. */
    start(): () => void {
      const timer = setInterval(kick, config.notifications.dispatchIntervalSeconds * 1000);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
export type NotificationDispatcher = ReturnType<typeof createNotificationDispatcher>;
