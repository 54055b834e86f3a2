import InsightsIcon from '@mui/icons-material/Insights';
import { lazyPage } from '../../common/lazyPage';

// A page, registered as a resource so it gets a menu entry and canAccess like the others.
export const trainingRates = { list: lazyPage(() => import('./TrainingRatesPage').then((m) => m.TrainingRatesPage)), icon: InsightsIcon };
