import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../../common/lazyPage';

export const bills = {
  list: lazyPage(() => import('./BillList').then((m) => m.BillList)),
  show: lazyPage(() => import('./BillShow').then((m) => m.BillShow)),
  icon: RequestQuoteIcon,
  recordRepresentation: (r: RaRecord) => `账单 #${r.id}`,
};
