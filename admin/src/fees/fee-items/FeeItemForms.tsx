import { Alert } from '@mui/material';
import { BooleanInput, Create, DateInput, Edit, FormDataConsumer, NumberInput, required, SelectInput, SimpleForm, TextInput, maxLength } from 'react-admin';
import { parseUnitPriceYuan, parseYuan } from '@baotou/shared';
import { RefInput } from '../../common/fields';
import { YuanInput } from '../../fund/fields';
import { billingCycleChoices, feeItemKindChoices } from '../choices';

const int = (label: string, min: number) => (v: unknown) =>
  v == null || v === '' ? undefined : Number.isInteger(v) && (v as number) >= min ? undefined : `${label}须为不小于${min}的整数`;
const firstOfMonth = (v: unknown) => (typeof v === 'string' && v && !v.endsWith('-01') ? '起始计费日期须为某月1日' : undefined);

/** No step here (or anywhere) cuts water, power, heating, gas, lifts or access to collect fees (Civil Code Art. 944). */
const Art944 = () => (
  <Alert severity="info" sx={{ mb: 2 }}>
    依《民法典》第九百四十四条，不得以停水、停电、停热、停气、停梯或限制门禁等方式催缴物业费；违约金仅在服务合同约定时设置。
  </Alert>
);

const unitPriceYuan = (v: unknown) =>
  v == null || v === '' || parseUnitPriceYuan(v as string) !== null ? undefined : '单价须为不超过1000的数字，单位元/㎡·月，最多五位小数';

/** Prices are typed in yuan (the form once asked for milli-fen, "139000" for 1.39 元) and sent as the API's integers. */
const toApi = ({ unitPriceYuan: price, monthlyYuan, ...rest }: Record<string, unknown>) => ({
  ...rest,
  feeMilliFenPerM2Month: rest.kind === 'property_fee' ? parseUnitPriceYuan(price as string) : null,
  monthlyFen: rest.kind === 'property_fee' ? null : parseYuan(monthlyYuan as string),
});

export const FeeItemCreate = () => (
  <Create redirect="list" transform={toApi}>
    <SimpleForm defaultValues={{ kind: 'property_fee', billingCycle: 'monthly', active: true }}>
      <Art944 />
      <RefInput source="projectId" reference="projects" optionText="compoundName" validate={required('请选择服务项目')} />
      <SelectInput source="kind" choices={feeItemKindChoices} validate={required('请选择类型')} />
      <TextInput source="name" validate={[required('请填写名称'), maxLength(40, '名称最多40字')]} />
      <FormDataConsumer>
        {({ formData }) =>
          formData.kind === 'property_fee' ? (
            <TextInput
              source="unitPriceYuan"
              label="单价（元/㎡·月）"
              validate={[required('物业服务费须填写每平方米每月单价'), unitPriceYuan]}
              helperText="如 1.39"
            />
          ) : (
            <YuanInput source="monthlyYuan" label="月收费金额（元）" helperText="单位：元/月，最多两位小数" />
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
