import CampaignIcon from '@mui/icons-material/Campaign';
import type { RaRecord } from 'react-admin';
import { DisclosureList } from './DisclosureList';
import { DisclosureShow } from './DisclosureShow';

// Committees publish from the mini-program; published disclosures are never edited (issue 3).
export const disclosures = {
  list: DisclosureList,
  show: DisclosureShow,
  icon: CampaignIcon,
  recordRepresentation: (r: RaRecord) => String(r.title ?? ''),
};
