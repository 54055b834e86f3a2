import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import type { RaRecord } from 'react-admin';
import { FundAccountCreate } from './FundAccountCreate';
import { FundAccountEdit } from './FundAccountEdit';
import { FundAccountList } from './FundAccountList';
import { FundAccountShow } from './FundAccountShow';

// Accounts open with the compound's registration (or by 开设专户 for an older compound without one);
// the console records the bank's details, reads balances and posts deposits and earnings.
export const fundAccounts = {
  list: FundAccountList,
  show: FundAccountShow,
  create: FundAccountCreate,
  edit: FundAccountEdit,
  icon: AccountBalanceIcon,
  recordRepresentation: (r: RaRecord) => String(r.compoundName ?? r.accountNo ?? ''),
};
