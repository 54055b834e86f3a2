import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import { lazyPages } from '../../common/lazyPage';

export const creditRatings = {
  ...lazyPages(() => import('./CreditRatingPages'), ['list', 'show'] as const),
  icon: WorkspacePremiumIcon,
  recordRepresentation: 'companyName',
};
