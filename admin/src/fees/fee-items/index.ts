import PriceChangeIcon from '@mui/icons-material/PriceChange';
import { lazyPage } from '../../common/lazyPage';

export const feeItems = {
  list: lazyPage(() => import('./FeeItemList').then((m) => m.FeeItemList)),
  create: lazyPage(() => import('./FeeItemForms').then((m) => m.FeeItemCreate)),
  edit: lazyPage(() => import('./FeeItemForms').then((m) => m.FeeItemEdit)),
  icon: PriceChangeIcon,
  recordRepresentation: 'name',
};
