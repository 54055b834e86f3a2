import { Alert, Typography } from '@mui/material';
import {
  Create,
  DateField,
  FunctionField,
  Labeled,
  ReferenceArrayInput,
  SelectArrayInput,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  required,
  useRecordContext,
  type RaRecord,
} from 'react-admin';
import { billingRunStatusChoices, monthChoices } from '../choices';
import { YuanField } from '../fields';
import { RunProgress } from './BillingRunList';

const ProgressField = () => {
  const record = useRecordContext();
  return record ? (
    <Labeled label="进度">
      <RunProgress record={record} />
    </Labeled>
  ) : null;
};

/**
 * One month for some of the company's compounds, as one batch: the server answers at once and
 * bills project by project (progress on the run's page); a project already billed for the month is
 * refused, so nobody is billed twice. Unsold and undelivered homes are billed to the developer.
 */
export const BillingRunCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ period: monthChoices()[0].id }}>
      <Alert severity="info" sx={{ mb: 2 }}>
        按所选月份为所选小区生成账单；同一项目同一月份只能计费一次。未售或未交付的房屋由开发建设单位缴纳（《物业管理条例》第四十一条）。
      </Alert>
      <SelectInput source="period" choices={monthChoices()} validate={required('请选择计费月份')} />
      <ReferenceArrayInput source="compoundIds" reference="compounds" perPage={200}>
        {/* inside the reference the field's label would be looked up on compounds ("Compound"): named here */}
        <SelectArrayInput label="小区" optionText="name" validate={required('至少选择一个小区')} />
      </ReferenceArrayInput>
    </SimpleForm>
  </Create>
);

export const BillingRunShow = () => (
  <Show
    queryOptions={
      { refetchInterval: (q: { state: { data?: RaRecord } }) => (q.state.data && ['queued', 'running'].includes(q.state.data.status) ? 1000 : false) } as never
    }
  >
    <SimpleShowLayout>
      <TextField source="id" />
      <TextField source="period" />
      <TextField source="compoundNames" />
      <SelectField source="status" choices={billingRunStatusChoices} />
      <ProgressField />
      <FunctionField source="billsCreated" render={(r: RaRecord) => `${r.billsCreated} 张`} />
      <YuanField source="billedFen" />
      <TextField source="note" emptyText="—" />
      <FunctionField source="error" render={(r: RaRecord) => (r.error ? <Typography color="error">{r.error}</Typography> : '—')} />
      <TextField source="createdByName" emptyText="—" />
      <DateField locales="zh-CN" source="startedAt" showTime emptyText="—" />
      <DateField locales="zh-CN" source="finishedAt" showTime emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
