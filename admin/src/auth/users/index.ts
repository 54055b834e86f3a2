import PeopleIcon from '@mui/icons-material/People';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../../common/lazyPage';

export const users = {
  list: lazyPage(() => import('./UserList').then((m) => m.UserList)),
  show: lazyPage(() => import('./UserShow').then((m) => m.UserShow)),
  edit: lazyPage(() => import('./UserEdit').then((m) => m.UserEdit)),
  create: lazyPage(() => import('./UserCreate').then((m) => m.UserCreate)),
  icon: PeopleIcon,
  recordRepresentation: (r: RaRecord) => `${r.name}（${r.username}）`,
};
