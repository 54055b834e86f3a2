import DonutLargeIcon from '@mui/icons-material/DonutLarge';
import { CoveragePage } from './CoveragePage';

// A dashboard, registered as a read-only resource so it gets a menu entry and canAccess like the others.
export const renewalCoverage = {
  list: CoveragePage,
  icon: DonutLargeIcon,
};
