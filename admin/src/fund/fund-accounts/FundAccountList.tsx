import { CreateButton, Datagrid, DateField, ExportButton, List, NumberField, TextField, TopToolbar } from 'react-admin';
import { RefInput, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { YuanField } from '../fields';
import { BankField } from './BankField';

// `q` matches the compound's name or code.
const filters = [
  searchFilter,
  <RegionInput key="regionCode" source="regionCode" label="所属区划" alwaysOn />,
  <RefInput key="compoundId" source="compoundId" reference="compounds" alwaysOn />,
];

const exporter = serverXlsxExporter('fund-accounts');

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
