import SentimentSatisfiedIcon from '@mui/icons-material/SentimentSatisfiedAlt';
import { lazyPages } from '../../common/lazyPage';

// Pages load when opened (console budget: admin/scripts/size.mjs).
export const surveys = {
  ...lazyPages(() => import('./pages').then((m) => m.surveys), ['list', 'show', 'create']),
  icon: SentimentSatisfiedIcon,
  recordRepresentation: 'title',
};
