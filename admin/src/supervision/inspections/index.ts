import FactCheckIcon from '@mui/icons-material/FactCheckOutlined';
import { lazyPage } from '../../common/lazyPage';

export const inspections = {
  list: lazyPage(() => import('./InspectionList').then((m) => m.InspectionList)),
  show: lazyPage(() => import('./InspectionShow').then((m) => m.InspectionShow)),
  create: lazyPage(() => import('./InspectionCreate').then((m) => m.InspectionCreate)),
  icon: FactCheckIcon,
  recordRepresentation: (r: { compoundName?: string; id?: number }) => `${r.compoundName ?? ''} #${r.id ?? ''}`,
};
