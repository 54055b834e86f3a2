import { Datagrid, DateField, FunctionField, List, SelectField, SelectInput, TextField, type RaRecord } from 'react-admin';
import { RefInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { billPayerChoices, billStatusChoices, overdueChoices } from '../choices';
import { YuanField } from '../fields';
import { ReverseBillButton } from './ReverseBillButton';

const filters = [
  searchFilter,
  <RefInput key="compoundId" source="compoundId" reference="compounds" alwaysOn />,
  <RefInput key="buildingId" source="buildingId" reference="buildings" />,
  <SelectInput key="status" source="status" choices={billStatusChoices} alwaysOn />,
  <SelectInput key="minOverdueDays" source="minOverdueDays" choices={overdueChoices} alwaysOn />,
  <SelectInput key="payer" source="payer" choices={billPayerChoices} />,
];

const exporter = serverXlsxExporter('bills');

/** Arrears by building and age: filter a compound, a building and 逾期 3/6/12 months; sort by amount. */
export const BillList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'periodStart', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="id" />
      <TextField source="compoundName" sortable={false} />
      <FunctionField label="房屋" render={(r: RaRecord) => `${r.buildingName}${r.unitName}${r.room}`} />
      <TextField source="feeItemName" sortable={false} />
      <FunctionField source="periodStart" render={(r: RaRecord) => `${r.periodStart} 至 ${r.periodEnd}`} />
      <YuanField source="amountFen" />
      <YuanField source="paidFen" />
      <YuanField source="owedFen" sortable={false} />
      <SelectField source="status" choices={billStatusChoices} />
      <SelectField source="payer" choices={billPayerChoices} sortable={false} />
      <DateField locales="zh-CN" source="dueOn" />
      <FunctionField source="overdueDays" sortable={false} render={(r: RaRecord) => (r.overdueDays > 0 ? `${r.overdueDays} 天` : '—')} />
      <ReverseBillButton />
    </Datagrid>
  </List>
);
