import RecommendIcon from '@mui/icons-material/Recommend';
import { lazyPage } from '../../common/lazyPage';

export const upgradePlanItems = {
  list: lazyPage(() => import('./PlanItemList').then((m) => m.PlanItemList)),
  icon: RecommendIcon,
  recordRepresentation: 'projectName',
};
