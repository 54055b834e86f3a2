import RateReviewIcon from '@mui/icons-material/RateReview';
import { lazyPages } from '../../common/lazyPage';

export const creditObjections = {
  ...lazyPages(() => import('./CreditObjectionPages'), ['list', 'show'] as const),
  icon: RateReviewIcon,
  recordRepresentation: 'companyName',
};
