import HandymanIcon from '@mui/icons-material/Handyman';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../../common/lazyPage';

// Applications change only through their workflow actions (submit, review, supervise, accept, disburse).
export const fundApplications = {
  list: lazyPage(() => import('./FundApplicationList').then((m) => m.FundApplicationList)),
  show: lazyPage(() => import('./FundApplicationShow').then((m) => m.FundApplicationShow)),
  create: lazyPage(() => import('./FundApplicationCreate').then((m) => m.FundApplicationCreate)),
  icon: HandymanIcon,
  recordRepresentation: (r: RaRecord) => String(r.title ?? ''),
};
