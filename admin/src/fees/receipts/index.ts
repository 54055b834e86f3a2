import ReceiptIcon from '@mui/icons-material/Receipt';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../../common/lazyPage';

export const receipts = {
  list: lazyPage(() => import('./ReceiptList').then((m) => m.ReceiptList)),
  show: lazyPage(() => import('./ReceiptShow').then((m) => m.ReceiptShow)),
  icon: ReceiptIcon,
  recordRepresentation: (r: RaRecord) => `收据 ${r.receiptNo}`,
};
