import { Edit, SimpleForm } from 'react-admin';
import { CompoundInputs } from './CompoundInputs';

export const CompoundEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <CompoundInputs />
    </SimpleForm>
  </Edit>
);
