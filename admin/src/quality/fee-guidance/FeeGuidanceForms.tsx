import { Create, DateInput, Edit, NumberInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { RefInput } from '../../common/fields';
import { fenValidator, propertyTypeChoices } from '../choices';
import { pick } from '../../common/pick';

const writable = ['levelId', 'propertyType', 'minFen', 'maxFen', 'sourceDocument', 'effectiveFrom', 'effectiveUntil'];
const notAboveMax = (min: number, values: Record<string, any>) =>
  min != null && values.maxFen != null && min > values.maxFen ? '下限不能高于上限' : undefined;
const afterFrom = (until: string, values: Record<string, any>) =>
  until && values.effectiveFrom && until < values.effectiveFrom ? '失效日期不能早于生效日期' : undefined;

const Inputs = () => (
  <>
    <RefInput source="levelId" reference="service-levels" validate={required()} />
    <SelectInput source="propertyType" choices={propertyTypeChoices} validate={required()} />
    <NumberInput source="minFen" step={1} min={0} validate={[required(), fenValidator, notAboveMax]} helperText="单位：分/㎡·月（1.39元 = 139）" />
    <NumberInput source="maxFen" step={1} min={0} validate={[required(), fenValidator]} helperText="单位：分/㎡·月" />
    <TextInput source="sourceDocument" validate={required()} fullWidth />
    <DateInput source="effectiveFrom" validate={required()} />
    <DateInput source="effectiveUntil" validate={afterFrom} helperText="不填为长期有效" />
  </>
);

export const FeeGuidanceCreate = () => (
  <Create redirect="list" transform={pick(writable)}>
    <SimpleForm>
      <Inputs />
    </SimpleForm>
  </Create>
);

export const FeeGuidanceEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={pick(writable)}>
    <SimpleForm>
      <Inputs />
    </SimpleForm>
  </Edit>
);
