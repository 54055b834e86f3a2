import { Box, Divider, Typography } from '@mui/material';
import {
  BooleanField,
  Datagrid,
  DateField,
  Labeled,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';
import { EnumField, RegionField } from '../../common/fields';
import { entryKindChoices, payerLabels } from '../choices';
import { YuanField } from '../fields';
import { ReverseButton } from '../fund-entries/ReverseButton';
import { LedgerStatusField } from './LedgerStatusField';
import { RefundButton } from './RefundButton';
import { ReferenceTextField } from '../journal';

const payerChoices = Object.entries(payerLabels).map(([id, name]) => ({ id, name }));

/** A household's sub-ledger: the running totals, then every posting in order (the journal). */
export const FundLedgerShow = () => (
  <Show
    actions={
      <TopToolbar>
        <RefundButton />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <ReferenceField source="compoundId" reference="compounds" />
      <ReferenceField source="householdId" reference="households" />
      <TextField source="buildingName" />
      <TextField source="unitName" emptyText="—" />
      <TextField source="room" />
      <TextField source="area" />
      <TextField source="ownerName" emptyText="—" />
      <BooleanField source="developerUnsold" />
      <YuanField source="firstDepositFen" textAlign="left" />
      <YuanField source="depositedFen" textAlign="left" />
      <YuanField source="earnedFen" textAlign="left" />
      <YuanField source="usedFen" textAlign="left" />
      <YuanField source="balanceFen" textAlign="left" />
      <YuanField source="firstDepositOwedFen" textAlign="left" />
      <Labeled label="resources.fund-ledgers.fields.status">
        <LedgerStatusField />
      </Labeled>
      <RegionField source="regionCode" />
    </SimpleShowLayout>
    <Divider />
    <Box sx={{ p: 2 }}>
      <Typography variant="h6">分户账流水</Typography>
      <ReferenceManyField reference="fund-entries" target="ledgerId" sort={{ field: 'id', order: 'DESC' }} perPage={20} pagination={<Pagination />}>
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<Typography color="text.secondary">暂无流水</Typography>}>
          <TextField source="id" />
          <DateField locales="zh-CN" source="postedAt" showTime />
          <EnumField source="kind" choices={entryKindChoices} />
          <YuanField source="amountFen" signed />
          <YuanField source="balanceAfterFen" />
          <EnumField source="payer" choices={payerChoices} />
          <ReferenceTextField source="reference" />
          <TextField source="memo" emptyText="—" />
          <TextField source="reversesId" emptyText="—" />
          <ReverseButton />
        </Datagrid>
      </ReferenceManyField>
    </Box>
  </Show>
);
