import FlagIcon from '@mui/icons-material/Flag';
import SpeedIcon from '@mui/icons-material/Speed';
import { lazyPage, lazyPages } from '../common/lazyPage';

// 年度目标看板: a page, registered as a resource so it gets a menu entry and canAccess like the others.
export const kpiDashboard = { list: lazyPage(() => import('./KpiDashboard').then((m) => m.KpiDashboard)), icon: SpeedIcon };
export const kpiTargets = {
  ...lazyPages(() => import('./KpiTargetPages').then((m) => ({ list: m.KpiTargetList, create: m.KpiTargetCreate, edit: m.KpiTargetEdit })), [
    'list',
    'create',
    'edit',
  ] as const),
  icon: FlagIcon,
  recordRepresentation: 'document',
};
