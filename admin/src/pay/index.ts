import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

// WeChat Pay (issue 13): the console's list of orders, registered in App.tsx.
export const payOrders = {
  list: lazyPage(() => import('./PayOrderList').then((m) => m.PayOrderList)),
  icon: ReceiptLongIcon,
  recordRepresentation: (r: RaRecord) => `订单 ${r.outTradeNo}`,
};
