import {
  Create,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberField,
  NumberInput,
  ReferenceManyField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  maxValue,
  minValue,
  required,
  type RaRecord,
} from 'react-admin';
import { formatAreaCenti } from '@baotou/shared';
import { EnumField, RegionField, RegionInput, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { YuanField } from '../../fund/fields';
import { formatYuan } from '../../fund/money';
import { subsidyBatchStatusChoices } from '../areasChoices';
import { BatchButtons } from './BatchButtons';

const filters = [
  searchFilter,
  <SelectInput key="status" source="status" choices={subsidyBatchStatusChoices} alwaysOn />,
  <NumberInput key="year" source="year" alwaysOn />,
];
const exporter = serverXlsxExporter('subsidy-batches');

const BatchList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="districtName" sortable={false} />
      <TextField source="year" />
      <EnumField source="status" choices={subsidyBatchStatusChoices} />
      <NumberField source="lineCount" sortable={false} />
      <YuanField source="totalFen" />
      <YuanField source="cityFen" sortable={false} />
      <YuanField source="districtFen" sortable={false} />
    </Datagrid>
  </List>
);

/** Drafting computes the lines on the server: enrolled compounds with a passed assessment for that year. */
const BatchCreate = () => (
  <Create redirect="show" transform={(v: { districtCode: string; year: number }) => ({ districtCode: v.districtCode, year: Number(v.year) })}>
    <SimpleForm defaultValues={{ year: new Date().getFullYear() - 1 }}>
      <RegionInput source="districtCode" label="区县" level="district" validate={required('请选择区县')} />
      <NumberInput
        source="year"
        validate={[required('请填写补贴年度'), minValue(2000, '补贴年度不能早于2000年'), maxValue(new Date().getFullYear(), '补贴年度不能晚于今年')]}
        helperText="仅补贴范围内的区县；按各小区当年考核合格的准物业备案生成明细"
      />
    </SimpleForm>
  </Create>
);

const rate = (r: RaRecord) => `${formatYuan(r.rateFen)}`;

const BatchShow = () => (
  <Show actions={false}>
    <SimpleShowLayout>
      <BatchButtons />
      <TextField source="districtName" />
      <TextField source="year" />
      <EnumField source="status" choices={subsidyBatchStatusChoices} />
      <YuanField source="totalFen" />
      <YuanField source="cityFen" />
      <YuanField source="districtFen" />
      <DateField source="districtApprovedAt" showTime locales="zh-CN" emptyText="—" />
      <DateField source="cityApprovedAt" showTime locales="zh-CN" emptyText="—" />
      <DateField source="paidAt" showTime locales="zh-CN" emptyText="—" />
      <ReferenceManyField label="补贴明细（只读）" reference="subsidy-lines" target="batchId" sort={{ field: 'id', order: 'ASC' }} perPage={100}>
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="compoundName" sortable={false} />
          <RegionField source="regionCode" sortable={false} />
          <TextField source="companyName" sortable={false} />
          <FunctionField source="areaCenti" render={(r: RaRecord) => formatAreaCenti(r.areaCenti)} sortable={false} />
          <NumberField source="enrolmentYear" sortable={false} />
          <NumberField source="months" sortable={false} />
          <FunctionField source="rateFen" render={rate} sortable={false} />
          <YuanField source="totalFen" sortable={false} />
          <YuanField source="cityFen" sortable={false} />
          <YuanField source="districtFen" sortable={false} />
          <YuanField source="usedFen" sortable={false} />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);

export const subsidyBatches = {
  list: BatchList,
  show: BatchShow,
  create: BatchCreate,
};
