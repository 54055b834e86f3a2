import PaymentsIcon from '@mui/icons-material/Payments';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../../common/lazyPage';

export const feePayments = {
  list: lazyPage(() => import('./FeePaymentList').then((m) => m.FeePaymentList)),
  create: lazyPage(() => import('./FeePaymentCreate').then((m) => m.FeePaymentCreate)),
  icon: PaymentsIcon,
  recordRepresentation: (r: RaRecord) => `收据 ${r.receiptNo}`,
};
