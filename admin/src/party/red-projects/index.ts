import StarsIcon from '@mui/icons-material/Stars';
import { lazyPage } from '../../common/lazyPage';

export const redProjects = {
  list: lazyPage(() => import('./RedList').then((m) => m.RedList)),
  edit: lazyPage(() => import('./RedForms').then((m) => m.RedEdit)),
  create: lazyPage(() => import('./RedForms').then((m) => m.RedCreate)),
  icon: StarsIcon,
  recordRepresentation: 'designation',
};
