import {
  BooleanField,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NullableBooleanInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  type RaRecord,
} from 'react-admin';
import { RefInput } from '../common/fields';
import { serverXlsxExporter } from '../common/serverExport';
import { YuanField } from '../fees/fields';
import { payOrderPurposeChoices, payOrderStatusChoices } from './choices';
import { RefundUnpostedButton } from './RefundUnpostedButton';

const filters = [
  <TextInput key="q" source="q" label="商户订单号或微信支付订单号" alwaysOn />,
  <NullableBooleanInput key="awaitingRefund" source="awaitingRefund" trueLabel="是" falseLabel="否" nullLabel="全部" alwaysOn />,
  <SelectInput key="status" source="status" choices={payOrderStatusChoices} alwaysOn />,
  <SelectInput key="purpose" source="purpose" choices={payOrderPurposeChoices} />,
  <RefInput key="compoundId" source="compoundId" reference="compounds" />,
];

const exporter = serverXlsxExporter('pay-orders');

/** WeChat Pay orders; opens on those paid at WeChat that the books could not take and not yet refunded. */
export const PayOrderList = () => (
  <List filters={filters} filterDefaultValues={{ awaitingRefund: true }} exporter={exporter} sort={{ field: 'id', order: 'DESC' }} perPage={25}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="outTradeNo" sortable={false} />
      <SelectField source="purpose" choices={payOrderPurposeChoices} sortable={false} />
      <TextField source="compoundName" sortable={false} />
      <FunctionField label="房屋" render={(r: RaRecord) => `${r.buildingName ?? ''}${r.unitName ?? ''}${r.room ?? ''}`} />
      <YuanField source="amountFen" />
      <YuanField source="refundedFen" sortable={false} />
      <SelectField source="status" choices={payOrderStatusChoices} />
      <BooleanField source="awaitingRefund" sortable={false} looseValue />
      <TextField source="transactionId" sortable={false} emptyText="—" />
      <DateField locales="zh-CN" source="createdAt" showTime />
      <DateField locales="zh-CN" source="paidAt" showTime emptyText="—" />
      <RefundUnpostedButton />
    </Datagrid>
  </List>
);
