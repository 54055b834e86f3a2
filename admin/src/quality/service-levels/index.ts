import MilitaryTechIcon from '@mui/icons-material/MilitaryTech';
import { lazyPage } from '../../common/lazyPage';

export const serviceLevels = {
  list: lazyPage(() => import('./ServiceLevelList').then((m) => m.ServiceLevelList)),
  edit: lazyPage(() => import('./ServiceLevelForms').then((m) => m.ServiceLevelEdit)),
  create: lazyPage(() => import('./ServiceLevelForms').then((m) => m.ServiceLevelCreate)),
  icon: MilitaryTechIcon,
  recordRepresentation: 'name',
};
