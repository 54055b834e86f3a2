import { Edit, SimpleForm } from 'react-admin';
import { UnitInputs } from './UnitInputs';

export const UnitEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <UnitInputs />
    </SimpleForm>
  </Edit>
);
