import {
  Create,
  Datagrid,
  DateField,
  DateInput,
  Edit,
  List,
  ReferenceManyField,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  maxLength,
  required,
} from 'react-admin';
import { EnumField, RefInput, RegionField, searchFilter } from '../../common/fields';
import { serverXlsxExporter } from '../../common/serverExport';
import { assessmentResultChoices } from '../areasChoices';
import { NewAssessmentButton } from '../quasi-assessments/NewAssessmentButton';

const filters = [
  searchFilter,
  <RefInput key="compoundId" source="compoundId" reference="compounds" />,
  <RefInput key="companyId" source="companyId" reference="companies" />,
];

const exporter = serverXlsxExporter('quasi-enrolments');

const EnrolmentList = () => (
  <List filters={filters} exporter={exporter} sort={{ field: 'id', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="compoundName" sortable={false} />
      <RegionField source="regionCode" />
      <TextField source="companyName" sortable={false} />
      <DateField source="startDate" locales="zh-CN" />
      <DateField source="endDate" locales="zh-CN" emptyText="至今" sortable={false} />
    </Datagrid>
  </List>
);

const endAfterStart = (end: string, values: { startDate?: string }) =>
  end && values.startDate && end < values.startDate ? '结束日期不能早于开始日期' : undefined;

/** A compound enters quasi-property management with a company from a start date; enrolments of one compound never overlap. */
const Inputs = ({ edit }: { edit?: boolean }) => (
  <SimpleForm>
    <RefInput source="compoundId" reference="compounds" filter={{ retired: false }} validate={required('请选择小区')} readOnly={edit} />
    <RefInput source="companyId" reference="companies" validate={required('请选择准物业服务企业')} />
    <DateInput source="startDate" validate={required('请填写开始日期')} />
    <DateInput source="endDate" validate={endAfterStart} helperText="仍在服务的留空" />
    <TextInput source="note" multiline fullWidth validate={maxLength(500, '备注最多500字')} />
  </SimpleForm>
);

const EnrolmentShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="compoundName" />
      <RegionField source="regionCode" />
      <TextField source="companyName" />
      <DateField source="startDate" locales="zh-CN" />
      <DateField source="endDate" locales="zh-CN" emptyText="至今" />
      <TextField source="note" emptyText="—" />
      <NewAssessmentButton />
      <ReferenceManyField label="年度考核" reference="quasi-assessments" target="enrolmentId" sort={{ field: 'year', order: 'DESC' }}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="year" />
          <EnumField source="result" choices={assessmentResultChoices} />
          <TextField source="note" emptyText="—" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);

export const quasiEnrolments = {
  list: EnrolmentList,
  show: EnrolmentShow,
  create: () => (
    <Create redirect="show">
      <Inputs />
    </Create>
  ),
  edit: () => (
    <Edit mutationMode="pessimistic" redirect="show">
      <Inputs edit />
    </Edit>
  ),
};
