import {
  Create,
  DateInput,
  Edit,
  NumberInput,
  required,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  DateField,
  SelectField,
  FunctionField,
  TextInput,
} from 'react-admin';
import { RefInput } from '../../common/fields';
import { tenthsToHours, trainingKindChoices } from '../workforceChoices';
import { pick } from '../../common/pick';

const writable = ['staffId', 'kind', 'course', 'provider', 'hoursTenths', 'trainedOn', 'certificateNo', 'evidence'];

// Hours are typed in hours (one decimal) and sent as tenths of an hour, as the API stores them.
const toHours = (t: unknown) => (typeof t === 'number' ? t / 10 : t);
const toTenths = (h: unknown) => {
  if (h === '' || h === null || h === undefined) return null;
  const t = Number(h) * 10;
  // 0.7 h is 7.000000000000001 tenths in floating point: snap only what is a whole tenth.
  return Math.abs(t - Math.round(t)) < 1e-6 ? Math.round(t) : t;
};
const validTenths = (t: unknown) =>
  typeof t === 'number' && Number.isInteger(t) && t >= 1 && t <= 240 ? undefined : '学时须大于0、不超过24小时，最多一位小数';

const TrainingInputs = () => (
  <>
    <RefInput source="staffId" reference="staff" optionText={(r) => (r ? `${r.name}（${r.staffNo}）` : '')} validate={required()} />
    <SelectInput source="kind" choices={trainingKindChoices} validate={required()} />
    <TextInput source="course" validate={required()} />
    <TextInput source="provider" validate={required()} />
    <NumberInput
      source="hoursTenths"
      format={toHours}
      parse={toTenths}
      step="any"
      validate={[required(), validTenths]}
      helperText="小时，最多一位小数；每人每天合计不超过24小时"
    />
    <DateInput source="trainedOn" validate={required()} />
    <TextInput source="certificateNo" />
    <TextInput source="evidence" helperText="如签到表、结业证书的文件名或链接" />
  </>
);

export const TrainingCreate = () => (
  <Create redirect="list" transform={pick(writable)}>
    <SimpleForm defaultValues={{ kind: 'pre_job' }}>
      <TrainingInputs />
    </SimpleForm>
  </Create>
);

export const TrainingEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={pick(writable)}>
    <SimpleForm>
      <TrainingInputs />
    </SimpleForm>
  </Edit>
);

export const TrainingShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="staffName" />
      <TextField source="staffNo" />
      <TextField source="companyName" />
      <SelectField source="kind" choices={trainingKindChoices} />
      <TextField source="course" />
      <TextField source="provider" />
      <FunctionField source="hoursTenths" render={(r: { hoursTenths: number }) => tenthsToHours(r.hoursTenths)} />
      <DateField locales="zh-CN" source="trainedOn" />
      <TextField source="certificateNo" emptyText="—" />
      <TextField source="evidence" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
