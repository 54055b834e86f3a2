import MenuBookIcon from '@mui/icons-material/MenuBook';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../../common/lazyPage';

// One sub-ledger per household (分户账); balances move only through postings.
export const fundLedgers = {
  list: lazyPage(() => import('./FundLedgerList').then((m) => m.FundLedgerList)),
  show: lazyPage(() => import('./FundLedgerShow').then((m) => m.FundLedgerShow)),
  icon: MenuBookIcon,
  recordRepresentation: (r: RaRecord) => `${r.buildingName ?? ''}${r.unitName ?? ''} ${r.room ?? ''}`.trim(),
};
