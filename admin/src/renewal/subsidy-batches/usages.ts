import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { lazyPages } from '../../common/lazyPage';

// The pages load when opened (console budget: admin/scripts/size.mjs); the menu needs only the icon and name.
export const subsidyUsages = {
  ...lazyPages(() => import('./usagePages').then((m) => m.subsidyUsages), ['list', 'create']),
  icon: ReceiptLongIcon,
};
