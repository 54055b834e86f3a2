import MapIcon from '@mui/icons-material/Map';
import { lazyPage } from '../../common/lazyPage';

export const regions = {
  list: lazyPage(() => import('./RegionList').then((m) => m.RegionList)),
  show: lazyPage(() => import('./RegionShow').then((m) => m.RegionShow)),
  edit: lazyPage(() => import('./RegionEdit').then((m) => m.RegionEdit)),
  create: lazyPage(() => import('./RegionCreate').then((m) => m.RegionCreate)),
  icon: MapIcon,
  recordRepresentation: 'name',
};
