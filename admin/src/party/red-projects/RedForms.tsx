import { AutocompleteInput, Create, Edit, NumberInput, required, SelectInput, SimpleForm } from 'react-admin';
import { RefInput } from '../../common/fields';
import { redResultChoices } from '../choices';
import { pick } from '../../common/pick';

const writable = ['compoundId', 'designation', 'year', 'result'];
const DESIGNATIONS = ['市级红色物业示范小区', '区级红色物业示范小区', '红色物业示范企业'].map((d) => ({ id: d, name: d }));

const RedInputs = () => (
  <>
    <RefInput source="compoundId" reference="compounds" validate={required()} />
    <AutocompleteInput
      source="designation"
      choices={DESIGNATIONS}
      onCreate={(v) => ({ id: v ?? '', name: v ?? '' })}
      validate={required()}
      sx={{ minWidth: 280 }}
    />
    <NumberInput source="year" step={1} min={2000} max={2100} validate={required()} />
    <SelectInput source="result" choices={redResultChoices} validate={required()} />
  </>
);

export const RedCreate = () => (
  <Create redirect="list" transform={pick(writable)}>
    <SimpleForm defaultValues={{ year: new Date().getFullYear(), result: 'pending' }}>
      <RedInputs />
    </SimpleForm>
  </Create>
);

export const RedEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={pick(writable)}>
    <SimpleForm>
      <RedInputs />
    </SimpleForm>
  </Edit>
);
