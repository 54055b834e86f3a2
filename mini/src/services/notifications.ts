import Taro from '@tarojs/taro';

import { request } from './request';

export type SubscribeTopic = 'ticket' | 'vote' | 'fund';

let templates: Partial<Record<SubscribeTopic, string>> | undefined;
let loading: Promise<void> | undefined;

/** Loads the subscribe-message template ids (server settings) ahead of the tap that needs them. */
export function preloadSubscribeTemplates(): void {
  if (process.env.TARO_ENV === 'h5' || templates || loading) return;
  loading = request<Record<SubscribeTopic, string>>('/mini/notification-templates', { auth: false, loading: false, toast: false })
    .then((t) => {
      templates = t;
    })
    .catch(() => undefined)
    .finally(() => {
      loading = undefined;
    });
}

/**
 * Asks the resident to receive WeChat subscribe messages (订阅消息) on this topic: ticket progress,
 * votes opening and closing, fund charges and bills. WeChat allows it only within a tap, so call it
 * first thing in the tap's handler. The answer never blocks what the resident is doing; on H5 (no
 * WeChat) it does nothing.
 */
export function askSubscription(topic: SubscribeTopic): Promise<void> {
  const id = templates?.[topic];
  if (process.env.TARO_ENV === 'h5' || !id) return Promise.resolve();
  return Taro.requestSubscribeMessage({ tmplIds: [id], entityIds: [] } as never)
    .then(() => undefined)
    .catch(() => undefined);
}
