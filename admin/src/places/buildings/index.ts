import DomainIcon from '@mui/icons-material/Domain';
import { lazyPage } from '../../common/lazyPage';

export const buildings = {
  list: lazyPage(() => import('./BuildingList').then((m) => m.BuildingList)),
  show: lazyPage(() => import('./BuildingShow').then((m) => m.BuildingShow)),
  edit: lazyPage(() => import('./BuildingEdit').then((m) => m.BuildingEdit)),
  create: lazyPage(() => import('./BuildingCreate').then((m) => m.BuildingCreate)),
  icon: DomainIcon,
  recordRepresentation: 'name',
};
