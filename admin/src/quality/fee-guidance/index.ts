import PriceChangeIcon from '@mui/icons-material/PriceChange';
import { lazyPage } from '../../common/lazyPage';

export const feeGuidance = {
  list: lazyPage(() => import('./FeeGuidanceList').then((m) => m.FeeGuidanceList)),
  edit: lazyPage(() => import('./FeeGuidanceForms').then((m) => m.FeeGuidanceEdit)),
  create: lazyPage(() => import('./FeeGuidanceForms').then((m) => m.FeeGuidanceCreate)),
  icon: PriceChangeIcon,
  recordRepresentation: 'levelName',
};
