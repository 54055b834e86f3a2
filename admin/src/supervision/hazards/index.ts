import ReportProblemIcon from '@mui/icons-material/ReportProblemOutlined';
import { lazyPage } from '../../common/lazyPage';

export const hazards = {
  list: lazyPage(() => import('./HazardList').then((m) => m.HazardList)),
  show: lazyPage(() => import('./HazardShow').then((m) => m.HazardShow)),
  icon: ReportProblemIcon,
  recordRepresentation: 'description',
};
