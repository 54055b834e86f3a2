import {
  Create,
  Datagrid,
  Edit,
  FunctionField,
  List,
  NumberField,
  NumberInput,
  SelectField,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  DateField,
} from 'react-admin';
import { formatTarget, kpiTargetSchema, type KpiIndicator } from '@baotou/shared';
import { searchFilter } from '../common/fields';
import { serverXlsxExporter } from '../common/serverExport';
import { useRowClick } from '../common/rowClick';
import { zodValidate } from '../supervision/inspectionChoices';
import { pick } from '../common/pick';
import { indicatorChoices, yearChoices } from './choices';

export const KPI_TARGET_WRITABLE = ['year', 'indicator', 'value', 'document'] as const;
const validate = zodValidate(kpiTargetSchema, pick(KPI_TARGET_WRITABLE));

const filters = [
  searchFilter,
  <SelectInput key="year" source="year" choices={yearChoices} alwaysOn />,
  <SelectInput key="indicator" source="indicator" choices={indicatorChoices} alwaysOn />,
];

const exporter = serverXlsxExporter('kpi-targets');

const targetText = (r: { indicator: KpiIndicator; value: number }) => formatTarget(r.indicator, r.value);

export const KpiTargetList = () => {
  // Bureau staff read the targets; only the city edits them (a reader's row click led to 无权访问).
  const rowClick = useRowClick();
  return (
    <List filters={filters} exporter={exporter} sort={{ field: 'year', order: 'DESC' }} perPage={25}>
      <Datagrid rowClick={rowClick} bulkActionButtons={false}>
        <NumberField source="year" options={{ useGrouping: false }} />
        <SelectField source="indicator" choices={indicatorChoices} />
        <FunctionField source="value" render={(r: { indicator: KpiIndicator; value: number }) => targetText(r)} />
        <TextField source="document" sortable={false} />
        <DateField locales="zh-CN" source="createdAt" showTime />
      </Datagrid>
    </List>
  );
};

const Inputs = () => (
  <>
    <SelectInput source="year" choices={yearChoices} />
    <SelectInput source="indicator" choices={indicatorChoices} />
    <NumberInput source="value" step={1} min={0} helperText="比率类指标以千分比填写（如 91.5% 填 915，80% 填 800）；个数类指标填个数" />
    <TextInput source="document" fullWidth helperText="设定该目标的文件及文号，如 包府办发〔2025〕1号" />
  </>
);

export const KpiTargetCreate = () => (
  <Create redirect="list" transform={pick(KPI_TARGET_WRITABLE)}>
    <SimpleForm defaultValues={{ year: new Date().getFullYear() + 1 }} validate={validate}>
      <Inputs />
    </SimpleForm>
  </Create>
);

export const KpiTargetEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={pick(KPI_TARGET_WRITABLE)}>
    <SimpleForm validate={validate}>
      <Inputs />
    </SimpleForm>
  </Edit>
);
