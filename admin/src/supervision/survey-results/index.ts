import InsightsIcon from '@mui/icons-material/Insights';
import { lazyPages } from '../../common/lazyPage';

export const surveyResults = {
  ...lazyPages(() => import('./pages').then((m) => m.surveyResults), ['list']),
  icon: InsightsIcon,
  recordRepresentation: 'compoundName',
};
