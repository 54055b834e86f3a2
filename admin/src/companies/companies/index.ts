import BusinessIcon from '@mui/icons-material/Business';
import { lazyPage } from '../../common/lazyPage';

export const companies = {
  list: lazyPage(() => import('./CompanyList').then((m) => m.CompanyList)),
  show: lazyPage(() => import('./CompanyShow').then((m) => m.CompanyShow)),
  edit: lazyPage(() => import('./CompanyEdit').then((m) => m.CompanyEdit)),
  create: lazyPage(() => import('./CompanyCreate').then((m) => m.CompanyCreate)),
  icon: BusinessIcon,
  recordRepresentation: 'name',
};
