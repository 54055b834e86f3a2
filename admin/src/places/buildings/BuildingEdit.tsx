import { Edit, SimpleForm } from 'react-admin';
import { BuildingInputs } from './BuildingInputs';

export const BuildingEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <BuildingInputs />
    </SimpleForm>
  </Edit>
);
