import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import { TransferCheckPage } from './TransferCheckPage';

// 过户交存核验: a page, registered as a read-only resource so it gets a menu entry and canAccess.
export const fundCheck = {
  list: TransferCheckPage,
  icon: FactCheckOutlinedIcon,
};
