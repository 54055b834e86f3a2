import InsightsIcon from '@mui/icons-material/Insights';
import { lazyPage } from '../../common/lazyPage';

// A dashboard, registered as a read-only resource so it gets a menu entry and canAccess like the others.
export const committeeFormation = {
  list: lazyPage(() => import('./FormationPage').then((m) => m.FormationPage)),
  icon: InsightsIcon,
};
