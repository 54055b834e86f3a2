import MapIcon from '@mui/icons-material/Map';
import { ProgressPage } from './ProgressPage';

// A dashboard, registered as a read-only resource so it gets a menu entry and canAccess like the others.
export const renewalProgress = {
  list: ProgressPage,
  icon: MapIcon,
};
