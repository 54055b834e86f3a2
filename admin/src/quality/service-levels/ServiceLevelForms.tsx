import { ArrayInput, BooleanInput, Create, Edit, NumberInput, required, SelectInput, SimpleForm, SimpleFormIterator, TextInput } from 'react-admin';
import { categoryChoices, scaleChoices } from '../choices';
import { pick } from '../../common/pick';

const writable = ['scale', 'code', 'order', 'name', 'items', 'sourceDocument', 'placeholder'];
const code = (v: string) => (v && !/^[A-Za-z0-9_-]{1,20}$/.test(v) ? '代码为1–20位字母、数字、-或_' : undefined);
const order = (v: unknown) => (v != null && (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 99) ? '次序为1–99的整数（1为最高）' : undefined);

const Inputs = () => (
  <>
    <SelectInput source="scale" choices={scaleChoices} validate={required()} />
    <TextInput source="code" validate={[required(), code]} />
    <NumberInput source="order" step={1} min={1} max={99} validate={[required(), order]} />
    <TextInput source="name" validate={required()} />
    <TextInput source="sourceDocument" validate={required()} fullWidth />
    <BooleanInput source="placeholder" />
    <ArrayInput source="items">
      <SimpleFormIterator inline>
        <SelectInput source="category" choices={categoryChoices} validate={required()} />
        <TextInput source="text" validate={required()} sx={{ minWidth: 420 }} />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);

export const ServiceLevelCreate = () => (
  <Create redirect="list" transform={pick(writable)}>
    <SimpleForm defaultValues={{ scale: 'level', items: [], placeholder: false }}>
      <Inputs />
    </SimpleForm>
  </Create>
);

export const ServiceLevelEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={pick(writable)}>
    <SimpleForm>
      <Inputs />
    </SimpleForm>
  </Edit>
);
