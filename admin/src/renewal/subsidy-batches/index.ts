import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import type { RaRecord } from 'react-admin';
import { lazyPages } from '../../common/lazyPage';

// The pages load when opened (console budget: admin/scripts/size.mjs); the menu needs only the icon and name.
export const subsidyBatches = {
  ...lazyPages(() => import('./pages').then((m) => m.subsidyBatches), ['list', 'show', 'create']),
  icon: RequestQuoteIcon,
  recordRepresentation: (r: RaRecord) => `${r.districtName ?? ''}${r.year}年度补贴`,
};
