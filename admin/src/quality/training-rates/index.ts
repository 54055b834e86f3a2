import InsightsIcon from '@mui/icons-material/Insights';
import { TrainingRatesPage } from './TrainingRatesPage';

// A page, registered as a resource so it gets a menu entry and canAccess like the others.
export const trainingRates = { list: TrainingRatesPage, icon: InsightsIcon };
