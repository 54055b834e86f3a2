import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import { lazyPage } from '../../common/lazyPage';

// 过户交存核验: a page, registered as a read-only resource so it gets a menu entry and canAccess.
export const fundCheck = {
  list: lazyPage(() => import('./TransferCheckPage').then((m) => m.TransferCheckPage)),
  icon: FactCheckOutlinedIcon,
};
