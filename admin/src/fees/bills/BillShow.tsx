import { DateField, FunctionField, NumberField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar, type RaRecord } from 'react-admin';
import { billPayerChoices, billStatusChoices, feeItemKindChoices } from '../choices';
import { YuanField } from '../fields';
import { ReverseBillButton } from './ReverseBillButton';

export const BillShow = () => (
  <Show
    actions={
      <TopToolbar>
        <ReverseBillButton />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <TextField source="id" />
      <TextField source="compoundName" />
      <FunctionField label="房屋" render={(r: RaRecord) => `${r.buildingName}${r.unitName}${r.room}`} />
      <TextField source="companyName" />
      <TextField source="feeItemName" />
      <SelectField source="feeItemKind" choices={feeItemKindChoices} />
      <FunctionField source="periodStart" render={(r: RaRecord) => `${r.periodStart} 至 ${r.periodEnd}（${r.months} 个月）`} />
      <FunctionField source="areaCenti" render={(r: RaRecord) => (r.areaCenti == null ? '—' : `${(Number(r.areaCenti) / 100).toFixed(2)} ㎡`)} />
      <YuanField source="amountFen" />
      <YuanField source="paidFen" />
      <YuanField source="owedFen" />
      <SelectField source="status" choices={billStatusChoices} />
      <SelectField source="payer" choices={billPayerChoices} />
      <DateField locales="zh-CN" source="dueOn" />
      <NumberField source="overdueDays" />
      <TextField source="reverseReason" emptyText="—" />
      <DateField locales="zh-CN" source="reversedAt" showTime emptyText="—" />
      <DateField locales="zh-CN" source="createdAt" showTime />
    </SimpleShowLayout>
  </Show>
);
