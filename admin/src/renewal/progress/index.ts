import MapIcon from '@mui/icons-material/Map';
import { lazyPage } from '../../common/lazyPage';

// A dashboard, registered as a read-only resource so it gets a menu entry and canAccess like the others.
export const renewalProgress = {
  list: lazyPage(() => import('./ProgressPage').then((m) => m.ProgressPage)),
  icon: MapIcon,
};
