import { Alert } from '@mui/material';
import { BooleanInput, Create, DateInput, Edit, FormDataConsumer, NumberInput, required, SelectInput, SimpleForm, TextInput, maxLength } from 'react-admin';
import { RefInput } from '../../common/fields';
import { billingCycleChoices, feeItemKindChoices } from '../choices';

const int = (label: string, min: number) => (v: unknown) => (v == null || v === '' ? undefined : Number.isInteger(v) && (v as number) >= min ? undefined : `${label}须为不小于${min}的整数`);
const firstOfMonth = (v: unknown) => (typeof v === 'string' && v && !v.endsWith('-01') ? '起始计费日期须为某月1日' : undefined);

/** No step here (or anywhere) cuts water, power, heating, gas, lifts or access to collect fees (Civil Code Art. 944). */
const Art944 = () => <Alert severity="info" sx={{ mb: 2 }}>依《民法典》第九百四十四条，不得以停水、停电、停热、停气、停梯或限制门禁等方式催缴物业费；违约金仅在服务合同约定时设置。</Alert>;

export const FeeItemCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ kind: 'property_fee', billingCycle: 'monthly', active: true }}>
      <Art944 />
      <RefInput source="projectId" reference="projects" optionText="compoundName" validate={required('请选择服务项目')} />
      <SelectInput source="kind" choices={feeItemKindChoices} validate={required('请选择类型')} />
      <TextInput source="name" validate={[required('请填写名称'), maxLength(40, '名称最多40字')]} />
      <FormDataConsumer>
        {({ formData }) =>
          formData.kind === 'property_fee' ? (
            <NumberInput source="feeMilliFenPerM2Month" step={1} validate={[required('物业服务费须填写每平方米每月单价'), int('单价', 1)]} helperText="单位：毫分/㎡·月（1.39元 = 139000）" />
          ) : (
            <NumberInput source="monthlyFen" step={1} validate={[required('请填写月收费金额'), int('月收费金额', 1)]} helperText="单位：分/月" />
          )
        }
      </FormDataConsumer>
      <SelectInput source="billingCycle" choices={billingCycleChoices} validate={required('请选择计费周期')} />
      <DateInput source="startsOn" validate={[required('请填写起始计费日期'), firstOfMonth]} />
      <NumberInput source="lateFeeBpPerMonth" step={1} validate={int('违约金比例', 1)} helperText="仅在服务合同约定违约金时填写（万分之/月），默认不收" />
      <BooleanInput source="active" />
    </SimpleForm>
  </Create>
);

export const FeeItemEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <Art944 />
      <TextInput source="name" validate={[required('请填写名称'), maxLength(40, '名称最多40字')]} />
      <NumberInput source="lateFeeBpPerMonth" step={1} validate={int('违约金比例', 1)} helperText="仅在服务合同约定违约金时填写（万分之/月）" />
      <BooleanInput source="active" />
    </SimpleForm>
  </Edit>
);
