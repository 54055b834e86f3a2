import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../../common/lazyPage';

export const billingRuns = {
  list: lazyPage(() => import('./BillingRunList').then((m) => m.BillingRunList)),
  create: lazyPage(() => import('./BillingRunForms').then((m) => m.BillingRunCreate)),
  show: lazyPage(() => import('./BillingRunForms').then((m) => m.BillingRunShow)),
  icon: PlaylistAddCheckIcon,
  recordRepresentation: (r: RaRecord) => `${r.period} 计费批次 #${r.id}`,
};
