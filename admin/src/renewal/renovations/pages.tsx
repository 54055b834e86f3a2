import {
  ArrayField,
  ArrayInput,
  Create,
  Datagrid,
  DateField,
  DateInput,
  Edit,
  FunctionField,
  List,
  NumberField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleFormIterator,
  SimpleShowLayout,
  TextField,
  TextInput,
  maxLength,
  required,
  type RaRecord,
} from 'react-admin';
import { EnumField, RefInput, RegionField, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { YuanField } from '../../fund/fields';
import { formatYuan, parseYuan, yuanValidator } from '../../fund/money';
import { renovationStatusChoices, voteOutcomeLabels } from '../areasChoices';
import { RenovationButtons } from './RenovationButtons';

const filters = [
  searchFilter,
  <SelectInput key="status" source="status" choices={renovationStatusChoices} alwaysOn />,
  <RefInput key="compoundId" source="compoundId" reference="compounds" />,
];
const exporter = serverXlsxExporter('renovations');

const outcome = (r: RaRecord) => (r.voteOutcome ? voteOutcomeLabels[r.voteOutcome] : '未发起');

const RenovationList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="compoundName" sortable={false} />
      <TextField source="title" sortable={false} />
      <YuanField source="budgetFen" />
      <DateField source="plannedStart" locales="zh-CN" />
      <FunctionField source="voteOutcome" render={outcome} sortable={false} />
      <EnumField source="status" choices={renovationStatusChoices} />
      <NumberField source="progressPercent" />
    </Datagrid>
  </List>
);

type Values = {
  compoundId: number;
  title: string;
  items: { name: string; budgetYuan: string }[];
  plannedStart: string;
  plannedEnd: string;
  serviceStandard?: string;
  feeYuan?: string;
};
const toBody = (v: Values) => ({
  compoundId: v.compoundId,
  title: v.title,
  items: (v.items ?? []).map((i) => ({ name: i.name, budgetFen: parseYuan(i.budgetYuan) })),
  plannedStart: v.plannedStart,
  plannedEnd: v.plannedEnd,
  serviceStandard: v.serviceStandard?.trim() || null,
  feeFenPerSqmMonth: v.feeYuan ? parseYuan(v.feeYuan) : null,
});
const fromRecord = (r: RaRecord) => ({
  ...r,
  items: (r.items ?? []).map((i: { name: string; budgetFen: number }) => ({ name: i.name, budgetYuan: formatYuan(i.budgetFen, { grouping: false }) })),
  feeYuan: r.feeFenPerSqmMonth == null ? '' : formatYuan(r.feeFenPerSqmMonth, { grouping: false }),
});
const endAfterStart = (end: string, v: Values) => (end && v.plannedStart && end < v.plannedStart ? '计划完工日期不能早于开工日期' : undefined);
const atLeastOne = (items: unknown[] | undefined) => (!items?.length ? '至少填写一项改造内容' : undefined);

const Inputs = () => (
  <SimpleForm>
    <RefInput source="compoundId" reference="compounds" filter={{ retired: false }} validate={required('请选择小区')} />
    <TextInput source="title" fullWidth validate={[required('请填写项目名称'), maxLength(100, '项目名称最多100字')]} />
    <ArrayInput source="items" label="改造内容及预算" validate={atLeastOne}>
      <SimpleFormIterator inline disableReordering>
        <TextInput source="name" label="改造内容" validate={[required('请填写改造内容'), maxLength(100, '最多100字')]} />
        <TextInput source="budgetYuan" label="预算（元）" validate={yuanValidator()} />
      </SimpleFormIterator>
    </ArrayInput>
    <DateInput source="plannedStart" validate={required('请填写计划开工日期')} />
    <DateInput source="plannedEnd" validate={[required('请填写计划完工日期'), endAfterStart]} />
    <TextInput source="serviceStandard" multiline fullWidth validate={maxLength(500, '最多500字')} helperText="业主表决的内容之一" />
    <TextInput source="feeYuan" label="改造后物业费（元/㎡·月）" validate={yuanValidator({ allowZero: true })} helperText="业主表决的内容之一；可不填" />
  </SimpleForm>
);

const RenovationShow = () => (
  <Show>
    <SimpleShowLayout>
      <RenovationButtons />
      <TextField source="compoundName" />
      <RegionField source="regionCode" />
      <TextField source="title" />
      <ArrayField source="items">
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="name" label="改造内容" />
          <YuanField source="budgetFen" label="预算（元）" />
        </Datagrid>
      </ArrayField>
      <YuanField source="budgetFen" />
      <DateField source="plannedStart" locales="zh-CN" />
      <DateField source="plannedEnd" locales="zh-CN" />
      <TextField source="serviceStandard" emptyText="—" />
      <FunctionField source="feeFenPerSqmMonth" render={(r: RaRecord) => (r.feeFenPerSqmMonth == null ? '—' : `${formatYuan(r.feeFenPerSqmMonth)} 元/㎡·月`)} />
      <FunctionField source="voteOutcome" render={outcome} />
      <EnumField source="status" choices={renovationStatusChoices} />
      <TextField source="contractRef" emptyText="—" />
      <NumberField source="progressPercent" />
      <TextField source="progressNote" emptyText="—" />
      <DateField source="acceptedOn" locales="zh-CN" emptyText="—" />
      <TextField source="acceptanceNote" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);

export const renovations = {
  list: RenovationList,
  show: RenovationShow,
  create: () => (
    <Create redirect="show" transform={toBody}>
      <Inputs />
    </Create>
  ),
  edit: () => (
    <Edit mutationMode="pessimistic" redirect="show" transform={toBody} queryOptions={{ select: fromRecord } as never}>
      <Inputs />
    </Edit>
  ),
};
