import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../../common/lazyPage';

// Accounts open with the compound's registration (or by 开设专户 for an older compound without one);
// the console records the bank's details, reads balances and posts deposits and earnings.
export const fundAccounts = {
  list: lazyPage(() => import('./FundAccountList').then((m) => m.FundAccountList)),
  show: lazyPage(() => import('./FundAccountShow').then((m) => m.FundAccountShow)),
  create: lazyPage(() => import('./FundAccountCreate').then((m) => m.FundAccountCreate)),
  edit: lazyPage(() => import('./FundAccountEdit').then((m) => m.FundAccountEdit)),
  icon: AccountBalanceIcon,
  recordRepresentation: (r: RaRecord) => String(r.compoundName ?? r.accountNo ?? ''),
};
