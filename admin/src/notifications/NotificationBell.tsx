import { Badge, IconButton, Tooltip } from '@mui/material';
import NotificationsIcon from '@mui/icons-material/Notifications';
import { Link, useCanAccess, useGetList } from 'react-admin';

const UNREAD = { unread: true };

/** The app bar's bell: the count of unread notifications (refreshed every 30 s), linking to them. */
export const NotificationBell = () => {
  const { canAccess } = useCanAccess({ resource: 'notifications', action: 'list' });
  const { total } = useGetList(
    'notifications',
    { pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'DESC' }, filter: UNREAD },
    { enabled: !!canAccess, refetchInterval: 30_000 },
  );
  if (!canAccess) return null;
  const count = total ?? 0;
  return (
    <Tooltip title={count ? `${count} 条未读通知` : '通知'}>
      <IconButton
        color="inherit"
        component={Link}
        to={`/notifications?filter=${encodeURIComponent(JSON.stringify(UNREAD))}`}
        aria-label="通知"
        data-testid="notification-bell"
      >
        <Badge badgeContent={count} color="error" max={99} data-testid="notification-count">
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
};
