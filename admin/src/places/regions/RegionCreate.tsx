import { Create, SimpleForm } from 'react-admin';
import { RegionInputs } from './RegionInputs';

export const RegionCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <RegionInputs isCreate />
    </SimpleForm>
  </Create>
);
