import PersonIcon from '@mui/icons-material/Person';
import { lazyPage } from '../../common/lazyPage';

export const owners = {
  list: lazyPage(() => import('./OwnerList').then((m) => m.OwnerList)),
  show: lazyPage(() => import('./OwnerShow').then((m) => m.OwnerShow)),
  edit: lazyPage(() => import('./OwnerEdit').then((m) => m.OwnerEdit)),
  create: lazyPage(() => import('./OwnerCreate').then((m) => m.OwnerCreate)),
  icon: PersonIcon,
  recordRepresentation: 'name',
};
