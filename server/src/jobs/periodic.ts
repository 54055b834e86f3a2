import type { Config } from '@baotou/config';
import type { Db } from '../db/client';
import type { NotificationDispatcher } from '../notifications/dispatcher';
import type { TicketNotifier } from '../tickets/notify';
import { runTicketScheduler } from '../tickets/escalation';
import { removeExpiredExports } from '../exports/routes';
import { removeOrphanUploads } from '../uploads/orphans';
import { folderStorage } from '../uploads/storage';
import { defineJob, runEvery } from './queue';

/**
 * The platform's periodic work as singleton jobs on the queue (issue 15): each is enqueued on a
 * timer by every server process, and pg-boss keeps one running and at most one waiting, so with
 * any number of servers a step runs once at a time, and one run per interval slot is stored across
 * them (runEvery: pg-boss' singletonSeconds). Every step is idempotent (a replay with the
 * same clock changes nothing), so a run killed mid-way is simply retried.
 * - tickets.escalate: overdue cases move up, unanswered resolved cases are confirmed (DOMAIN.md §6);
 * - notifications.dispatch: WeChat messages due are sent (rows claimed with SKIP LOCKED);
 * - exports.cleanup: export files past EXPORT_FILE_TTL_HOURS are deleted;
 * - uploads.cleanup: stored files no uploads row references, older than UPLOAD_ORPHAN_HOURS, are deleted.
 */
export function definePeriodicJobs(db: Db, config: Config, deps: { dispatcher: NotificationDispatcher; notifier: TicketNotifier }): void {
  const single = { singletonKey: () => 'periodic', keepCompleted: false, retryLimit: 0 };
  defineJob(
    'tickets.escalate',
    async () => {
      const { moved, confirmed } = await runTicketScheduler(db, config, new Date(), deps.notifier);
      return { moved: moved.length, confirmed: confirmed.length };
    },
    { ...single, title: '工单超时升级' },
  );
  defineJob('notifications.dispatch', () => deps.dispatcher.runOnce(), { ...single, title: '微信通知发送' });
  defineJob('exports.cleanup', async () => ({ removed: removeExpiredExports(config) }), { ...single, title: '清理过期导出文件' });
  defineJob('uploads.cleanup', async () => ({ removed: (await removeOrphanUploads(db, config, folderStorage(config.uploads.dir))).length }), {
    ...single,
    title: '清理无记录的上传文件',
  });
}

/** Starts the timers that enqueue the periodic jobs (main.ts). */
export function schedulePeriodicJobs(config: Config): void {
  runEvery('tickets.escalate', config.tickets.escalationIntervalSeconds);
  runEvery('notifications.dispatch', config.notifications.dispatchIntervalSeconds);
  runEvery('exports.cleanup', 3600);
  runEvery('uploads.cleanup', 3600);
}
