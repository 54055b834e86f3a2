import { Datagrid, List, NullableBooleanInput, SelectInput, TextField, BooleanField } from 'react-admin';
import { RefInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { YuanField } from '../fields';
import { ledgerStatusChoices } from '../choices';
import { LedgerStatusField } from './LedgerStatusField';

// `q` searches the room number; 状态 finds the homes owing their first deposit or a top-up.
const filters = [
  searchFilter,
  <RefInput key="compoundId" source="compoundId" reference="compounds" alwaysOn />,
  <SelectInput key="status" source="status" choices={ledgerStatusChoices} alwaysOn />,
  <NullableBooleanInput key="topUpDue" source="topUpDue" />,
  <RefInput key="accountId" source="accountId" reference="fund-accounts" optionText="compoundName" />,
  <RefInput key="householdId" source="householdId" reference="households" optionText="room" />,
];

const exporter = serverXlsxExporter('fund-ledgers');

export const FundLedgerList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="buildingName" sortable={false} />
      <TextField source="unitName" sortable={false} emptyText="—" />
      <TextField source="room" sortable={false} />
      <TextField source="area" sortable={false} textAlign="right" />
      <TextField source="ownerName" sortable={false} emptyText="—" />
      <BooleanField source="developerUnsold" sortable={false} />
      <YuanField source="firstDepositFen" />
      <YuanField source="earnedFen" sortable={false} />
      <YuanField source="usedFen" sortable={false} />
      <YuanField source="balanceFen" />
      <YuanField source="firstDepositOwedFen" sortable={false} />
      <LedgerStatusField label="resources.fund-ledgers.fields.status" />
    </Datagrid>
  </List>
);
