import CampaignIcon from '@mui/icons-material/Campaign';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../../common/lazyPage';

// Committees publish from the mini-program; published disclosures are never edited (issue 3).
export const disclosures = {
  list: lazyPage(() => import('./DisclosureList').then((m) => m.DisclosureList)),
  show: lazyPage(() => import('./DisclosureShow').then((m) => m.DisclosureShow)),
  icon: CampaignIcon,
  recordRepresentation: (r: RaRecord) => String(r.title ?? ''),
};
