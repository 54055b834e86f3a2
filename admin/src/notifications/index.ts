import NotificationsIcon from '@mui/icons-material/Notifications';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

export { NotificationBell } from './NotificationBell';

// Staff see what reached their queue (issue 16 §4); the server shows each person only their own.
export const notifications = {
  list: lazyPage(() => import('./NotificationList').then((m) => m.NotificationList)),
  icon: NotificationsIcon,
  options: { label: '我的通知' },
  recordRepresentation: (r: RaRecord) => String(r.title ?? '通知'),
};
