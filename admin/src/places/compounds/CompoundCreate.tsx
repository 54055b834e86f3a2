import { Create, SimpleForm } from 'react-admin';
import { CompoundInputs } from './CompoundInputs';

export const CompoundCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ facilitiesComplete: false }}>
      <CompoundInputs />
    </SimpleForm>
  </Create>
);
