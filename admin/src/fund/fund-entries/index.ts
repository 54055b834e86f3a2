import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../../common/lazyPage';

// The journal is read only: posted entries are never edited; a correction is a reversing entry.
export const fundEntries = {
  list: lazyPage(() => import('./FundEntryList').then((m) => m.FundEntryList)),
  icon: ReceiptLongIcon,
  recordRepresentation: (r: RaRecord) => `#${r.id}`,
};
