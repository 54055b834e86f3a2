import { CreateButton, Datagrid, DateField, ExportButton, List, NumberField, TextField, TopToolbar } from 'react-admin';
import { RefInput, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { xlsxExporter } from '../../common/xlsxExporter';
import { YuanField } from '../fields';
import { fenColumns } from '../exportFen';
import { BankField } from './BankField';

// `q` matches the compound's name or code.
const filters = [
  searchFilter,
  <RegionInput key="regionCode" source="regionCode" label="所属区划" alwaysOn />,
  <RefInput key="compoundId" source="compoundId" reference="compounds" alwaysOn />,
];

const exporter = fenColumns(
  xlsxExporter('fund-accounts', {
    fields: ['id', 'compoundName', 'regionCode', 'bankName', 'accountNo', 'balanceFen', 'ledgerCount', 'firstDepositOwedCount', 'topUpDueCount', 'createdAt'],
    references: [{ field: 'regionCode', resource: 'regions' }],
    numeric: ['balanceFen'],
  }),
  ['balanceFen'],
);

const actions = (
  <TopToolbar>
    <CreateButton label="开设专户" />
    <ExportButton />
  </TopToolbar>
);

export const FundAccountList = () => (
  <List filters={filters} exporter={exporter} actions={actions} sort={{ field: 'id', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="compoundName" sortBy="compoundId" />
      <RegionField source="regionCode" sortable={false} />
      <BankField source="bankName" sortable={false} />
      <BankField source="accountNo" sortable={false} />
      <YuanField source="balanceFen" />
      <NumberField source="ledgerCount" sortable={false} />
      <NumberField source="firstDepositOwedCount" sortable={false} />
      <NumberField source="topUpDueCount" sortable={false} />
      <DateField locales="zh-CN" source="createdAt" sortable={false} />
    </Datagrid>
  </List>
);
