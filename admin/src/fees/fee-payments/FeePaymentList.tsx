import { Datagrid, DateField, FunctionField, List, SelectField, SelectInput, TextField, type RaRecord } from 'react-admin';
import { RefInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { paymentMethodChoices } from '../choices';
import { YuanField } from '../fields';
import { RefundButton } from './RefundButton';

const filters = [
  searchFilter,
  <RefInput key="compoundId" source="compoundId" reference="compounds" alwaysOn />,
  <SelectInput key="method" source="method" choices={paymentMethodChoices} alwaysOn />,
];

const exporter = serverXlsxExporter('fee-payments');

export const FeePaymentList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick={(_id, _r, record) => (record.receiptId ? `/receipts/${record.receiptId}/show` : false)} bulkActionButtons={false}>
      <TextField source="receiptNo" sortable={false} />
      <TextField source="compoundName" sortable={false} />
      <FunctionField label="房屋" render={(r: RaRecord) => `${r.buildingName}${r.unitName}${r.room}`} />
      <SelectField source="method" choices={paymentMethodChoices} />
      <YuanField source="amountFen" />
      <YuanField source="refundedFen" sortable={false} />
      <TextField source="reference" sortable={false} emptyText="—" />
      <TextField source="recordedByName" sortable={false} emptyText="—" />
      <DateField locales="zh-CN" source="paidAt" showTime />
      <RefundButton />
    </Datagrid>
  </List>
);
