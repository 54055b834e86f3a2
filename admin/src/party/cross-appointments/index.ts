import SyncAltIcon from '@mui/icons-material/SyncAlt';
import { lazyPage } from '../../common/lazyPage';

export const crossAppointments = {
  list: lazyPage(() => import('./CrossList').then((m) => m.CrossList)),
  edit: lazyPage(() => import('./CrossForms').then((m) => m.CrossEdit)),
  create: lazyPage(() => import('./CrossForms').then((m) => m.CrossCreate)),
  icon: SyncAltIcon,
  recordRepresentation: 'memberName',
};
