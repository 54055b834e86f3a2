import { Create, Datagrid, DateField, DateInput, List, SelectInput, SimpleForm, TextField, TextInput, maxLength, required } from 'react-admin';
import { EnumField, RefInput } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { YuanField, YuanInput } from '../../fund/fields';
import { formatYuan, parseYuan } from '../../fund/money';
import { subsidyUsageCategoryChoices } from '../areasChoices';

// 五(四): each company records how the paid subsidy was used — facilities, greening, roads — within the paid amount.
const filters = [
  <SelectInput key="category" source="category" choices={subsidyUsageCategoryChoices} alwaysOn />,
  <RefInput key="compoundId" source="compoundId" reference="compounds" />,
];
const exporter = serverXlsxExporter('subsidy-usages');

const UsageList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'DESC' }}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="compoundName" sortable={false} />
      <EnumField source="category" choices={subsidyUsageCategoryChoices} sortable={false} />
      <YuanField source="amountFen" />
      <DateField source="spentOn" locales="zh-CN" />
      <TextField source="note" emptyText="—" sortable={false} />
    </Datagrid>
  </List>
);

const UsageCreate = () => (
  <Create
    redirect="list"
    transform={(v: { lineId: number; category: string; amountYuan: string; spentOn: string; note?: string }) => ({
      lineId: v.lineId,
      category: v.category,
      amountFen: parseYuan(v.amountYuan),
      spentOn: v.spentOn,
      note: v.note?.trim() || null,
    })}
  >
    <SimpleForm>
      <RefInput
        source="lineId"
        reference="subsidy-lines"
        filter={{}}
        optionText={(r) => `${r.compoundName} 补贴 ${formatYuan(r.totalFen)} 元（已登记 ${formatYuan(r.usedFen)} 元）`}
        validate={required('请选择已拨付的补贴')}
      />
      <SelectInput source="category" choices={subsidyUsageCategoryChoices} validate={required('请选择用途')} />
      <YuanInput source="amountYuan" label="金额（元）" />
      <DateInput source="spentOn" validate={required('请填写使用日期')} />
      <TextInput source="note" fullWidth validate={maxLength(200, '说明最多200字')} />
    </SimpleForm>
  </Create>
);

export const subsidyUsages = { list: UsageList, create: UsageCreate };
