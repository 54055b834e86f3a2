import InsightsIcon from '@mui/icons-material/Insights';
import { FormationPage } from './FormationPage';

// A dashboard, registered as a read-only resource so it gets a menu entry and canAccess like the others.
export const committeeFormation = {
  list: FormationPage,
  icon: InsightsIcon,
};
