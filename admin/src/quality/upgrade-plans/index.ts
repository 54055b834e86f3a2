import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import { lazyPage } from '../../common/lazyPage';

export const upgradePlans = {
  list: lazyPage(() => import('./PlanList').then((m) => m.PlanList)),
  show: lazyPage(() => import('./PlanShow').then((m) => m.PlanShow)),
  create: lazyPage(() => import('./PlanCreate').then((m) => m.PlanCreate)),
  icon: TrendingUpIcon,
  recordRepresentation: (r: { regionName?: string; year?: number }) => `${r.regionName ?? ''}${r.year ?? ''}年计划`,
};
