import MenuBookIcon from '@mui/icons-material/MenuBook';
import type { RaRecord } from 'react-admin';
import { FundLedgerList } from './FundLedgerList';
import { FundLedgerShow } from './FundLedgerShow';

// One sub-ledger per household (分户账); balances move only through postings.
export const fundLedgers = {
  list: FundLedgerList,
  show: FundLedgerShow,
  icon: MenuBookIcon,
  recordRepresentation: (r: RaRecord) => `${r.buildingName ?? ''}${r.unitName ?? ''} ${r.room ?? ''}`.trim(),
};
