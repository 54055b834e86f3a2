import { Edit, SimpleForm } from 'react-admin';
import { RegionInputs } from './RegionInputs';

export const RegionEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <RegionInputs />
    </SimpleForm>
  </Edit>
);
