import { Datagrid, List, NullableBooleanInput, TextField, BooleanField } from 'react-admin';
import { RefInput, searchFilter } from '../../common/fields';
import { xlsxExporter } from '../../common/xlsxExporter';
import { fenColumns } from '../exportFen';
import { YuanField } from '../fields';
import { TopUpDueField } from './TopUpDueField';

// `q` searches the room number; 需续交 finds the households to ask for a top-up.
const filters = [
  searchFilter,
  <RefInput key="compoundId" source="compoundId" reference="compounds" alwaysOn />,
  <NullableBooleanInput key="topUpDue" source="topUpDue" alwaysOn />,
  <RefInput key="accountId" source="accountId" reference="fund-accounts" optionText="compoundName" />,
  <RefInput key="householdId" source="householdId" reference="households" optionText="room" />,
];

const FEN = ['firstDepositFen', 'depositedFen', 'earnedFen', 'usedFen', 'balanceFen'];

const exporter = fenColumns(
  xlsxExporter('fund-ledgers', {
    fields: ['id', 'compoundId', 'buildingName', 'unitName', 'room', 'area', 'ownerName', 'developerUnsold', ...FEN, 'topUpDue'],
    references: [{ field: 'compoundId', resource: 'compounds' }],
    numeric: ['area', ...FEN],
  }),
  FEN,
);

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
      <TopUpDueField label="resources.fund-ledgers.fields.topUpDue" />
    </Datagrid>
  </List>
);
