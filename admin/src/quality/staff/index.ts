import BadgeIcon from '@mui/icons-material/Badge';
import { lazyPage } from '../../common/lazyPage';

export const staff = {
  list: lazyPage(() => import('./StaffList').then((m) => m.StaffList)),
  show: lazyPage(() => import('./StaffShow').then((m) => m.StaffShow)),
  edit: lazyPage(() => import('./StaffForms').then((m) => m.StaffEdit)),
  create: lazyPage(() => import('./StaffForms').then((m) => m.StaffCreate)),
  icon: BadgeIcon,
  recordRepresentation: (r: { name: string; staffNo: string }) => `${r.name}（${r.staffNo}）`,
};
