import ViewModuleIcon from '@mui/icons-material/ViewModule';
import { lazyPage } from '../../common/lazyPage';

export const units = {
  list: lazyPage(() => import('./UnitList').then((m) => m.UnitList)),
  show: lazyPage(() => import('./UnitShow').then((m) => m.UnitShow)),
  edit: lazyPage(() => import('./UnitEdit').then((m) => m.UnitEdit)),
  create: lazyPage(() => import('./UnitCreate').then((m) => m.UnitCreate)),
  icon: ViewModuleIcon,
  recordRepresentation: 'name',
};
