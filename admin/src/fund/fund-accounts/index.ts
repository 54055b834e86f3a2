import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import type { RaRecord } from 'react-admin';
import { FundAccountList } from './FundAccountList';
import { FundAccountShow } from './FundAccountShow';

// Accounts are opened with the compound's registration; the console reads them and posts deposits and earnings.
export const fundAccounts = {
  list: FundAccountList,
  show: FundAccountShow,
  icon: AccountBalanceIcon,
  recordRepresentation: (r: RaRecord) => String(r.compoundName ?? r.accountNo ?? ''),
};
