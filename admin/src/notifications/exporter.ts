import type { Exporter, RaRecord } from 'react-admin';
import { NOTIFICATION_KIND_LABELS, type NotificationKind } from '@baotou/shared';
import { downloadXlsx } from '../common/xlsxDownload';
import { F } from './choices';

const when = (iso: unknown) => (typeof iso === 'string' ? new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : '');

/** The person's own notifications as listed, to 通知.xlsx (no personal data of others: not an audited export). */
export const notificationsExporter: Exporter = async (records: RaRecord[]) => {
  const header = [F.createdAt, F.kind, F.title, F.body, F.readAt];
  const rows = records.map((r) => [when(r.createdAt), NOTIFICATION_KIND_LABELS[r.kind as NotificationKind] ?? '', r.title, r.body, r.readAt ? '已读' : '未读']);
  await downloadXlsx('通知.xlsx', [{ name: '通知', rows: [header, ...rows] }]);
};
