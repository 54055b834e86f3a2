import ApartmentIcon from '@mui/icons-material/Apartment';
import { lazyPage } from '../../common/lazyPage';

export const compounds = {
  list: lazyPage(() => import('./CompoundList').then((m) => m.CompoundList)),
  show: lazyPage(() => import('./CompoundShow').then((m) => m.CompoundShow)),
  edit: lazyPage(() => import('./CompoundEdit').then((m) => m.CompoundEdit)),
  create: lazyPage(() => import('./CompoundCreate').then((m) => m.CompoundCreate)),
  icon: ApartmentIcon,
  recordRepresentation: 'name',
};
