import HomeIcon from '@mui/icons-material/Home';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../../common/lazyPage';

export const households = {
  list: lazyPage(() => import('./HouseholdList').then((m) => m.HouseholdList)),
  show: lazyPage(() => import('./HouseholdShow').then((m) => m.HouseholdShow)),
  edit: lazyPage(() => import('./HouseholdEdit').then((m) => m.HouseholdEdit)),
  create: lazyPage(() => import('./HouseholdCreate').then((m) => m.HouseholdCreate)),
  icon: HomeIcon,
  recordRepresentation: (r: RaRecord) => String(r.room),
};
