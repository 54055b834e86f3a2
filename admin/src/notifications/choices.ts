import { NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS } from '@baotou/shared';

export const kindChoices = NOTIFICATION_KINDS.map((id) => ({ id, name: NOTIFICATION_KIND_LABELS[id] }));

export const F: Record<string, string> = {
  createdAt: '时间',
  kind: '类别',
  title: '标题',
  body: '内容',
  readAt: '阅读状态',
  unread: '仅看未读',
};

/** Where a notification leads in the console: its own link when it is a console route. */
export const consoleLink = (link: unknown): string | undefined => (typeof link === 'string' && link.startsWith('/') ? link : undefined);
