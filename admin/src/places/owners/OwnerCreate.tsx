import { Create, SimpleForm } from 'react-admin';
import { OwnerInputs } from './OwnerInputs';

export const OwnerCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <OwnerInputs />
    </SimpleForm>
  </Create>
);
