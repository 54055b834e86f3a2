import { BooleanInput, Create, Edit, NumberInput, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { checklistItemSchema } from '@baotou/shared';
import { categoryChoices, severityChoices } from '../inspectionChoices';
import { pick } from '../../common/pick';
import { zodValidate } from '../../common/schemaValidation';

const writable = ['code', 'category', 'text', 'severity', 'onSpot', 'fireLane', 'sourceDocument', 'sortOrder', 'active'];
const validate = zodValidate(checklistItemSchema, pick(writable));

const Inputs = () => (
  <>
    <TextInput source="code" helperText="如 FL-01" />
    <SelectInput source="category" choices={categoryChoices} />
    <TextInput source="text" fullWidth multiline />
    <SelectInput source="severity" choices={severityChoices} />
    <BooleanInput source="onSpot" helperText="公安部令第61号第31条所列情形，须当场改正" />
    <BooleanInput source="fireLane" helperText="上报时同时通报消防救援机构" />
    <TextInput source="sourceDocument" fullWidth />
    <NumberInput source="sortOrder" step={10} />
    <BooleanInput source="active" />
  </>
);

export const ChecklistItemCreate = () => (
  <Create redirect="list" transform={pick(writable)}>
    <SimpleForm defaultValues={{ severity: 'general', onSpot: false, fireLane: false, sortOrder: 0, active: true }} validate={validate}>
      <Inputs />
    </SimpleForm>
  </Create>
);

export const ChecklistItemEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={pick(writable)}>
    <SimpleForm validate={validate}>
      <Inputs />
    </SimpleForm>
  </Edit>
);
