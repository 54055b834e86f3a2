import DonutLargeIcon from '@mui/icons-material/DonutLarge';
import { lazyPage } from '../../common/lazyPage';

// A dashboard, registered as a read-only resource so it gets a menu entry and canAccess like the others.
export const renewalCoverage = {
  list: lazyPage(() => import('./CoveragePage').then((m) => m.CoveragePage)),
  icon: DonutLargeIcon,
};
