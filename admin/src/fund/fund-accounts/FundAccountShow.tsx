import { Box, Divider } from '@mui/material';
import { DateField, EditButton, Link, NumberField, ReferenceField, Show, SimpleShowLayout, TopToolbar, useRecordContext } from 'react-admin';
import { RegionField } from '../../common/fields';
import { YuanField } from '../fields';
import { AllocateEarningsButton } from './AllocateEarningsButton';
import { BankField } from './BankField';
import { DepositButton } from './DepositButton';
import { Reconciliation } from './Reconciliation';

const LedgersLink = () => {
  const r = useRecordContext();
  if (!r) return null;
  const filter = encodeURIComponent(JSON.stringify({ accountId: r.id }));
  const due = encodeURIComponent(JSON.stringify({ accountId: r.id, status: 'top_up_due' }));
  const owed = encodeURIComponent(JSON.stringify({ accountId: r.id, status: 'first_deposit_owed' }));
  return (
    <Box sx={{ display: 'flex', gap: 2 }}>
      <Link to={`/fund-ledgers?filter=${filter}`}>查看分户账</Link>
      <Link to={`/fund-ledgers?filter=${owed}`} data-testid="first-deposit-owed">{`未首次交存 ${r.firstDepositOwedCount ?? 0} 户`}</Link>
      <Link to={`/fund-ledgers?filter=${due}`}>{`待续交 ${r.topUpDueCount ?? 0} 户`}</Link>
      <Link to={`/fund-entries?filter=${filter}`}>查看流水</Link>
    </Box>
  );
};

export const FundAccountShow = () => (
  <Show
    actions={
      <TopToolbar>
        <DepositButton />
        <AllocateEarningsButton />
        <EditButton label="登记开户银行" />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <ReferenceField source="compoundId" reference="compounds" />
      <RegionField source="regionCode" />
      <BankField source="bankName" />
      <BankField source="accountNo" />
      <YuanField source="balanceFen" />
      <NumberField source="ledgerCount" />
      <NumberField source="firstDepositOwedCount" />
      <NumberField source="topUpDueCount" />
      <DateField locales="zh-CN" source="createdAt" />
      <LedgersLink />
    </SimpleShowLayout>
    <Divider />
    <Box sx={{ p: 2 }}>
      <Reconciliation />
    </Box>
  </Show>
);
