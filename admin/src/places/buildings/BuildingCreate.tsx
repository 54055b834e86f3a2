import { Create, SimpleForm } from 'react-admin';
import { BuildingInputs } from './BuildingInputs';

export const BuildingCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <BuildingInputs isCreate />
    </SimpleForm>
  </Create>
);
