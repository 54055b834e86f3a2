import { Datagrid, DateField, FunctionField, List, SelectField, TextField, type RaRecord } from 'react-admin';
import { RefInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { paymentMethodChoices } from '../choices';
import { YuanField } from '../fields';

const filters = [searchFilter, <RefInput key="compoundId" source="compoundId" reference="compounds" alwaysOn />];
const exporter = serverXlsxExporter('receipts');

export const ReceiptList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="receiptNo" sortable={false} />
      <TextField source="compoundName" sortable={false} />
      <FunctionField label="房屋" render={(r: RaRecord) => `${r.buildingName}${r.unitName}${r.room}`} />
      <YuanField source="amountFen" />
      <SelectField source="method" choices={paymentMethodChoices} sortable={false} />
      <YuanField source="refundedFen" sortable={false} />
      <DateField locales="zh-CN" source="issuedAt" showTime />
    </Datagrid>
  </List>
);
